// Throttle buckets in the database, so that every instance of the portal shares them. The policy
// (how many failures, how long a lock) is pure: lib/domain/throttle.ts.
//
// Check and count must be one step: were the bucket only read before a guess is verified and
// written after, a burst of parallel guesses would all pass the check before the first failure
// is counted (a 4-digit PIN falls to 10 000 parallel requests). So an attempt holds the row locks
// of its buckets from the check until its outcome is counted; attempts on one card, account or
// client address run one after another.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { throttleBuckets } from '../../db/schema';
import { checkThrottle, registerFailure, type ThrottlePolicy } from '../domain/throttle';

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export interface ThrottleStatus {
  allowed: boolean;
  retryAfterMs: number;
}

/** A success proves who is asking: forget those buckets. */
export async function clearThrottle(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(throttleBuckets).where(inArray(throttleBuckets.key, keys));
}

export type AttemptOutcome<T> = { ok: boolean; value: T; clear?: string[] };
export type Throttled = { throttled: true; retryAfterMs: number };

/** Locks the buckets (creating them when missing), in one order so that attempts never deadlock. */
async function lockBuckets(tx: Executor, keys: ThrottleKey[], now: Date) {
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  await tx
    .insert(throttleBuckets)
    .values(sorted.map((k) => ({ key: k.key, failures: 0, windowStartedAt: now, lockedUntil: null })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(throttleBuckets)
    .where(inArray(throttleBuckets.key, sorted.map((k) => k.key)))
    .orderBy(throttleBuckets.key)
    .for('update');
  return { sorted, byKey: new Map(rows.map((r) => [r.key, r])) };
}

async function countFailure(tx: Executor, sorted: ThrottleKey[], byKey: Map<string, typeof throttleBuckets.$inferSelect>, now: Date) {
  for (const k of sorted) {
    const row = byKey.get(k.key);
    const next = registerFailure(row && row.failures > 0 ? row : null, k.policy, now);
    await tx.update(throttleBuckets).set(next).where(sql`${throttleBuckets.key} = ${k.key}`);
  }
}

/**
 * One throttled attempt: refused while a bucket is locked; otherwise `attempt` runs while the
 * buckets stay locked, a failure is counted in every bucket, and a success clears `clear`.
 */
export async function throttledAttempt<T>(
  db: Db,
  keys: ThrottleKey[],
  now: Date,
  attempt: (tx: Executor) => Promise<AttemptOutcome<T>>,
): Promise<Throttled | { throttled: false; value: T }> {
  return db.transaction(async (tx) => {
    const { sorted, byKey } = await lockBuckets(tx, keys, now);
    const wait = Math.max(0, ...[...byKey.values()].map((row) => checkThrottle(row, now).retryAfterMs));
    if (wait > 0) return { throttled: true as const, retryAfterMs: wait };
    const outcome = await attempt(tx);
    if (!outcome.ok) await countFailure(tx, sorted, byKey, now);
    else if (outcome.clear?.length) await tx.delete(throttleBuckets).where(inArray(throttleBuckets.key, outcome.clear));
    // Buckets made just for this attempt and left without a failure are not worth keeping.
    if (outcome.ok) {
      await tx.delete(throttleBuckets).where(and(inArray(throttleBuckets.key, sorted.map((k) => k.key)), eq(throttleBuckets.failures, 0)));
    }
    return { throttled: false as const, value: outcome.value };
  });
}

/** For requests that count whatever their outcome (each sends a mail): check and count in one step. */
export async function countAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<ThrottleStatus> {
  const result = await throttledAttempt(db, keys, now, async () => ({ ok: false, value: null }));
  return result.throttled ? { allowed: false, retryAfterMs: result.retryAfterMs } : { allowed: true, retryAfterMs: 0 };
}
