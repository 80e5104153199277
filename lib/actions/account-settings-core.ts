import 'server-only';
// Account settings: change password, change e-mail, sign out everywhere.
// Password and e-mail changes ask for the current password (a session left open on a library PC
// must not be enough to take the account over); wrong guesses count against the account's
// sign-in throttle, so a stolen session cannot brute-force the password here either.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts } from '@/db/schema';
import { SIGN_IN_PER_ACCOUNT } from '@/lib/domain/throttle';
import { hashSecret, verifySecret } from '@/lib/auth/hash';
import type { ChangeEmailInput, ChangePasswordInput } from '@/lib/auth/identity-input';
import { checkPassword } from '@/lib/auth/password-policy';
import { accountLibraries, recordPerLibrary } from './change-log';
import { endOutstandingLinks } from './email-links';
import type { MailDeps } from '@/lib/mail/deferred';
import { requestEmailChangeForAccount, resendEmailVerificationForAccount } from './email-change-core';
import type { SignedInAccount } from '@/lib/auth/session';
import { throttledAttempt, type ThrottleKey } from '@/lib/auth/throttle-store';
import { fail, ok, type ActionResult } from './account-action';

type Failure = Extract<ActionResult, { ok: false }>;
type Current = { username: string; email: string; passwordHash: string };

/** Checks the current password, throttled as sign-in is; the account row or a failure. */
async function confirmCurrentPassword(
  db: Db,
  account: SignedInAccount,
  password: string,
  now: Date,
): Promise<{ ok: true; current: Current } | Failure> {
  const keys: ThrottleKey[] = [{ key: `signin:account:${account.accountId}`, policy: SIGN_IN_PER_ACCOUNT }];
  // Counted before the check, verified outside any transaction (lib/auth/throttle-store.ts).
  const result = await throttledAttempt<Current | 'unauthenticated' | 'wrong'>(db, keys, now, async () => {
    const [row] = await db
      .select({ username: accounts.username, email: accounts.email, passwordHash: accounts.passwordHash })
      .from(accounts)
      .where(and(eq(accounts.id, account.accountId), eq(accounts.sessionVersion, account.sessionVersion)));
    // A revoked session is no guess at the password: not counted.
    if (!row) return { ok: true, value: 'unauthenticated' as const };
    if (!(await verifySecret(row.passwordHash, password))) return { ok: false, value: 'wrong' as const };
    return { ok: true, value: row };
  });
  if (result.throttled) return fail('throttled', { retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) });
  if (result.value === 'unauthenticated') return fail('unauthenticated');
  if (result.value === 'wrong') return fail('invalid_input', { fieldErrors: { currentPassword: ['wrong'] } });
  const current = result.value;
  return { ok: true, current };
}

/**
 * Bumps the session version if it is still the one this session holds (ends every other session),
 * and ends the account's outstanding links with it: unused reset links and pending e-mail changes
 * ("everything ends together"). A new password is recorded in the change log
 * in the same transaction — that it changed, never the password or its hash.
 */
async function bumpSessionVersion(db: Db, account: SignedInAccount, now: Date, newPasswordHash?: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ ...(newPasswordHash === undefined ? {} : { passwordHash: newPasswordHash }), sessionVersion: sql`${accounts.sessionVersion} + 1` })
      .where(and(eq(accounts.id, account.accountId), eq(accounts.sessionVersion, account.sessionVersion)))
      .returning({ sessionVersion: accounts.sessionVersion });
    if (!row) return null;
    await endOutstandingLinks(tx, account.accountId, now);
    if (newPasswordHash !== undefined) {
      await recordPerLibrary(tx, account.accountId, 'account_password_changed', accountLibraries(account.accountId));
    }
    return row.sessionVersion;
  });
}

export async function changePasswordForAccount(
  db: Db,
  account: SignedInAccount,
  input: ChangePasswordInput,
  now = new Date(),
): Promise<ActionResult<{ sessionVersion: number }>> {
  const confirmed = await confirmCurrentPassword(db, account, input.currentPassword, now);
  if (!confirmed.ok) return confirmed;
  const problem = checkPassword(input.newPassword, { username: confirmed.current.username, email: confirmed.current.email });
  if (problem) return fail('invalid_input', { fieldErrors: { newPassword: [problem] } });
  const passwordHash = await hashSecret(input.newPassword);
  const sessionVersion = await bumpSessionVersion(db, account, now, passwordHash);
  return sessionVersion === null ? fail('unauthenticated') : ok({ sessionVersion });
}

/**
 * Asks to change the e-mail address. Nothing changes until the link mailed to the new
 * address is confirmed (confirm-email-core.ts); the old address is told then.
 */
export async function changeEmailForAccount(
  db: Db,
  account: SignedInAccount,
  input: ChangeEmailInput,
  deps: MailDeps,
): Promise<ActionResult<{ status: 'confirmation_sent'; email: string }>> {
  const result = await requestEmailChangeForAccount(db, account, input.email, { ...deps, currentPassword: input.currentPassword });
  if (result.ok) return ok({ status: 'confirmation_sent', email: result.email });
  switch (result.code) {
    case 'throttled':
      return fail('throttled', { retryAfterSeconds: result.retryAfterSeconds });
    case 'wrong_password':
      return fail('invalid_input', { fieldErrors: { currentPassword: ['wrong'] } });
    case 'same_email':
      return fail('invalid_input', { fieldErrors: { email: ['unchanged'] } });
    case 'invalid_email':
      return fail('invalid_input', { fieldErrors: { email: ['invalid_format'] } });
    case 'not_found':
      return fail('unauthenticated');
  }
}

/** "Sign out everywhere": every session of the account ends, this one included (the caller clears its cookie). */
export async function signOutEverywhereForAccount(db: Db, account: SignedInAccount, now = new Date()): Promise<ActionResult<null>> {
  const sessionVersion = await bumpSessionVersion(db, account, now);
  return sessionVersion === null ? fail('unauthenticated') : ok(null);
}

/**
 * A new link to verify the account's own (pending) address. Throttled per account;
 * an address that is verified already is answered as such (nothing is sent).
 */
export async function resendVerificationForAccount(
  db: Db,
  account: SignedInAccount,
  deps: MailDeps,
): Promise<ActionResult<{ status: 'verification_sent'; email: string }>> {
  const result = await resendEmailVerificationForAccount(db, account, deps);
  if (result.ok) return ok({ status: 'verification_sent', email: result.email });
  switch (result.code) {
    case 'throttled':
      return fail('throttled', { retryAfterSeconds: result.retryAfterSeconds });
    case 'already_verified':
      return fail('already_verified');
    case 'not_found':
      return fail('unauthenticated');
  }
}
