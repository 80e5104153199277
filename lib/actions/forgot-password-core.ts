import 'server-only';
// "Forgot password": a reset link for the account(s) named by username or e-mail, when
// there are any. Non-disclosure: the request answers the same whether or not an account exists. The
// part a client waits for is the same for both — one indexed look-up and the throttle's statements —
// and the part that differs (token, mail) runs in `defer`, after the response in a server action.
// A reset link is valid 30 minutes and used once (reset-password-core.ts).
import { passwordResetTokens } from '@/db/schema';
import { forgotPasswordInput } from '@/lib/auth/identity-input';
import { newToken, RESET_TOKEN_TTL_MS } from '@/lib/auth/link-token';
import { findAccountsByLogin } from '@/lib/data/recovery';
import { passwordResetThrottleKeys } from '@/lib/domain/recovery-throttle';
import { mailLocaleOf, runDeferred } from '@/lib/mail/deferred';
import { passwordResetMail } from '@/lib/mail/recovery-mails';
import { fail, ok } from './account-action';
import { publicAction } from './public-action';

export const passwordResetRequest = publicAction({
  name: 'forgotPassword',
  input: forgotPasswordInput,
  invalid: () => fail('invalid_input'),
  read: (input, { db }) => findAccountsByLogin(db, input.login.toLowerCase()),
  // Every request counts (each sends a mail), keyed by the accounts found or else the typed name.
  throttle: (input, targets, { clientAddress }) =>
    passwordResetThrottleKeys(targets.map((a) => a.id), input.login.toLowerCase(), clientAddress),
  async run(_input, targets, { db, mail, now }) {
    await runDeferred(mail, 'password reset', async () => {
      // Only to a verified address. The answer and the throttle above are the same
      // either way, so nobody learns from them whether an address is verified.
      for (const account of targets.filter((a) => a.emailVerified)) {
        const { token, hash } = newToken();
        await db.insert(passwordResetTokens).values({
          accountId: account.id,
          tokenHash: hash,
          createdAt: now,
          expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
        });
        await mail.mailer.send(passwordResetMail({ ...account, locale: mailLocaleOf(account.locale) }, token, mail.baseUrl));
      }
    });
    return ok(undefined);
  },
});
