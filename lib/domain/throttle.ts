// Throttling of sign-in, activation and linking (P1, P2). Pure policy: the caller loads the bucket
// (db throttle_buckets), asks, and stores what registerFailure returns.
//
// Lockouts are short and grow modestly (ASVS 6.1.1): long enough to make guessing a password or a
// 4-digit PIN (10 000 values) impractical, short enough that someone failing on purpose cannot lock
// a patron out for long. Counting: failures within a window; at `maxFailures` the bucket locks for
// `lockMs`; every further failure before the bucket is forgotten locks again for twice as long, up
// to `maxLockMs`. A bucket is forgotten `windowMs` after its window started or its last lock
// ended, whichever is later, so waiting out one lock does not reset the escalation.

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
}

type Instant = Date | number;

/** As stored; instants as Date or epoch milliseconds. */
export interface ThrottleBucket {
  failures: number;
  windowStartedAt: Instant;
  lockedUntil: Instant | null;
}

/** What registerFailure returns: Dates, as the timestamp columns take them. */
export interface ThrottleBucketState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottleCheck {
  allowed: boolean;
  /** 0 when allowed; else how long until the next attempt may be made (for Retry-After). */
  retryAfterMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Sign-in per account: 5 failures in 15 min → 1 min, doubling to at most 15 min. */
export const SIGN_IN_PER_ACCOUNT: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: MINUTE, maxLockMs: 15 * MINUTE };

/**
 * Sign-in per client address: 20 failures in 15 min → 1 min, doubling to at most 15 min. Higher than
 * per account because a library's public computers share one address.
 */
export const SIGN_IN_PER_CLIENT: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: MINUTE, maxLockMs: 15 * MINUTE };

/**
 * PIN per card (activation, linking): 3 failures in 24 h → 5 min, doubling to at most 1 h. A PIN has
 * only 10 000 values and attackers can spread over many addresses, so this bucket does the real
 * work: after the first lock about one guess an hour remains, and it is remembered for a day.
 */
export const PIN_PER_CARD: ThrottlePolicy = { maxFailures: 3, windowMs: 24 * HOUR, lockMs: 5 * MINUTE, maxLockMs: HOUR };

/** PIN per client address: 10 failures in 15 min → 5 min, doubling to at most 1 h (card-number sweeps). */
export const PIN_PER_CLIENT: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * MINUTE, lockMs: 5 * MINUTE, maxLockMs: HOUR };

/**
 * The ceiling on failed PIN checks across every card and client together (activation and linking),
 * per hour: at `failuresPerHour` PIN checks answer "try again later" for everybody for 15 min,
 * doubling to 1 h while failures go on. The per-card and per-client buckets can be escaped by
 * rotating cards and addresses; this one cannot. Its size is a setting (PIN_FAILURES_PER_HOUR,
 * lib/env.ts): it must sit well above a network's honest typing errors.
 */
export function pinCeilingPolicy(failuresPerHour: number): ThrottlePolicy {
  return { maxFailures: failuresPerHour, windowMs: HOUR, lockMs: 15 * MINUTE, maxLockMs: HOUR };
}

const ms = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime());

/**
 * When the bucket is forgotten (as if it had never been): `windowMs` after its window started or
 * its last lock ended, whichever is later. Stored with the bucket, so that expired rows can be
 * deleted without knowing which policy wrote them.
 */
export function forgetAt(bucket: ThrottleBucket, policy: ThrottlePolicy): Date {
  const quietFrom = Math.max(ms(bucket.windowStartedAt), bucket.lockedUntil === null ? 0 : ms(bucket.lockedUntil));
  return new Date(quietFrom + policy.windowMs);
}

/** Whether an attempt may be made now; a missing bucket (no failures) always may. */
export function checkThrottle(bucket: ThrottleBucket | null, now: Instant): ThrottleCheck {
  if (!bucket || bucket.lockedUntil === null) return { allowed: true, retryAfterMs: 0 };
  const wait = ms(bucket.lockedUntil) - ms(now);
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true, retryAfterMs: 0 };
}

function isForgotten(bucket: ThrottleBucket, policy: ThrottlePolicy, now: number): boolean {
  return now >= forgetAt(bucket, policy).getTime();
}

/** The lock after the `failures`-th failure: none below the maximum, then lockMs doubling to maxLockMs. */
export function lockDurationMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  const doublings = Math.min(failures - policy.maxFailures, 30); // beyond 2^30 the cap applies anyway
  return Math.min(policy.lockMs * 2 ** doublings, policy.maxLockMs);
}

/**
 * The bucket after a failed attempt at `now`. A failure while locked is not counted: the attempt
 * should have been refused before it was checked (checkThrottle), so a race must not escalate.
 */
export function registerFailure(bucket: ThrottleBucket | null, policy: ThrottlePolicy, now: Instant): ThrottleBucketState {
  const at = ms(now);
  if (bucket && !checkThrottle(bucket, at).allowed) {
    return { failures: bucket.failures, windowStartedAt: new Date(ms(bucket.windowStartedAt)), lockedUntil: new Date(ms(bucket.lockedUntil ?? at)) };
  }
  const fresh = !bucket || isForgotten(bucket, policy, at);
  const failures = fresh ? 1 : bucket.failures + 1;
  const windowStartedAt = fresh ? at : ms(bucket.windowStartedAt);
  const lock = lockDurationMs(failures, policy);
  const previousLock = fresh || bucket.lockedUntil === null ? null : ms(bucket.lockedUntil);
  const lockedUntil = lock > 0 ? at + lock : previousLock;
  return { failures, windowStartedAt: new Date(windowStartedAt), lockedUntil: lockedUntil === null ? null : new Date(lockedUntil) };
}
