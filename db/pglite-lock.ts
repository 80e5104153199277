// One process owns a PGlite directory. PGlite (WASM) takes no lock of its own, and two
// processes writing one data directory (`npm run db:import` while `npm start` runs) can corrupt
// it. So every open of a directory first creates `<dir>.lock` beside it with O_EXCL, holding the
// owner's pid and start time; the lock is removed on close and, synchronously, on process exit.
//
// A lock whose pid is no longer alive is stale (a process killed by SIGKILL or Ctrl+C, which
// skips exit handlers) and is taken over. So is a lock naming this process's pid that this
// process does not hold: a container restarted with the same pid (often 1). A pid reused by an
// unrelated live process keeps the lock until it is removed by hand; the message names the file.
// A lock written on another host (two containers sharing the volume) is never judged stale: its
// pid means nothing here.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** The exit status of a CLI that found the database in use: EX_TEMPFAIL (sysexits.h), "try again later". */
export const DATABASE_IN_USE_EXIT_CODE = 75;

export interface LockOwner {
  pid: number;
  /** When the owning process started (ISO 8601). */
  startedAt: string;
  /** The owner's host name: a pid is only meaningful on its own host. */
  host?: string;
  /** A per-open token, so that a close never removes a lock taken over by someone else. */
  token: string;
}

export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
  constructor(
    /** The directory as configured (e.g. `.data/pglite`). */
    readonly dir: string,
    readonly lockFile: string,
    readonly owner: LockOwner | null,
  ) {
    const elsewhere = owner?.host && owner.host !== hostname() ? ` on host ${owner.host}` : '';
    const who = owner
      ? owner.pid === process.pid && !elsewhere
        ? `by this process (pid ${owner.pid}: it is already open here)`
        : `by another process (pid ${owner.pid}${elsewhere}, probably the running portal)`
      : `by another process (see ${lockFile})`;
    super(
      `The embedded database in ${dir} is in use ${who}. ` +
        'Stop the portal (Ctrl+C), run the import, then start it again — or run the portal on ' +
        'PostgreSQL (DATABASE_URL), where imports run beside it. ' +
        `(Lock file: ${lockFile}; remove it only when no process uses the database.)`,
    );
  }

  static is(error: unknown): error is DatabaseInUseError {
    return error instanceof Error && error.name === 'DatabaseInUseError';
  }
}

/** Locks held by this process: lock file → token. */
const held = new Map<string, string>();
const processStartedAt = new Date(Date.now() - process.uptime() * 1000).toISOString();
let exitHookInstalled = false;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): { raw: string; owner: LockOwner | null } | null {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
      const host = typeof parsed.host === 'string' ? parsed.host : undefined;
      return { raw, owner: { pid: parsed.pid, startedAt: String(parsed.startedAt ?? ''), token: parsed.token, ...(host ? { host } : {}) } };
    }
  } catch {
    // Half-written by an owner that died while creating it, or garbage: judged below.
  }
  return { raw, owner: null };
}

function isStale(owner: LockOwner | null): boolean {
  // An unreadable lock is someone's half-written file only for an instant; treat as held
  // (refuse) rather than risk two owners. The message names the file to remove.
  if (!owner) return false;
  if (owner.host && owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !held.has(owner.token);
  return !alive(owner.pid);
}

/**
 * Takes `<dir>.lock` for this process, or throws DatabaseInUseError. `shown` is the directory as
 * the operator configured it, for the message. Returns the function that releases it.
 */
export function lockPgliteDir(dir: string, shown: string = dir): () => void {
  const file = `${dir}.lock`;
  const token = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const owner: LockOwner = { pid: process.pid, startedAt: processStartedAt, host: hostname(), token };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = readOwner(file);
      if (!found) continue; // released meanwhile: try again
      if (!isStale(found.owner)) throw new DatabaseInUseError(shown, file, found.owner);
      // Stale: remove it, unless it changed since we read it (someone else took it over first).
      // Between this read and the unlink a race remains, a few microseconds wide.
      const again = readOwner(file);
      if (again && again.raw === found.raw) {
        try {
          unlinkSync(file);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(owner) + '\n');
    } finally {
      closeSync(fd);
    }
    held.set(token, file);
    installExitHook();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release(file, token);
    };
  }
  throw new DatabaseInUseError(shown, file, readOwner(file)?.owner ?? null);
}

function release(file: string, token: string): void {
  held.delete(token);
  // Only our own lock: never one that a later owner took over after declaring ours stale.
  const found = readOwner(file);
  if (found?.owner?.token !== token) return;
  try {
    unlinkSync(file);
  } catch {
    // Gone already.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on process.exit() and a normal end, not on a fatal signal: that leaves a stale
  // lock, which the next opener takes over.
  process.on('exit', () => {
    for (const [token, file] of [...held]) release(file, token);
  });
}
