// Throttling of recovery requests (issue 8: forgot password, forgot username, e-mail change).
// Unlike sign-in, every request counts — a success as much as a failure — since each one sends a
// mail: the limits keep the portal from being used to flood a mailbox, and an address from
// probing for accounts. The lock mechanics are lib/domain/throttle.ts's.
import type { ThrottlePolicy } from './throttle';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Per account (or per typed name/address when there is none): 3 requests in an hour → 15 min, doubling to 1 h. */
export const RECOVERY_PER_ACCOUNT: ThrottlePolicy = { maxFailures: 3, windowMs: HOUR, lockMs: 15 * MINUTE, maxLockMs: HOUR };

/** Per client address: 10 requests in 15 min → 15 min, doubling to 1 h (libraries' public computers share one address). */
export const RECOVERY_PER_CLIENT: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: HOUR };

/** E-mail change per account: 5 requests (or wrong passwords) in an hour → 15 min, doubling to 1 h. */
export const EMAIL_CHANGE_PER_ACCOUNT: ThrottlePolicy = { maxFailures: 5, windowMs: HOUR, lockMs: 15 * MINUTE, maxLockMs: HOUR };

/** Resending the verification link of the account's own address: 3 in an hour → 15 min, doubling to 1 h. */
export const EMAIL_VERIFY_PER_ACCOUNT: ThrottlePolicy = { maxFailures: 3, windowMs: HOUR, lockMs: 15 * MINUTE, maxLockMs: HOUR };
