// Which database a read goes to when a streaming replica is configured (docs/operations.md, "Read
// replicas"). The replica, unless
//  - the reader has a write of its own the replica has not replayed yet (read-your-writes: the
//    write's WAL position, `pg_current_wal_insert_lsn()` on the primary after it committed, against the
//    replica's `pg_last_wal_replay_lsn()`), or
//  - the replica failed or was slow a moment ago (then the primary for `retryAfterMs`).
// A read the replica fails or does not answer within `timeoutMs` is asked of the primary: a replica
// never turns a page into an error. Free of Next.js and of the logger (the db room imports neither):
// lib/auth/read-routing.ts wires it to the request's cookie and to the log.
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { rowsOf } from './rows';

/** A WAL position as PostgreSQL prints it: two hexadecimal halves, `16/B374D848`. */
const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** The position as one number, or null for anything that is not an LSN. */
export function parseLsn(text: string): bigint | null {
  const m = LSN.exec(text);
  if (!m) return null;
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/**
 * The primary's WAL position after a write committed: every transaction committed before is at or
 * below it. The insert position, not `pg_current_wal_lsn()` (the position written out so far): with
 * `synchronous_commit = off` a commit returns before its record is written, so the written position
 * can still be below it and the replica would be judged caught up too soon.
 */
export async function primaryWalLsn(db: Db): Promise<string> {
  const [row] = rowsOf<{ lsn: string }>(await db.execute(sql`select pg_current_wal_insert_lsn()::text as lsn`));
  if (!row) throw new Error('pg_current_wal_insert_lsn() gave no row');
  return row.lsn;
}

/** How far a replica has replayed; null on a server that is not in recovery. */
export async function replayedLsn(db: Db): Promise<string | null> {
  const [row] = rowsOf<{ lsn: string | null }>(await db.execute(sql`select pg_last_wal_replay_lsn()::text as lsn`));
  return row?.lsn ?? null;
}

export type ReplicaFailure = { stage: 'position' | 'read'; reason: 'timeout' | 'error'; error?: unknown };

export interface ReplicaRouterOptions {
  primary: () => Promise<Db>;
  replica: () => Promise<Db>;
  /** A replica read or position check longer than this is abandoned for the primary. */
  timeoutMs: number;
  /** After a failure, how long every read goes straight to the primary. */
  retryAfterMs?: number;
  /** How long a replay position read from the replica is trusted as "at least this far". */
  positionTtlMs?: number;
  /** Told of every fallback (the app logs it). */
  onFallback?: (failure: ReplicaFailure) => void;
  now?: () => number;
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ReplicaRouter {
  private downUntil = 0;
  /** The furthest replay position seen, and when: process-wide, so most checks cost no round trip. */
  private position: { lsn: bigint; at: number } | null = null;

  constructor(private readonly options: ReplicaRouterOptions) {}

  private get now() {
    return (this.options.now ?? Date.now)();
  }

  private fail(failure: ReplicaFailure) {
    this.downUntil = this.now + (this.options.retryAfterMs ?? 10_000);
    this.options.onFallback?.(failure);
  }

  /** Whether the replica has replayed `pending`; a failed or slow check counts as "not yet". */
  async replayed(pending: bigint): Promise<boolean> {
    const known = this.position;
    if (known && known.lsn >= pending) return true;
    // Asked a moment ago and it was behind: the primary, without asking again.
    if (known && this.now - known.at < (this.options.positionTtlMs ?? 100)) return false;
    try {
      const text = await within(this.options.replica().then(replayedLsn), this.options.timeoutMs);
      const lsn = text === null ? null : parseLsn(text);
      // Not a replica (recovery ended, e.g. promoted): its data is the newest there is.
      if (lsn === null) return true;
      if (!this.position || lsn > this.position.lsn) this.position = { lsn, at: this.now };
      else this.position = { lsn: this.position.lsn, at: this.now };
      return lsn >= pending;
    } catch (error) {
      this.fail({ stage: 'position', reason: error instanceof Timeout ? 'timeout' : 'error', error });
      return false;
    }
  }

  /**
   * Runs a read on the replica, or on the primary when the reader waits for `pendingLsn` (its own
   * last write) and the replica has not replayed it, when the replica failed a moment ago, or when
   * the replica fails or is slow now. `run` must only read: it may run twice.
   */
  async read<T>(pendingLsn: string | null, run: (db: Db) => Promise<T>): Promise<T> {
    const onPrimary = async () => run(await this.options.primary());
    if (this.now < this.downUntil) return onPrimary();
    const pending = pendingLsn === null ? null : parseLsn(pendingLsn);
    if (pending !== null && !(await this.replayed(pending))) return onPrimary();
    try {
      return await within(this.options.replica().then(run), this.options.timeoutMs);
    } catch (error) {
      this.fail({ stage: 'read', reason: error instanceof Timeout ? 'timeout' : 'error', error });
      return onPrimary();
    }
  }
}
