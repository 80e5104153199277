import 'server-only';
// Confirms an e-mail change, or the account's own pending address: a POST
// from the confirmation page, never the GET of the link itself (mail scanners open links). The
// token decides. The old address is told afterwards, when it was verified.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { accounts, emailChangeRequests, passwordResetTokens } from '@/db/schema';
import { confirmEmailInput } from '@/lib/auth/identity-input';
import { hashToken, isTokenShaped } from '@/lib/auth/link-token';
import { emailLinkKind } from '@/lib/domain/email-link';
import { mailLocaleOf, runDeferred } from '@/lib/mail/deferred';
import { emailChangedMail } from '@/lib/mail/recovery-mails';
import { fail, ok } from './account-action';
import { accountLibraries, recordChanges } from './change-log';
import { publicAction } from './public-action';

export const emailConfirmation = publicAction({
  name: 'confirmEmail',
  input: confirmEmailInput,
  invalid: () => fail('invalid_link'),
  async run({ token }, _read, { db, mail, now }) {
    if (!isTokenShaped(token)) return fail('invalid_link');
    const changed = await db.transaction(async (tx) => {
      const [request] = await tx
        .update(emailChangeRequests)
        .set({ confirmedAt: now })
        .where(and(eq(emailChangeRequests.tokenHash, hashToken(token)), isNull(emailChangeRequests.confirmedAt), gt(emailChangeRequests.expiresAt, now)))
        .returning({ accountId: emailChangeRequests.accountId, newEmail: emailChangeRequests.newEmail });
      if (!request) return null;
      const [before] = await tx
        .select({ username: accounts.username, email: accounts.email, locale: accounts.locale, emailVerified: accounts.emailVerified })
        .from(accounts)
        .where(eq(accounts.id, request.accountId))
        .for('update');
      if (!before) return null;
      // Opening the link proves the mailbox: the address is verified.
      await tx.update(accounts).set({ email: request.newEmail, emailVerified: true }).where(eq(accounts.id, request.accountId));
      // Other pending requests of the account end here: only the confirmed address counts.
      await tx
        .update(emailChangeRequests)
        .set({ expiresAt: now })
        .where(and(eq(emailChangeRequests.accountId, request.accountId), isNull(emailChangeRequests.confirmedAt)));
      // Reset links went to the old address: they no longer reach the account's owner.
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.accountId, request.accountId), isNull(passwordResetTokens.usedAt)));
      // Change log: the account's address changes now, on confirmation (a request changed nothing);
      // verifying the address the account already has is no change.
      if (emailLinkKind(before.email, request.newEmail) === 'change') {
        await recordChanges(tx, request.accountId, 'account_email_changed', {
          from: accountLibraries(request.accountId),
          patronId: sql`c.patron_id`,
          libraryId: sql`c.library_id`,
          details: { email: sql`${request.newEmail}::text` },
        });
      }
      return { before, newEmail: request.newEmail };
    });
    if (!changed) return fail('invalid_link');
    const { before, newEmail } = changed;
    // The old address is told only when it was verified: an address that was never proven to be the
    // account holder's is not told that a library account exists.
    if (before.emailVerified && before.email.toLowerCase() !== newEmail.toLowerCase()) {
      await runDeferred(mail, 'e-mail changed', () =>
        mail.mailer.send(emailChangedMail({ ...before, locale: mailLocaleOf(before.locale) }, newEmail)),
      );
    }
    return ok({ email: newEmail, kind: emailLinkKind(before.email, newEmail) });
  },
});
