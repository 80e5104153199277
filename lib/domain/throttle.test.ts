import { describe, expect, it } from 'vitest';
import {
  checkThrottle,
  forgetAt,
  lockDurationMs,
  pinCeilingPolicy,
  PIN_PER_CARD,
  PIN_PER_CLIENT,
  registerFailure,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_CLIENT,
  type ThrottleBucket,
  type ThrottlePolicy,
} from './throttle';

const MIN = 60_000;
const t0 = Date.UTC(2026, 10, 20, 9, 0, 0);

describe('P1 P2 throttle: lock durations grow modestly (ASVS 6.1.1)', () => {
  it.each([
    ['sign-in per account', SIGN_IN_PER_ACCOUNT, [4, 5, 6, 7, 8, 9, 10, 50], [0, 1, 2, 4, 8, 15, 15, 15]],
    ['sign-in per client', SIGN_IN_PER_CLIENT, [19, 20, 21, 25], [0, 1, 2, 15]],
    ['PIN per card', PIN_PER_CARD, [2, 3, 4, 5, 6, 7, 8, 1000], [0, 5, 10, 20, 40, 60, 60, 60]],
    ['PIN per client', PIN_PER_CLIENT, [9, 10, 11, 14], [0, 5, 10, 60]],
  ] as [string, ThrottlePolicy, number[], number[]][])('%s', (_name, policy, failures, minutes) => {
    expect(failures.map((f) => lockDurationMs(f, policy) / MIN)).toEqual(minutes);
  });
});

describe('P1 throttle: checkThrottle', () => {
  it.each([
    ['no bucket', null, t0, { allowed: true, retryAfterMs: 0 }],
    ['failures but no lock', { failures: 3, windowStartedAt: t0, lockedUntil: null }, t0, { allowed: true, retryAfterMs: 0 }],
    ['locked', { failures: 5, windowStartedAt: t0, lockedUntil: new Date(t0 + MIN) }, t0 + 20_000, { allowed: false, retryAfterMs: 40_000 }],
    ['lock just ended', { failures: 5, windowStartedAt: new Date(t0), lockedUntil: t0 + MIN }, t0 + MIN, { allowed: true, retryAfterMs: 0 }],
  ] as [string, ThrottleBucket | null, number, { allowed: boolean; retryAfterMs: number }][])('%s', (_name, bucket, now, expected) => {
    expect(checkThrottle(bucket, now)).toEqual(expected);
  });
});

type Step = [offsetMs: number, expectAllowedBefore: boolean, failuresAfter: number, lockMinutesAfter: number | null];

/** Replays failures at t0 + offset: each step checks, then registers a failure if allowed. */
function replay(policy: ThrottlePolicy, steps: Step[]) {
  let bucket: ThrottleBucket | null = null;
  return steps.map(([offset]) => {
    const now = t0 + offset;
    const allowed = checkThrottle(bucket, now).allowed;
    if (allowed) bucket = registerFailure(bucket, policy, now);
    const lockedUntil = bucket?.lockedUntil ?? null;
    const lockLeft = lockedUntil === null ? null : Math.max(0, (lockedUntil instanceof Date ? lockedUntil.getTime() : lockedUntil) - now) / MIN;
    return [offset, allowed, bucket?.failures ?? 0, lockLeft] as Step;
  });
}

describe('P1 P2 throttle: registerFailure sequences', () => {
  it.each([
    [
      'sign-in: 5 failures lock 1 min; the next failure after it locks 2 min',
      SIGN_IN_PER_ACCOUNT,
      [
        [0, true, 1, null],
        [1_000, true, 2, null],
        [2_000, true, 3, null],
        [3_000, true, 4, null],
        [4_000, true, 5, 1],
        [30_000, false, 5, 34_000 / MIN], // refused while locked, not counted
        [64_000, true, 6, 2],
        [64_000 + 2 * MIN, true, 7, 4],
      ],
    ],
    [
      'sign-in: failures spread beyond the window start over',
      SIGN_IN_PER_ACCOUNT,
      [
        [0, true, 1, null],
        [5 * MIN, true, 2, null],
        [10 * MIN, true, 3, null],
        [14 * MIN, true, 4, null],
        [15 * MIN, true, 1, null],
      ],
    ],
    [
      'sign-in: escalation is forgotten a window after the last lock ended',
      SIGN_IN_PER_ACCOUNT,
      [
        [0, true, 1, null],
        [1, true, 2, null],
        [2, true, 3, null],
        [3, true, 4, null],
        [4, true, 5, 1],
        [4 + MIN + 15 * MIN - 1, true, 6, 2], // still remembered
        [4 + MIN + 15 * MIN + 2 * MIN + 15 * MIN, true, 1, null], // forgotten
      ],
    ],
    [
      'PIN per card: 3 failures lock 5 min, then each failure doubles the lock up to 1 h',
      PIN_PER_CARD,
      [
        [0, true, 1, null],
        [1, true, 2, null],
        [2, true, 3, 5],
        [2 + 5 * MIN, true, 4, 10],
        [2 + 15 * MIN, true, 5, 20],
        [2 + 35 * MIN, true, 6, 40],
        [2 + 75 * MIN, true, 7, 60],
        [2 + 135 * MIN, true, 8, 60],
      ],
    ],
  ] as [string, ThrottlePolicy, Step[]][])('%s', (_name, policy, steps) => {
    expect(replay(policy, steps)).toEqual(steps);
  });

  it('P1 throttle: the returned bucket uses Dates for the timestamp columns', () => {
    const bucket = registerFailure({ failures: 2, windowStartedAt: t0, lockedUntil: null }, PIN_PER_CARD, t0 + 1000);
    expect(bucket).toEqual({ failures: 3, windowStartedAt: new Date(t0), lockedUntil: new Date(t0 + 1000 + 5 * MIN) });
  });

  it('P1 throttle: a cleared bucket (deleted after a success) allows the next attempt', () => {
    expect(checkThrottle(null, t0).allowed).toBe(true);
  });
});

describe('issue 11 point 2: the PIN ceiling and when a bucket is forgotten', () => {
  it.each([
    // [what, failures, minutes of lock] with a ceiling of 300 an hour
    ['below the ceiling', 299, 0],
    ['at the ceiling: 15 min for everybody', 300, 15],
    ['going on: doubling', 301, 30],
    ['capped at an hour', 310, 60],
  ] as [string, number, number][])('%s', (_what, failures, minutesLocked) => {
    expect(lockDurationMs(failures, pinCeilingPolicy(300)) / MIN).toBe(minutesLocked);
  });

  it.each([
    ['no lock: a window after it started', { failures: 2, windowStartedAt: t0, lockedUntil: null }, PIN_PER_CLIENT, t0 + 15 * MIN],
    ['locked: a window after the lock ends', { failures: 10, windowStartedAt: t0, lockedUntil: t0 + 5 * MIN }, PIN_PER_CLIENT, t0 + 20 * MIN],
    ['a lock that ended before the window: still the window', { failures: 3, windowStartedAt: t0 + 60 * MIN, lockedUntil: t0 }, PIN_PER_CARD, t0 + 60 * MIN + 24 * 60 * MIN],
  ] as [string, ThrottleBucket, ThrottlePolicy, number][])('%s', (_what, bucket, policy, expected) => {
    expect(forgetAt(bucket, policy).getTime()).toBe(expected);
    // Forgotten exactly then: the next failure starts afresh.
    expect(registerFailure(bucket, policy, expected).failures).toBe(1);
    expect(registerFailure(bucket, policy, expected - 1).failures).toBeGreaterThan(1);
  });
});
