import 'server-only';
// The e-mail address of a signed-in account: asking to change it, and
// sending the link that verifies it again. The account settings' actions (account-settings-core.ts)
// call these; the confirmation from the link is public (confirm-email-core.ts).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, emailChangeRequests } from '@/db/schema';
import { dummyHash, verifySecret } from '@/lib/auth/hash';
import { forgotUsernameInput } from '@/lib/auth/identity-input';
import { EMAIL_CHANGE_TTL_MS, newToken } from '@/lib/auth/link-token';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-policy';
import type { SignedInAccount } from '@/lib/auth/session';
import { countAttempt } from '@/lib/auth/throttle-store';
import { emailChangeThrottleKey, emailVerifyThrottleKey } from '@/lib/domain/recovery-throttle';
import { mailLocaleOf, runDeferred, type MailDeps } from '@/lib/mail/deferred';
import { emailChangeMail } from '@/lib/mail/recovery-mails';
import { issueEmailVerification, mailEmailVerification } from './email-links';

export type Throttled = { ok: false; code: 'throttled'; retryAfterSeconds: number };

const throttled = (retryAfterMs: number): Throttled => ({ ok: false, code: 'throttled', retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });

export type EmailChangeRequestResult =
  | { ok: true; email: string }
  | { ok: false; code: 'invalid_email' | 'wrong_password' | 'same_email' | 'not_found' }
  | Throttled;

/**
 * Asks to change the signed-in account's address. Nothing changes until the link mailed
 * to the NEW address is confirmed (confirmEmailChange). The current password is asked again, so
 * that a session left open on a library computer cannot move the account to another mailbox (and
 * then reset its password from there).
 */
export async function requestEmailChangeForAccount(
  db: Db,
  account: SignedInAccount,
  newEmail: string,
  deps: MailDeps & { currentPassword: string },
): Promise<EmailChangeRequestResult> {
  const parsed = forgotUsernameInput.safeParse({ email: newEmail });
  if (!parsed.success) return { ok: false, code: 'invalid_email' };
  const email = parsed.data.email;
  const now = deps.now ?? new Date();
  const [row] = await db
    .select({ id: accounts.id, username: accounts.username, email: accounts.email, locale: accounts.locale, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(and(eq(accounts.id, account.accountId), eq(accounts.sessionVersion, account.sessionVersion)));
  if (!row) {
    await verifySecret(await dummyHash(), deps.currentPassword);
    return { ok: false, code: 'not_found' };
  }
  const status = await countAttempt(db, [emailChangeThrottleKey(row.id)], now); // a request or a wrong password: both count
  if (!status.allowed) return throttled(status.retryAfterMs);
  if (!(await verifySecret(row.passwordHash, deps.currentPassword.slice(0, PASSWORD_MAX_LENGTH * 4)))) {
    return { ok: false, code: 'wrong_password' };
  }
  if (email.toLowerCase() === row.email.toLowerCase()) return { ok: false, code: 'same_email' };

  const { token, hash } = newToken();
  await db.insert(emailChangeRequests).values({
    accountId: row.id,
    newEmail: email,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
  });
  await runDeferred(deps, 'e-mail change', () =>
    deps.mailer.send(emailChangeMail({ email, username: row.username, locale: mailLocaleOf(row.locale) }, token, deps.baseUrl)),
  );
  return { ok: true, email };
}

export type VerificationResendResult =
  | { ok: true; email: string }
  | { ok: false; code: 'already_verified' | 'not_found' }
  | Throttled;

/**
 * "Send the link again" from the account settings: a new verification link to the account's own
 * address. No password is asked — it changes nothing and goes only to the address on file — but
 * it is throttled per account, so a session cannot be used to flood that mailbox.
 */
export async function resendEmailVerificationForAccount(
  db: Db,
  account: SignedInAccount,
  deps: MailDeps,
): Promise<VerificationResendResult> {
  const now = deps.now ?? new Date();
  const [row] = await db
    .select({ id: accounts.id, username: accounts.username, email: accounts.email, locale: accounts.locale, emailVerified: accounts.emailVerified })
    .from(accounts)
    .where(and(eq(accounts.id, account.accountId), eq(accounts.sessionVersion, account.sessionVersion)));
  if (!row) return { ok: false, code: 'not_found' };
  if (row.emailVerified) return { ok: false, code: 'already_verified' };
  const status = await countAttempt(db, [emailVerifyThrottleKey(row.id)], now);
  if (!status.allowed) return throttled(status.retryAfterMs);
  const token = await db.transaction(async (tx) => {
    // Only while the address is still the one to verify (an e-mail change may have won the race).
    const [still] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, row.id), eq(accounts.email, row.email), eq(accounts.emailVerified, false)))
      .for('update');
    return still ? issueEmailVerification(tx, row.id, row.email, now) : null;
  });
  if (token === null) return { ok: false, code: 'already_verified' };
  await mailEmailVerification(deps, row, token);
  return { ok: true, email: row.email };
}
