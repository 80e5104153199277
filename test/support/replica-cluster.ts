// A PostgreSQL primary and a streaming replica of their own, made with Debian's cluster tools, for
// the replica tests, the e2e spec and the bench (docs/operations.md, "Read replicas"):
//   pg_createcluster (primary: wal_level=replica, a trust line for replication on loopback) → start
//   → pg_createcluster (replica) with its data directory replaced by `pg_basebackup -R` of the
//   primary → start: a hot standby streaming from the primary, about 2 s on a quiet machine.
// Both clusters are dropped (`pg_dropcluster --stop`) by drop(), on a failed set-up, and at the
// latest when the process exits. The machine's own clusters are never touched: the names are new,
// the ports free ones of the given range. Needs root (pg_createcluster) and the postgresql package.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, chownSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import postgres from 'postgres';

export interface ReplicaPair {
  version: string;
  primaryPort: number;
  replicaPort: number;
  /** postgres:// URL of a database on the primary. */
  primaryUrl(database?: string): string;
  /** The same database on the replica (read-only). */
  replicaUrl(database?: string): string;
  /** Creates a database on the primary; the replica gets it by replaying. */
  createDatabase(name: string): Promise<void>;
  /** Stops applying WAL on the replica (it keeps receiving it): its data stands still. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** The replica's server down (its port refuses connections) and up again. */
  stopReplica(): void;
  startReplica(): Promise<void>;
  /** Stops and removes both clusters. Idempotent. */
  drop(): void;
}

export interface ReplicaPairOptions {
  /** Ports to choose from, two free ones are taken (default 5441–5449). */
  ports?: number[];
  /** Extra postgresql.conf settings of both clusters. */
  settings?: Record<string, string>;
}

const DEFAULT_PORTS = [5441, 5442, 5443, 5444, 5445, 5446, 5447, 5448, 5449];
const LOCK_DIR = '/tmp/mb-replica-ports';

function run(command: string, args: string[], asPostgres = false): string {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The newest installed server version (`ls /usr/lib/postgresql`). */
export function installedPostgresVersion(): string {
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error('no PostgreSQL server in /usr/lib/postgresql (apt-get install postgresql)');
  return newest;
}

/** Whether this machine can make clusters: root and Debian's postgresql-common. */
export function canMakeClusters(): boolean {
  try {
    return process.getuid?.() === 0 && statSync('/usr/bin/pg_createcluster').isFile() && installedPostgresVersion() !== '';
  } catch {
    return false;
  }
}

function portsOfClusters(): Set<number> {
  const out = run('pg_lsclusters', ['--no-header']);
  return new Set(out.split('\n').map((line) => Number(line.trim().split(/\s+/)[2])).filter(Number.isFinite));
}

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes a port: free to listen on, no cluster configured on it, and not claimed by a live process of ours. */
async function claimPort(candidates: number[], taken: Set<number>): Promise<{ port: number; release: () => void }> {
  mkdirSync(LOCK_DIR, { recursive: true });
  const clusters = portsOfClusters();
  for (const port of candidates) {
    if (taken.has(port) || clusters.has(port)) continue;
    const lock = path.join(LOCK_DIR, String(port));
    try {
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && alive(owner)) continue;
      rmSync(lock, { force: true });
    } catch {
      // no lock: free to try
    }
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      continue;
    }
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
    if (await listenable(port)) return { port, release: () => rmSync(lock, { force: true }) };
    rmSync(lock, { force: true });
  }
  throw new Error(`no free port for a PostgreSQL cluster among ${candidates.join(', ')}`);
}

const TRUST_LINES = 'host replication all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n';

/** Loopback trusted first (the first matching line wins): these clusters are throw-away, loopback only. */
function trustLoopback(version: string, cluster: string) {
  const hba = `/etc/postgresql/${version}/${cluster}/pg_hba.conf`;
  writeFileSync(hba, TRUST_LINES + readFileSync(hba, 'utf8'));
}

async function admin<T>(port: number, fn: (sql: postgres.Sql) => Promise<T>, database = 'postgres'): Promise<T> {
  const sql = postgres({ host: '127.0.0.1', port, user: 'postgres', database, max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function createReplicaPair(options: ReplicaPairOptions = {}): Promise<ReplicaPair> {
  if (!canMakeClusters()) {
    throw new Error('a primary with a streaming replica is made with pg_createcluster: run as root on a machine with Debian\'s postgresql package (as .ci/run does)');
  }
  const version = installedPostgresVersion();
  const tag = `mbrep_${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = { primary: `${tag}_p`, replica: `${tag}_r` };
  const candidates = options.ports ?? DEFAULT_PORTS;
  const primaryPort = await claimPort(candidates, new Set());
  const replicaPort = await claimPort(candidates, new Set([primaryPort.port])).catch((error: unknown) => {
    primaryPort.release();
    throw error;
  });
  const settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', ...options.settings };
  const pgOptions = Object.entries(settings).flatMap(([k, v]) => ['-o', `${k}=${v}`]);

  let dropped = false;
  const drop = () => {
    if (dropped) return;
    dropped = true;
    for (const name of [names.replica, names.primary]) {
      try {
        run('pg_dropcluster', ['--stop', version, name]);
      } catch {
        // not created (a failed set-up) or already gone
      }
    }
    primaryPort.release();
    replicaPort.release();
    process.off('exit', drop);
  };
  process.on('exit', drop);

  try {
    run('pg_createcluster', [version, names.primary, '-p', String(primaryPort.port), '-o', 'wal_level=replica', '-o', 'max_wal_senders=5', ...pgOptions]);
    trustLoopback(version, names.primary);
    run('pg_ctlcluster', [version, names.primary, 'start']);

    run('pg_createcluster', [version, names.replica, '-p', String(replicaPort.port), ...pgOptions]);
    trustLoopback(version, names.replica);
    // Its data directory becomes a copy of the primary's, with standby.signal and primary_conninfo (-R).
    const dataDir = `/var/lib/postgresql/${version}/${names.replica}`;
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { mode: 0o700 });
    const { uid, gid } = statSync(`/var/lib/postgresql/${version}/${names.primary}`);
    chownSync(dataDir, uid, gid);
    run('pg_basebackup', ['-R', '-X', 'stream', '-D', dataDir, '-h', '127.0.0.1', '-p', String(primaryPort.port), '-U', 'postgres'], true);
    run('pg_ctlcluster', [version, names.replica, 'start']);
    await waitUntil(() => admin(replicaPort.port, async (sql) => (await sql`select pg_is_in_recovery() as r`)[0]!.r === true), 30_000, 'the replica');
  } catch (error) {
    drop();
    throw error;
  }

  const url = (port: number, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const pair: ReplicaPair = {
    version,
    primaryPort: primaryPort.port,
    replicaPort: replicaPort.port,
    primaryUrl: (database) => url(primaryPort.port, database),
    replicaUrl: (database) => url(replicaPort.port, database),
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await admin(primaryPort.port, (sql) => sql.unsafe(`create database ${name}`));
      await pair.waitForReplay();
    },
    async pauseReplay() {
      await admin(replicaPort.port, (sql) => sql`select pg_wal_replay_pause()`);
      await waitUntil(
        () => admin(replicaPort.port, async (sql) => (await sql`select pg_get_wal_replay_pause_state() as s`)[0]!.s === 'paused'),
        10_000,
        'replay to pause',
      );
    },
    async resumeReplay() {
      await admin(replicaPort.port, (sql) => sql`select pg_wal_replay_resume()`);
    },
    async waitForReplay(timeoutMs = 30_000) {
      // The insert position: with synchronous_commit off the written one can lag a commit (db/replica-routing.ts).
      const [row] = await admin(primaryPort.port, (sql) => sql<{ lsn: string }[]>`select pg_current_wal_insert_lsn()::text as lsn`);
      const lsn = row!.lsn;
      await waitUntil(
        () => admin(replicaPort.port, async (sql) => (await sql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`)[0]!.done === true),
        timeoutMs,
        `the replica to replay ${lsn}`,
      );
    },
    stopReplica() {
      run('pg_ctlcluster', [version, names.replica, 'stop', '-m', 'fast']);
    },
    async startReplica() {
      run('pg_ctlcluster', [version, names.replica, 'start']);
      await waitUntil(() => admin(replicaPort.port, async (sql) => (await sql`select 1 as one`)[0]!.one === 1), 30_000, 'the replica to start');
    },
    drop,
  };
  return pair;
}
