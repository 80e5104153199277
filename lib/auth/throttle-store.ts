// Throttle buckets in the database, so that every instance of the portal shares them. The policy
// (how many failures, how long a lock) is pure: lib/domain/throttle.ts.
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
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

/** Whether every bucket allows an attempt now; the longest wait when one does not. One query. */
export async function throttleStatus(db: Executor, keys: ThrottleKey[], now: Date): Promise<ThrottleStatus> {
  if (keys.length === 0) return { allowed: true, retryAfterMs: 0 };
  const rows = await db
    .select()
    .from(throttleBuckets)
    .where(inArray(throttleBuckets.key, keys.map((k) => k.key)));
  const wait = Math.max(0, ...rows.map((row) => checkThrottle(row, now).retryAfterMs));
  return { allowed: wait === 0, retryAfterMs: wait };
}

/**
 * Counts a failure in each bucket. Row locks make concurrent failures count one after another,
 * so a burst of parallel guesses cannot slip past the limit.
 */
export async function recordFailure(db: Executor, keys: ThrottleKey[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key)); // one lock order: no deadlocks
  await db.transaction(async (tx) => {
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
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const k of sorted) {
      const row = byKey.get(k.key);
      // A row inserted just now with no failures is a fresh bucket.
      const current = row && row.failures > 0 ? row : null;
      const next = registerFailure(current, k.policy, now);
      await tx
        .update(throttleBuckets)
        .set(next)
        .where(sql`${throttleBuckets.key} = ${k.key}`);
    }
  });
}

/** A success proves who is asking: forget those buckets. */
export async function clearThrottle(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(throttleBuckets).where(inArray(throttleBuckets.key, keys));
}
