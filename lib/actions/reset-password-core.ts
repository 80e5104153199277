import 'server-only';
// A new password from a recovery link. The token is the only authority: a link is valid
// 30 minutes and used once — the conditional update that marks it used runs in the transaction that
// stores the new password. The password follows the activation policy; every session of the account
// ends (session version) and every other outstanding link with it; then a confirmation is mailed.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { accounts, passwordResetTokens } from '@/db/schema';
import { hashSecret } from '@/lib/auth/hash';
import { resetPasswordInput } from '@/lib/auth/identity-input';
import { checkPassword } from '@/lib/auth/password-policy';
import { clearThrottle } from '@/lib/auth/throttle-store';
import { findResetToken } from '@/lib/data/recovery';
import { mailLocaleOf, runDeferred } from '@/lib/mail/deferred';
import { passwordChangedMail } from '@/lib/mail/recovery-mails';
import { fail, ok } from './account-action';
import { accountLibraries, recordPerLibrary } from './change-log';
import { endOutstandingLinks } from './email-links';
import { publicAction } from './public-action';

export const passwordReset = publicAction({
  name: 'resetPassword',
  input: resetPasswordInput,
  // Only oversized input fails to parse (every field is read as text): no link is that long.
  invalid: () => fail('invalid_link'),
  read: (input, { db, now }) => findResetToken(db, input.token, now),
  async run(input, row, { db, mail, now }) {
    if (!row) return fail('invalid_link');
    if (input.password !== input.confirm) return fail('mismatch');
    const problem = checkPassword(input.password, { username: row.username, email: row.email });
    if (problem) return fail(problem);
    const passwordHash = await hashSecret(input.password);

    const used = await db.transaction(async (tx) => {
      // The condition is the guard: of two submits of one link only one finds it unused.
      const claimed = await tx
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.id, row.tokenId), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
        .returning({ id: passwordResetTokens.id });
      if (claimed.length === 0) return false;
      await tx
        .update(accounts)
        .set({ passwordHash, sessionVersion: sql`${accounts.sessionVersion} + 1` })
        .where(eq(accounts.id, row.accountId));
      await endOutstandingLinks(tx, row.accountId, now);
      // Change log: that the password changed (never the password or its hash).
      await recordPerLibrary(tx, row.accountId, 'account_password_changed', accountLibraries(row.accountId));
      return true;
    });
    if (!used) return fail('invalid_link');
    // Proving control of the mailbox is as good as a correct password: lift a sign-in lock.
    await clearThrottle(db, [`signin:account:${row.accountId}`]);
    await runDeferred(mail, 'password changed', () =>
      mail.mailer.send(passwordChangedMail({ ...row, locale: mailLocaleOf(row.locale) }, mail.baseUrl)),
    );
    return ok(undefined);
  },
});
