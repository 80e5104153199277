// Return paths with JavaScript on: after a genuine sign-in from a hostile `?next=` the browser ends
// on the portal's overview, never on another site. (Without JavaScript: e2e/no-javascript.spec.ts.)
import { E2E_BASE_URL } from './support/config';
import { expect, test } from './support/fixtures';
import { importScenario, smallNetwork } from './support/scenario';

const PASSWORD = 'terug naar de eigen site';
const HOSTILE = ['/%09/evil.example', '/%0a/evil.example', '//evil.example', '/%5Cevil.example', '/%2F%2Fevil.example', 'https://evil.example/'];

test.beforeEach(async ({ page }) => {
  const r = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${r()}.${r()}.${r()}` });
});

for (const next of HOSTILE) {
  test(`sign-in from /login?next=${next} ends on the overview`, async ({ page, request }) => {
    const suffix = `R${Math.floor(Math.random() * 1e6).toString(36)}`;
    const s = suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6);
    const username = `terug.${s.toLowerCase()}`;
    await importScenario(request, {
      ...smallNetwork(suffix),
      patrons: [{ key: `rp-${s}`, givenName: 'Rik', familyName: 'Terug', memberships: [{ library: `BE-E2E${s}`, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }] }],
      accounts: [{ username, email: `${username}@example.be`, password: PASSWORD, patrons: [`rp-${s}`] }],
    });
    const offSite: string[] = [];
    await page.route((url) => url.hostname.endsWith('evil.example'), (route) => {
      offSite.push(route.request().url());
      return route.abort();
    });
    await page.goto(`/login?next=${next}`);
    await page.getByLabel('Gebruikersnaam of e-mailadres').fill(username);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page).toHaveURL(`${E2E_BASE_URL}/overview`);
    await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
    expect(offSite).toEqual([]);
  });
}

test('a signed-in patron opening /login with a hostile next goes to the overview', async ({ page, request }) => {
  const suffix = `Q${Math.floor(Math.random() * 1e6).toString(36)}`;
  const s = suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6);
  const username = `terug.${s.toLowerCase()}`;
  await importScenario(request, {
    ...smallNetwork(suffix),
    patrons: [{ key: `rq-${s}`, givenName: 'Rik', familyName: 'Terug', memberships: [{ library: `BE-E2E${s}`, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }] }],
    accounts: [{ username, email: `${username}@example.be`, password: PASSWORD, patrons: [`rq-${s}`] }],
  });
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/overview`);
  await page.goto('/login?next=/%09/evil.example');
  await expect(page).toHaveURL(`${E2E_BASE_URL}/overview`);
});
