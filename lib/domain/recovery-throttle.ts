// Throttling of recovery requests (forgot password, forgot username, e-mail change).
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

export interface RecoveryThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/** The client's bucket; an address is at most 64 characters of the key. */
const perClient = (clientAddress: string): RecoveryThrottleKey => ({ key: `recovery:client:${clientAddress.slice(0, 64)}`, policy: RECOVERY_PER_CLIENT });

/**
 * "Forgot password": keyed by the accounts found when there are any, by the typed name otherwise —
 * the same limits either way, so the throttle does not tell whether an account exists either.
 */
export function passwordResetThrottleKeys(accountIds: readonly number[], login: string, clientAddress: string): RecoveryThrottleKey[] {
  return [
    ...(accountIds.length > 0
      ? accountIds.map((id) => ({ key: `recovery:account:${id}`, policy: RECOVERY_PER_ACCOUNT }))
      : [{ key: `recovery:login:${login}`, policy: RECOVERY_PER_ACCOUNT }]),
    perClient(clientAddress),
  ];
}

/** "Forgot username": keyed by the address whether or not it has accounts. */
export function usernameReminderThrottleKeys(email: string, clientAddress: string): RecoveryThrottleKey[] {
  return [{ key: `recovery:email:${email}`, policy: RECOVERY_PER_ACCOUNT }, perClient(clientAddress)];
}

export const emailChangeThrottleKey = (accountId: number): RecoveryThrottleKey => ({ key: `email-change:account:${accountId}`, policy: EMAIL_CHANGE_PER_ACCOUNT });

export const emailVerifyThrottleKey = (accountId: number): RecoveryThrottleKey => ({ key: `email-verify:account:${accountId}`, policy: EMAIL_VERIFY_PER_ACCOUNT });
