// The server's logs never hold a PIN, a password, a full card number, an e-mail
// address, a session cookie, a token from a link or a title from someone's lending history.
// This spec makes its own traffic with the demo network's secrets — sign-in by e-mail address and
// password (and a wrong password), the card pages, a history search for a title and its CSV export,
// a link attempt with a card number and PIN, activations with the demo cards and PINs, "forgot
// password" with a demo address, a reset link with a token — and then reads everything the e2e
// server printed (scripts/serve-e2e.ts copies it to .data/e2e-server.log). It changes nothing the
// other specs rely on: every write it causes is a refused attempt (PIN throttles) or a reset mail.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildDemoNetwork, DEMO_ACCOUNTS, DEMO_ACTIVATIONS, DEMO_PASSWORD } from '../db/seed/demo';
import { todayInBrussels } from '../lib/domain/dates';
import { E2E_SERVER_LOG } from './support/server-log';

test.describe.configure({ mode: 'serial' });

const doc = buildDemoNetwork(todayInBrussels(new Date())) as unknown as {
  accounts: { username: string; email: string }[];
  patrons: { key: string; cards: { number: string; pin: string }[] }[];
  loans: { item: string; patron: string; returnedOn: string | null }[];
  items: { barcode: string; title: string }[];
  titles: { key: string; title: string }[];
};

/** A title from An Peeters' lending history (a returned loan). */
function historyTitle(): string {
  const returned = doc.loans.find((l) => l.patron === 'an-peeters' && l.returnedOn !== null);
  const item = doc.items.find((i) => i.barcode === returned?.item);
  const title = doc.titles.find((t) => t.key === item?.title)?.title;
  if (!title) throw new Error('no history title for an-peeters in the demo network');
  return title;
}

const TITLE = historyTitle();
const RESET_TOKEN = 'resettokenvalue-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4';
const ACTIVATE = DEMO_ACTIVATIONS.find((a) => a.purpose === 'activate')!;
const LINK = DEMO_ACTIVATIONS.find((a) => a.purpose === 'link')!;
const an = DEMO_ACCOUNTS.find((a) => a.username === 'an.peeters')!;
const anEmail = doc.accounts.find((a) => a.username === an.username)!.email;
const sessionCookies: string[] = [];

test('flows with the demo secrets', async ({ page, context }) => {
  // Sign-in by e-mail address through the form.
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(anEmail);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(/\/overview/);
  sessionCookies.push(...(await context.cookies()).filter((c) => c.name.includes('session-token')).map((c) => c.value));
  expect(sessionCookies.length).toBeGreaterThan(0);

  // The card pages, a history search for a title and its CSV export.
  const href = await page.locator('a[href^="/cards/"]').first().getAttribute('href');
  const slug = /^\/cards\/([^/?#]+)/.exec(href ?? '')?.[1];
  expect(slug, 'a card link on the overview').toBeTruthy();
  for (const path of ['loans', 'reservations', 'fees']) {
    expect((await page.goto(`/cards/${slug}/${path}`))?.status()).toBe(200);
  }
  expect((await page.goto(`/cards/${slug}/history?q=${encodeURIComponent(TITLE)}`))?.status()).toBe(200);
  const csv = await page.request.get(`/api/cards/${slug}/history?q=${encodeURIComponent(TITLE)}`);
  expect([200, 404]).toContain(csv.status());

  // A link attempt: the Brakel card with An's PIN (wrong for that card: refused, nothing linked).
  await page.goto('/memberships');
  await page.getByLabel('Pasnummer van de andere pas').fill(LINK.cardNumber);
  await page.getByLabel('Pincode van die pas').fill('1234');
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();

  // A request id given by a client is kept when sane and echoed.
  const echoed = await page.request.get('/overview', { headers: { 'x-request-id': 'logs-clean-spec-0001' } });
  expect(echoed.headers()['x-request-id']).toBe('logs-clean-spec-0001');
});

test('public flows with the demo secrets', async ({ page }) => {
  // Activation with the demo card and PIN, for a username that is taken: refused after the PIN.
  await page.goto('/activate');
  await page.getByLabel('Pasnummer').fill(ACTIVATE.cardNumber);
  await page.getByLabel('Pincode').fill(ACTIVATE.pin);
  await page.getByLabel('Gebruikersnaam').fill(an.username);
  await page.getByLabel('E-mailadres').fill(anEmail);
  await page.getByLabel('Wachtwoord').fill(`${DEMO_PASSWORD} and more`);
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();

  // The link card and its PIN on the activation form with a weak password: refused before the PIN.
  await page.goto('/activate');
  await page.getByLabel('Pasnummer').fill(LINK.cardNumber);
  await page.getByLabel('Pincode').fill(LINK.pin);
  await page.getByLabel('Gebruikersnaam').fill('someone.new');
  await page.getByLabel('E-mailadres').fill('someone.new@example.be');
  await page.getByLabel('Wachtwoord').fill('short');
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();

  // "Forgot password" with a demo address, and a reset link with a token in its query string.
  await page.goto('/forgot-password');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(anEmail);
  await page.getByRole('button', { name: 'Link versturen' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await page.goto(`/reset-password?token=${RESET_TOKEN}`);

  // Last (it signs this browser in): a wrong password, then the right one, for a username.
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  for (const password of [`${DEMO_PASSWORD}-wrong`, DEMO_PASSWORD]) {
    await page.request.post('/api/auth/callback/credentials', {
      form: { csrfToken: csrf.csrfToken, login: 'jan.dewilde', password, json: 'true' },
      maxRedirects: 0,
    });
  }
});

test('the server log has request and action lines, and none of the secrets', async () => {
  // pino writes synchronously; give the pipe to the log file a moment.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const log = readFileSync(E2E_SERVER_LOG, 'utf8');
  const json = log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(json.some((l) => l.msg === 'request' && l.path === '/overview' && typeof l.requestId === 'string')).toBe(true);
  expect(json.some((l) => l.msg === 'request' && l.requestId === 'logs-clean-spec-0001')).toBe(true);
  expect(json.some((l) => l.msg === 'request' && l.path === '/reset-password' && JSON.stringify(l.query) === '["token"]')).toBe(true);
  expect(json.some((l) => l.msg === 'server action' && typeof l.outcome === 'string')).toBe(true);

  const plain: [string, string][] = [
    ['the demo password', DEMO_PASSWORD],
    ['a history title', TITLE],
    ['a reset token', RESET_TOKEN],
    ...doc.accounts.map((a) => ['an e-mail address', a.email] as [string, string]),
    ...doc.patrons.flatMap((p) => p.cards.map((c) => ['a card number', c.number] as [string, string])),
    ...sessionCookies.map((c) => ['a session cookie', c.slice(0, 40)] as [string, string]),
  ];
  const leaks = plain.filter(([, secret]) => log.includes(secret)).map(([what, secret]) => `${what}: ${secret.slice(0, 6)}…`);
  // PINs are short: only as a value of their own (not inside a number, an id or a time).
  for (const pin of new Set(['1234', '4321', '2468', ...doc.patrons.flatMap((p) => p.cards.map((c) => c.pin))])) {
    if (new RegExp(`(^|[^\\w.:-])${pin}([^\\w.:-]|$)`, 'm').test(log)) leaks.push(`a PIN: ${pin}`);
  }
  // Any e-mail address at all, or a 13-digit run (a Wise or UiTPAS card number) standing as a value
  // of its own — not inside a hex id such as a server action's, which may hold 13 digits in a row.
  if (/[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(log)) leaks.push('an e-mail-like string');
  if (/(^|[^0-9a-z])\d{13}([^0-9a-z]|$)/i.test(log)) leaks.push('a 13-digit number');
  expect(leaks).toEqual([]);
});
