// Throttle buckets in the database, so that every instance of the portal shares them. The policy
// (how many failures, how long a lock) is pure: lib/domain/throttle.ts.
//
// An attempt is counted BEFORE it is checked: were the bucket only read before a guess is verified
// and written after, a burst of parallel guesses would all pass the check before the first failure
// is counted (a 4-digit PIN falls to 10 000 parallel requests). So one short transaction locks the
// buckets, refuses while one is locked, and otherwise counts the attempt as a failure in each of
// them; the guess is verified after that transaction has committed; a success then takes the
// counted failure back (or clears the bucket) in another short transaction.
//
// Nothing slow runs while a row lock, a transaction or a pooled connection is held: an argon2
// verification takes tens of milliseconds of CPU, and held inside a transaction it serialised every
// sign-in on a bucket behind it, and on PGlite (one connection) every page view behind it too.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { throttleBuckets } from '../../db/schema';
import { checkThrottle, forgetAt, registerFailure, type ThrottlePolicy } from '../domain/throttle';

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export interface ThrottleStatus {
  allowed: boolean;
  retryAfterMs: number;
}

/** Expired buckets deleted per write: bounded, so that no request pays for a large backlog at once. */
export const CLEANUP_BATCH = 50;

/** A success proves who is asking: forget those buckets. */
export async function clearThrottle(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(throttleBuckets).where(inArray(throttleBuckets.key, keys));
}

/**
 * What an attempt found. On success every bucket gets its counted failure back, except those in
 * `clear` (deleted: the person proved who they are) and those in `keep` (the attempt counts
 * whatever its outcome, e.g. activation: a right PIN must not buy unlimited questions).
 */
export type AttemptOutcome<T> = { ok: boolean; value: T; clear?: string[]; keep?: string[] };
export type Throttled = { throttled: true; retryAfterMs: number };
export type Attempted<T> = {
  throttled: false;
  value: T;
  /** Buckets that this attempt's failure locked (each lock is reported to exactly one attempt). */
  tripped: string[];
};

type Claim = { allowed: false; retryAfterMs: number } | { allowed: true; tripped: string[] };

function unique(keys: ThrottleKey[]): ThrottleKey[] {
  const byKey = new Map(keys.map((k) => [k.key, k]));
  // One order for every attempt, so that two attempts never wait for each other's rows crosswise.
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The short transaction before a guess is verified: lock the buckets (creating missing ones), refuse
 * while one is locked, else count a failure in every bucket. Also deletes a few expired buckets.
 */
async function claimAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Claim> {
  const sorted = unique(keys);
  if (sorted.length === 0) return { allowed: true, tripped: [] };
  return db.transaction(async (tx) => {
    // The no-op update makes the upsert lock an existing row and return it; a row deleted meanwhile
    // by the clean-up is inserted afresh (ON CONFLICT retries), so an attempt is never lost. A new
    // row expires at once: with no failure it carries nothing worth keeping.
    const rows = await tx
      .insert(throttleBuckets)
      .values(sorted.map((k) => ({ key: k.key, failures: 0, windowStartedAt: now, lockedUntil: null, expiresAt: now })))
      .onConflictDoUpdate({ target: throttleBuckets.key, set: { failures: sql`${throttleBuckets.failures}` } })
      .returning();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const wait = Math.max(0, ...rows.map((row) => checkThrottle(row, now).retryAfterMs));
    if (wait > 0) return { allowed: false as const, retryAfterMs: wait };

    const tripped: string[] = [];
    for (const k of sorted) {
      const row = byKey.get(k.key);
      const next = registerFailure(row && row.failures > 0 ? row : null, k.policy, now);
      if (next.lockedUntil && next.lockedUntil.getTime() > now.getTime()) tripped.push(k.key);
      await tx
        .update(throttleBuckets)
        .set({ ...next, expiresAt: forgetAt(next, k.policy) })
        .where(eq(throttleBuckets.key, k.key));
    }
    await deleteExpired(tx, now);
    return { allowed: true as const, tripped };
  });
}

/**
 * Deletes at most CLEANUP_BATCH expired buckets. Rows another attempt holds are skipped (and are
 * not expired for long: that attempt rewrites them). Every write clears more than it can create
 * (at most a few buckets per attempt), so the table stays at the buckets still remembered.
 */
async function deleteExpired(tx: Executor, now: Date): Promise<void> {
  await tx.execute(sql`
    delete from ${throttleBuckets} where ${throttleBuckets.key} in (
      select ${throttleBuckets.key} from ${throttleBuckets}
      where ${throttleBuckets.expiresAt} <= ${now.toISOString()}
      order by ${throttleBuckets.expiresAt}
      limit ${CLEANUP_BATCH}
      for update skip locked
    )`);
}

/**
 * After a successful attempt: delete `clear`, leave `keep` counted, and give every other bucket its
 * counted failure back — one short transaction, no hashing inside. Taking the failure back lifts
 * a lock only when the count falls below the policy's maximum: a lock that failures of other
 * attempts earned meanwhile stays.
 */
async function settleSuccess(db: Db, keys: ThrottleKey[], clear: string[], keep: string[]): Promise<void> {
  const credit = unique(keys).filter((k) => !clear.includes(k.key) && !keep.includes(k.key));
  if (clear.length === 0 && credit.length === 0) return;
  await db.transaction(async (tx) => {
    if (clear.length > 0) await tx.delete(throttleBuckets).where(inArray(throttleBuckets.key, clear));
    for (const k of credit) {
      await tx
        .update(throttleBuckets)
        .set({
          failures: sql`greatest(${throttleBuckets.failures} - 1, 0)`,
          lockedUntil: sql`case when ${throttleBuckets.failures} - 1 < ${k.policy.maxFailures} then null else ${throttleBuckets.lockedUntil} end`,
        })
        .where(eq(throttleBuckets.key, k.key));
    }
    // A bucket back at zero failures remembers nothing.
    if (credit.length > 0) {
      await tx.delete(throttleBuckets).where(and(inArray(throttleBuckets.key, credit.map((k) => k.key)), eq(throttleBuckets.failures, 0)));
    }
  });
}

/**
 * One throttled attempt: refused while a bucket is locked; otherwise the attempt is counted as a
 * failure first, `attempt` runs outside any transaction (it verifies a hash: slow), and a success
 * is settled afterwards (see AttemptOutcome). An attempt that throws stays counted.
 */
export async function throttledAttempt<T>(
  db: Db,
  keys: ThrottleKey[],
  now: Date,
  attempt: () => Promise<AttemptOutcome<T>>,
): Promise<Throttled | Attempted<T>> {
  const claim = await claimAttempt(db, keys, now);
  if (!claim.allowed) return { throttled: true, retryAfterMs: claim.retryAfterMs };
  const outcome = await attempt();
  if (outcome.ok) await settleSuccess(db, keys, outcome.clear ?? [], outcome.keep ?? []);
  return { throttled: false, value: outcome.value, tripped: outcome.ok ? [] : claim.tripped };
}

/** For requests that count whatever their outcome (each sends a mail): check and count in one step. */
export async function countAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<ThrottleStatus> {
  const claim = await claimAttempt(db, keys, now);
  return claim.allowed ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: claim.retryAfterMs };
}
