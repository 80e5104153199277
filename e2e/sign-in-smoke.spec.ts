// The session machinery end to end: next-auth's Credentials callback sets the session cookie in a
// production build, the session carries the account id and nothing personal, sign-out ends it.
import { DEMO_ACCOUNTS } from '../db/seed/demo';
import { expect, test } from './support/fixtures';
import { signIn } from './support/sign-in';

test('P1 a demo account signs in; the session names only the account', async ({ page }) => {
  const account = DEMO_ACCOUNTS[0]!;
  await signIn(page, account.username, account.password);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(Object.keys(session).sort()).toEqual(['accountId', 'authTime', 'expires', 'seen', 'sid', 'sv']);
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
});
