import 'server-only';
// The links an account has out (reset links, e-mail changes, the verification of its address) and
// what ends them — shared by the recovery actions, activation and the account settings.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailChangeRequests, passwordResetTokens } from '@/db/schema';
import { EMAIL_CHANGE_TTL_MS, newToken } from '@/lib/auth/link-token';
import { mailLocaleOf, runDeferred, type MailDeps } from '@/lib/mail/deferred';
import { emailVerifyMail } from '@/lib/mail/recovery-mails';

/**
 * When an account's sessions end (password reset or change, "sign out everywhere"), a pending
 * e-mail change ends too: whoever asked for it may be the one being locked out.
 */
export async function expirePendingEmailChanges(db: Executor, accountId: number): Promise<void> {
  // Deleted rather than dated: its link must never work again, whatever clock the caller keeps.
  await db.delete(emailChangeRequests).where(and(eq(emailChangeRequests.accountId, accountId), isNull(emailChangeRequests.confirmedAt)));
}

/**
 * "Everything ends together": when an account's sessions end (password changed or
 * reset, "sign out everywhere"), every link it has out ends too — unused reset links and pending
 * e-mail changes (a pending verification of the address included: it can be sent again from the
 * account settings). Run it in the transaction that bumps the session version.
 */
export async function endOutstandingLinks(db: Executor, accountId: number, now: Date): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
  await expirePendingEmailChanges(db, accountId);
}

/**
 * Stores a verification link for the account's current address (in the caller's transaction) and
 * returns its token; the caller mails it with `mailEmailVerification` once the transaction is done.
 */
export async function issueEmailVerification(db: Executor, accountId: number, email: string, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await db.insert(emailChangeRequests).values({
    accountId,
    newEmail: email,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
  });
  return token;
}

export function mailEmailVerification(
  deps: MailDeps,
  to: { email: string; username: string; locale: string },
  token: string,
): void | Promise<void> {
  return runDeferred(deps, 'e-mail verification', () =>
    deps.mailer.send(emailVerifyMail({ ...to, locale: mailLocaleOf(to.locale) }, token, deps.baseUrl)),
  );
}
