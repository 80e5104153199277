// Signs a browser context in through next-auth's own endpoints (CSRF token, then the Credentials
// callback), so that specs of other pages do not depend on the sign-in form. The form itself is
// tested in its own spec.
import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, login, password, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status(), 'sign-in callback').toBeLessThan(400);
  const session = (await (await page.request.get('/api/auth/session')).json()) as { accountId?: number };
  expect(session.accountId, `signed in as ${login}`).toBeTruthy();
}
