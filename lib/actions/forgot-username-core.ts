import 'server-only';
// "Forgot username": a mail to the address listing the usernames of its accounts, when
// there are any. It answers the same whether or not the address has accounts: the throttle is keyed
// by the address either way, and the look-up itself happens in `defer`, after the response.
import { forgotUsernameInput } from '@/lib/auth/identity-input';
import { verifiedAccountsByEmail } from '@/lib/data/recovery';
import { usernameReminderThrottleKeys } from '@/lib/domain/recovery-throttle';
import { mailLocaleOf, runDeferred } from '@/lib/mail/deferred';
import { usernamesMail } from '@/lib/mail/recovery-mails';
import { fail, ok } from './account-action';
import { publicAction } from './public-action';

export const usernameReminderRequest = publicAction({
  name: 'forgotUsername',
  input: forgotUsernameInput,
  invalid: () => fail('invalid_email'),
  throttle: (input, _read, { clientAddress }) => usernameReminderThrottleKeys(input.email.toLowerCase(), clientAddress),
  async run(input, _read, { db, mail }) {
    await runDeferred(mail, 'usernames', async () => {
      const found = await verifiedAccountsByEmail(db, input.email.toLowerCase());
      const first = found[0];
      if (!first) return;
      await mail.mailer.send(
        usernamesMail({ email: first.email, locale: mailLocaleOf(first.locale) }, found.map((a) => a.username), mail.baseUrl),
      );
    });
    return ok(undefined);
  },
});
