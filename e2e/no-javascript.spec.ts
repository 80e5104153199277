// No secret in a URL, ever — with JavaScript off (as on a slow phone that has not run
// the page's scripts yet). Runs in the `no-javascript` project (playwright.config.ts:
// javaScriptEnabled false). Every form that carries a password, PIN or token must POST, work, and
// show its errors; every URL the browser asks for or lands on is checked for the secrets typed.
// Return paths too: a hostile `?next=` ends on the portal after a genuine sign-in.
import type { Browser, BrowserContext, Locator, Page, Response } from '@playwright/test';
import { addDays, todayInBrussels } from '../lib/domain/dates';
import { RENEW_PASSWORD, RENEW_TITLES, renewScenario, renewScenarioSlugs, renewScenarioUsers, type RenewLoanKind } from '../test/scenarios/renew-loans';
import { cardScenario, SCENARIO_PASSWORD } from '../test/scenarios/cards';
import { E2E_BASE_URL } from './support/config';
import { expect, test } from './support/fixtures';
import { mailTo } from './support/outbox';
import { importScenario, type NetworkDocument } from './support/scenario';
import { signIn } from './support/sign-in';

const PASSWORD = 'zonder javascript veilig';
const NEW_PASSWORD = 'een nieuw en lang wachtwoord';
const PIN_A = '3579';
const PIN_B = '8642';
const PIN_C = '9753';

test.beforeEach(async ({ page }, testInfo) => {
  // Each test walks several pages, each audited by axe in a second page (see checkServedPage).
  testInfo.setTimeout(120_000);
  // Per-test client address, so throttles per client never couple tests.
  const r = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${r()}.${r()}.${r()}` });
});

/** The JavaScript-enabled context axe audits in, one per test. */
let auditContext: BrowserContext | null = null;
test.afterEach(async () => {
  await auditContext?.close();
  auditContext = null;
});

/** Codes, names and card numbers of this test alone (the e2e database is shared by every spec). */
function ids() {
  const n = Math.floor(Math.random() * 1e9).toString().padStart(9, '0');
  const s = `NJ${n.slice(0, 5)}`;
  return {
    s,
    region: `Regio Zonder JS ${s}`,
    main: `Bibliotheek Hoofd ${s}`,
    lone: `Bibliotheek Elders ${s}`,
    cardA: `2000${n}7`,
    cardB: `2000${n}8`,
    cardC: `2000${n}9`,
    username: `nojs.${s.toLowerCase()}`,
    email: `nojs.${s.toLowerCase()}@example.be`,
    newcomer: `nieuw.${s.toLowerCase()}`,
  };
}

/** One account (patron A), a second record of the same person elsewhere (B, to link), a patron without account (C). */
function scenario(i: ReturnType<typeof ids>): NetworkDocument {
  const region = `NJ${i.s}`.slice(0, 16);
  const main = `BE-H${i.s}`.slice(0, 16);
  const lone = `BE-L${i.s}`.slice(0, 16);
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: region, name: i.region, kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'STAD', name: 'Stadspas', library: lone, loanPeriodDays: 14, maxRenewals: 1, maxLoans: 10 },
    ],
    libraries: [
      { isil: main, name: i.main, country: 'BE', region, branches: [{ code: '1000', name: 'Hoofd' }] },
      { isil: lone, name: i.lone, country: 'BE', branches: [{ code: '2000', name: 'Elders' }] },
    ],
    patrons: [
      {
        key: `nj-a-${i.s}`, givenName: 'Noor', familyName: `Zonder ${i.s}`,
        memberships: [{ library: main, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: main, number: i.cardA, pin: PIN_A }],
      },
      {
        key: `nj-b-${i.s}`, givenName: 'Noor', familyName: `Zonder ${i.s}`,
        memberships: [{ library: lone, type: 'STAD', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: lone, number: i.cardB, pin: PIN_B }],
      },
      {
        key: `nj-c-${i.s}`, givenName: 'Cas', familyName: `Nieuw ${i.s}`,
        memberships: [{ library: main, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: main, number: i.cardC, pin: PIN_C }],
      },
    ],
    accounts: [{ username: i.username, email: i.email, password: PASSWORD, patrons: [`nj-a-${i.s}`] }],
  };
}

/** Every URL the page requests or shows, every POST with the kind of request that made it, and the last page served. */
function watch(page: Page) {
  const urls: string[] = [];
  const posts: { url: string; type: string }[] = [];
  let lastDocument: Response | null = null;
  page.on('request', (request) => {
    urls.push(request.url());
    if (request.method() === 'POST') posts.push({ url: request.url(), type: request.resourceType() });
  });
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && response.status() === 200 && response.frame() === page.mainFrame()) lastDocument = response;
  });
  return { urls, posts, lastDocument: () => lastDocument };
}

type CheckA11y = (options?: { page?: Page; label?: string }) => Promise<void>;

/**
 * axe needs scripts, and this page has none: the HTML the server sent (the answer to a GET, or to
 * a form's POST) is shown in a second page with scripts allowed for axe but Next's own scripts
 * blocked — the page exactly as a browser without JavaScript shows it — and audited there.
 */
async function checkServedPage(browser: Browser, page: Page, seen: ReturnType<typeof watch>, checkA11y: CheckA11y, label: string) {
  const served = seen.lastDocument();
  expect(served, `a page was served before ${label}`).not.toBeNull();
  const html = await served!.text();
  const url = page.url();
  auditContext ??= await browser.newContext({ locale: 'nl-BE', javaScriptEnabled: true });
  const copy = await auditContext.newPage();
  try {
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    await checkA11y({ page: copy, label });
  } finally {
    await copy.close();
  }
}

function decodings(url: string): string[] {
  const out = [url];
  for (const candidate of [url, url.replace(/\+/g, ' ')]) {
    try {
      out.push(decodeURIComponent(candidate));
    } catch {
      // Not decodable: the raw form is checked.
    }
  }
  return out;
}

/** No URL holds any of `secrets` (raw, percent-encoded or with `+` for spaces). */
function expectNoSecretIn(urls: string[], secrets: string[]) {
  expect(urls.length, 'some URLs were watched').toBeGreaterThan(0);
  const leaks = urls.filter((url) => decodings(url).some((form) => secrets.some((secret) => form.includes(secret))));
  expect(leaks, 'URLs holding a password, PIN or token').toEqual([]);
}

/** The form really posted as a document (no script), not as a GET with the fields in the query. */
function expectDocumentPosts(posts: { url: string; type: string }[], count: number) {
  expect(posts.length, 'form posts').toBeGreaterThanOrEqual(count);
  for (const post of posts) expect(post.type, post.url).toBe('document');
}

test('sign-in posts without JavaScript: errors shown, a genuine sign-in lands on the portal, no password in any URL', async ({ page, browser, request, checkA11y }) => {
  const i = ids();
  await importScenario(request, scenario(i));
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);

  // The reported attack: `/%09/evil.example` (a tab, which the URL parser drops, makes `//evil.example`).
  const offSite: string[] = [];
  await page.route((url) => url.hostname.endsWith('evil.example'), (route) => {
    offSite.push(route.request().url());
    return route.abort();
  });
  await page.goto('/login?next=/%09/evil.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.locator('form:has(#password)')).toHaveAttribute('method', /^post$/i);
  await a11y('login, no JS');

  // Empty: both fields say what is missing.
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page.getByLabel('Gebruikersnaam of e-mailadres')).toHaveAccessibleDescription('Vul je gebruikersnaam of e-mailadres in.');
  await expect(page.getByLabel('Wachtwoord')).toHaveAccessibleDescription('Vul je wachtwoord in.');
  await a11y('login with empty fields, no JS');

  // A wrong password: the form-level error; the login is kept.
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(i.username);
  await page.getByLabel('Wachtwoord').fill('niet het wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'horen niet bij elkaar' })).toBeVisible();
  await expect(page.getByLabel('Gebruikersnaam of e-mailadres')).toHaveValue(i.username);
  await a11y('login with a wrong password, no JS');

  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/overview`);
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  await a11y('overview after sign-in, no JS');

  expect(offSite, 'requests to evil.example').toEqual([]);
  expectDocumentPosts(seen.posts, 3);
  expectNoSecretIn(seen.urls, [PASSWORD, 'niet het wachtwoord']);
});

test('activation posts without JavaScript: a wrong PIN is shown, then the account is made and signed in; no PIN or password in any URL', async ({ page, browser, request, checkA11y }) => {
  const i = ids();
  await importScenario(request, scenario(i));
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  await page.goto('/activate');
  await expect(page.getByRole('heading', { level: 1, name: 'Account activeren' })).toBeVisible();
  const fill = async (pin: string) => {
    await page.getByLabel('Pasnummer').fill(i.cardC);
    await page.getByLabel('Pincode').fill(pin);
    await page.getByLabel('Gebruikersnaam').fill(i.newcomer);
    await page.getByLabel('E-mailadres').fill(`${i.newcomer}@example.be`);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Account activeren' }).click();
  };
  await fill('0000');
  await expect(page.getByRole('alert').filter({ hasText: 'Dit pasnummer en deze pincode horen niet bij elkaar.' })).toBeVisible();
  await a11y('activate with a wrong PIN, no JS');

  await fill(PIN_C);
  await expect(page).toHaveURL(/\/memberships\?activated=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Je account is geactiveerd' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  await a11y('memberships after activation, no JS');

  expectDocumentPosts(seen.posts, 2);
  expectNoSecretIn(seen.urls, [PASSWORD, PIN_C, '0000', i.cardC]);
});

test('linking a card and changing the password post without JavaScript; no PIN or password in any URL', async ({ page, browser, request, checkA11y }) => {
  const i = ids();
  await importScenario(request, scenario(i));
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  await page.goto('/login?next=/memberships');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(i.username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/memberships`);

  // A wrong PIN first: the error is on the page the POST answered.
  await page.getByLabel('Pasnummer van de andere pas').fill(i.cardB);
  await page.getByLabel('Pincode van die pas').fill('1111');
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Dit pasnummer en deze pincode horen niet bij elkaar.' })).toBeVisible();
  await a11y('link with a wrong PIN, no JS');

  await page.getByLabel('Pasnummer van de andere pas').fill(i.cardB);
  await page.getByLabel('Pincode van die pas').fill(PIN_B);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het lidmaatschap is gekoppeld.' })).toBeVisible();
  await expect(page.getByRole('region', { name: i.lone })).toBeVisible();
  await a11y('memberships after linking, no JS');

  // Account settings: a wrong current password, then the change.
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'Wachtwoord wijzigen' });
  await form.getByLabel('Huidig wachtwoord').fill('niet het wachtwoord');
  await form.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('form', { name: 'Wachtwoord wijzigen' }).getByLabel('Huidig wachtwoord')).toHaveAccessibleDescription('Je huidige wachtwoord klopt niet.');
  await a11y('account with a wrong password, no JS');
  await page.getByRole('form', { name: 'Wachtwoord wijzigen' }).getByLabel('Huidig wachtwoord').fill(PASSWORD);
  await page.getByRole('form', { name: 'Wachtwoord wijzigen' }).getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('form', { name: 'Wachtwoord wijzigen' }).getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd.' })).toBeVisible();
  // Still signed in (this session was re-issued for the new session version).
  await page.goto('/memberships');
  await expect(page).toHaveURL(`${E2E_BASE_URL}/memberships`);

  expectDocumentPosts(seen.posts, 5);
  expectNoSecretIn(seen.urls, [PASSWORD, NEW_PASSWORD, PIN_B, '1111', 'niet het wachtwoord']);
});

test('forgot password and the reset post without JavaScript; the token travels only in the mailed link', async ({ page, browser, request, checkA11y }) => {
  const i = ids();
  await importScenario(request, scenario(i));
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);

  await page.goto('/forgot-password');
  const askedAt = Date.now();
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(i.username);
  await page.getByRole('button', { name: 'Link versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Kijk ook bij je ongewenste e-mail');
  await a11y('forgot password sent, no JS');

  const mail = await mailTo(i.email, askedAt);
  const link = new RegExp(`${E2E_BASE_URL.replace(/[.]/g, '\\.')}/reset-password\\?token=([A-Za-z0-9_-]{43})`).exec(mail);
  expect(link, 'reset link in the mail').toBeTruthy();
  const [mailedLink, token] = [link![0], link![1]!];

  await page.goto(mailedLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible();
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('niet hetzelfde wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.locator('#reset-error')).toHaveText('De twee wachtwoorden zijn niet gelijk.');
  await a11y('reset password error, no JS');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  // Done: on to sign-in, which says so (the used link could not).
  await expect(page).toHaveURL(`${E2E_BASE_URL}/login?passwordReset=1`);
  await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd');
  await a11y('sign-in after the reset, no JS');

  // And the new password signs in, through the form.
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(i.username);
  await page.getByLabel('Wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/overview`);

  expectDocumentPosts(seen.posts, 4);
  // The mailed link necessarily carries its token (opening it is the point of the mail); the form
  // posts it in its body, so no other URL may hold it — nor any password.
  const others = seen.urls.filter((url) => !decodings(url).some((form) => form === mailedLink));
  expectNoSecretIn(others, [token, NEW_PASSWORD, 'niet hetzelfde wachtwoord']);
  expectNoSecretIn(seen.urls, [NEW_PASSWORD, 'niet hetzelfde wachtwoord']);
});

// ---- Renewing (issue 15): the loans page's form posts, and the page answers per loan. ----

const RENEW_KINDS = ['renewable', 'reserved', 'maxRenewals', 'membershipEnds', 'feeBlock', 'overdue'] as const satisfies readonly RenewLoanKind[];
type RenewKind = (typeof RENEW_KINDS)[number];

/** The shared renew scenario (test/scenarios/renew-loans.ts), imported fresh, and signed in through the auth endpoints. */
async function setUpRenewing(page: Page) {
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
  const today = todayInBrussels(new Date());
  await importScenario(page.request, renewScenario({ today, suffix, kinds: [...RENEW_KINDS] }));
  await signIn(page, renewScenarioUsers({ suffix }).an, RENEW_PASSWORD);
  return { slug: renewScenarioSlugs({ suffix }).region, today };
}

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${iso}T12:00:00Z`));
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const loanRow = (page: Page, kind: RenewKind): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRe(RENEW_TITLES[kind])}`) }) });
const renewalCell = (page: Page, kind: RenewKind) => loanRow(page, kind).getByRole('cell').last();
const dueCell = (page: Page, kind: RenewKind) => loanRow(page, kind).getByRole('cell').nth(2);
const renewalsCell = (page: Page, kind: RenewKind) => loanRow(page, kind).getByRole('cell').nth(3);
const renewStatus = (page: Page) => page.getByRole('main').getByRole('status');
const NOT_RENEWED = {
  reserved: 'Niet verlengd: Een andere lener heeft dit gereserveerd en er is geen ander exemplaar vrij.',
  maxRenewals: 'Niet verlengd: Je hebt deze uitlening al het maximale aantal keren verlengd.',
  membershipEnds: 'Niet verlengd: Je lidmaatschap loopt af vóór een nieuwe inleverdatum. Vernieuw eerst je lidmaatschap.',
  feeBlock: 'Niet verlengd: Je openstaande bedragen in deze regio zijn te hoog. Betaal ze eerst, dan kun je weer verlengen.',
} as const;

test('renew all posts without JavaScript: each loan shows its new due date or its reason, the summary counts match (RN1–RN8)', async ({ page, browser, checkA11y }) => {
  const s = await setUpRenewing(page);
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  const newDue = longDate(addDays(s.today, 28));
  await page.goto(`/cards/${s.slug}/loans`);
  await expect(renewalCell(page, 'renewable')).toHaveText(`Verlengbaar tot ${newDue}`);
  await expect(page.getByRole('button', { name: 'Alles verlengen' })).toBeEnabled();
  await expect(page.getByRole('checkbox', { name: `Selecteer ${RENEW_TITLES.renewable}` })).toBeEnabled();
  await a11y('loans, no JS');

  await page.getByRole('button', { name: 'Alles verlengen' }).click();
  await expect(renewStatus(page)).toHaveText('2 verlengd, 4 niet verlengd');
  await expect(renewalCell(page, 'renewable')).toHaveText(`Verlengd tot ${newDue}`);
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengd tot ${newDue}`);
  for (const kind of ['reserved', 'maxRenewals', 'membershipEnds', 'feeBlock'] as const) await expect(renewalCell(page, kind)).toHaveText(NOT_RENEWED[kind]);
  // The page was rendered after the renewal: new due dates and renewal counts.
  await expect(dueCell(page, 'renewable')).toContainText(newDue);
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'overdue')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'reserved')).toHaveText('0 van 2');
  await expect(page.getByRole('main').getByText(/^Verlengd tot /)).toHaveCount(2);
  await expect(page.getByRole('main').getByText(/^Niet verlengd: /)).toHaveCount(4);
  await a11y('loans after renewing all, no JS');
  expectDocumentPosts(seen.posts, 1);
});

test('renew a selection posts without JavaScript: nothing chosen is said, then only the ticked loan is renewed', async ({ page, browser, checkA11y }) => {
  const s = await setUpRenewing(page);
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  const newDue = longDate(addDays(s.today, 28));
  await page.goto(`/cards/${s.slug}/loans?view=due`);

  await page.getByRole('button', { name: 'Selectie verlengen' }).click();
  await expect(renewStatus(page)).toHaveText('Kies eerst de uitleningen die je wilt verlengen.');
  await expect(renewalsCell(page, 'renewable')).toHaveText('0 van 2');
  await a11y('loans with nothing selected, no JS');

  await page.getByRole('checkbox', { name: `Selecteer ${RENEW_TITLES.renewable}` }).check();
  await page.getByRole('button', { name: 'Selectie verlengen' }).click();
  await expect(renewStatus(page)).toHaveText('1 verlengd, 0 niet verlengd');
  await expect(page).toHaveURL(new RegExp(`/cards/${s.slug}/loans\\?view=due$`));
  await expect(renewalCell(page, 'renewable')).toHaveText(`Verlengd tot ${newDue}`);
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  await expect(dueCell(page, 'renewable')).toContainText(newDue);
  // The other renewable loan was not ticked: unchanged, no outcome.
  await expect(renewalsCell(page, 'overdue')).toHaveText('0 van 2');
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengbaar tot ${newDue}`);
  await expect(page.getByRole('checkbox', { name: `Selecteer ${RENEW_TITLES.overdue}` })).not.toBeChecked();
  await a11y('loans after renewing a selection, no JS');
  expectDocumentPosts(seen.posts, 2);
});

// ---- Reservations and history (issue 15): their forms post; a confirmation is a disclosure. ----

async function setUpCards(page: Page) {
  const scenario = cardScenario(Math.random().toString(36).slice(2, 7), todayInBrussels(new Date()));
  await importScenario(page.request, scenario.document);
  await signIn(page, scenario.users.family, SCENARIO_PASSWORD);
  return scenario;
}

test('cancelling a reservation (after confirming) and changing its pick-up post without JavaScript', async ({ page, browser, checkA11y }) => {
  const s = await setUpCards(page);
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  await page.goto(`/cards/${s.slugs.zo}/reservations`);
  const table = page.getByRole('table', { name: 'Je reserveringen' });
  await expect(table.getByRole('row', { name: /Het gouden ei/ })).toBeVisible();

  // The confirmation first: the trigger opens the question; only its button posts.
  await expect(page.getByRole('button', { name: 'Ja, annuleren' })).toHaveCount(0);
  await page.locator('summary').filter({ hasText: 'Reservering van Het gouden ei annuleren' }).click();
  const question = page.getByRole('group', { name: 'Reservering annuleren?' });
  await expect(question).toContainText('Je reservering van ‘Het gouden ei’ vervalt');
  await a11y('reservations, confirmation open, no JS');
  await question.getByRole('button', { name: 'Ja, annuleren' }).click();
  await expect(table.getByRole('row', { name: /Het gouden ei/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /De ontdekking van de hemel/ })).toBeVisible();

  // Change pick-up: the select and its button post.
  const select = page.getByLabel('Afhaalplaats voor De ontdekking van de hemel', { exact: true });
  await select.selectOption({ label: `9861 Scheldewindeke (${s.names.oosterzele})` });
  await page.getByRole('button', { name: 'Afhaalplaats voor De ontdekking van de hemel wijzigen' }).click();
  await expect(page.getByText('Afhaalplaats gewijzigd.')).toBeVisible();
  await expect(table.getByRole('row', { name: /De ontdekking van de hemel/ })).toContainText('9861 Scheldewindeke');
  await a11y('reservations after changing the pick-up, no JS');
  await page.goto(`/cards/${s.slugs.zo}/reservations`);
  await expect(table.getByRole('row', { name: /Het gouden ei/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /De ontdekking van de hemel/ })).toContainText('9861 Scheldewindeke');
  expectDocumentPosts(seen.posts, 2);
});

test('switching history recording and clearing the history (after confirming) post without JavaScript', async ({ page, browser, checkA11y }) => {
  const s = await setUpCards(page);
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  await page.goto(`/cards/${s.slugs.zo}/history`);
  await expect(page.getByText('24 uitleningen')).toBeVisible();

  await page.getByRole('button', { name: 'Bijhouden uitzetten' }).click();
  await expect(page.getByRole('heading', { name: 'Je leenhistoriek wordt niet bijgehouden.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bijhouden aanzetten' })).toBeVisible();
  await expect(page.getByText('24 uitleningen')).toBeVisible();
  await a11y('history off, no JS');

  await page.locator('summary').filter({ hasText: 'Historiek wissen' }).click();
  await page.getByRole('group', { name: 'Leenhistoriek wissen?' }).getByRole('button', { name: 'Ja, wissen' }).click();
  await expect(page.getByRole('heading', { name: 'Geen leenhistoriek op deze pas' })).toBeVisible();
  await a11y('history cleared, no JS');

  await page.getByRole('button', { name: 'Bijhouden aanzetten' }).click();
  await expect(page.getByRole('button', { name: 'Bijhouden uitzetten' })).toBeVisible();
  expectDocumentPosts(seen.posts, 3);
});

test('unlinking a membership (after confirming) posts without JavaScript and lands on the memberships page', async ({ page, browser, request, checkA11y }) => {
  const i = ids();
  await importScenario(request, scenario(i));
  await signIn(page, i.username, PASSWORD);
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  await page.goto('/memberships');
  await page.getByLabel('Pasnummer van de andere pas').fill(i.cardB);
  await page.getByLabel('Pincode van die pas').fill(PIN_B);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('region', { name: i.lone })).toBeVisible();

  // The records list: one item per linked patron record, each with its unlink confirmation.
  const record = page.getByRole('region', { name: 'Gekoppelde klantrecords' }).getByRole('listitem').filter({ hasText: i.lone });
  await expect(record.getByRole('button')).toHaveCount(0);
  await record.locator('summary').filter({ hasText: /^Ontkoppelen/ }).click();
  await expect(record.getByRole('button')).toHaveCount(1);
  await a11y('memberships, unlink confirmation open, no JS');
  await record.getByRole('button').click();
  await expect(page).toHaveURL(/\/memberships\?unlinked=1$/);
  await expect(page.getByRole('region', { name: i.lone })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Gekoppelde klantrecords' }).getByRole('listitem').filter({ hasText: i.lone })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Gekoppelde klantrecords' }).getByRole('listitem').filter({ hasText: i.main })).toHaveCount(1);
  await a11y('memberships after unlinking, no JS');
  expectDocumentPosts(seen.posts, 2);
  expectNoSecretIn(seen.urls, [PIN_B]);
});

test('reminder settings and the language switch post without JavaScript', async ({ page, browser, request, checkA11y }) => {
  const i = ids();
  await importScenario(request, scenario(i));
  await signIn(page, i.username, PASSWORD);
  const seen = watch(page);
  const a11y = (label: string) => checkServedPage(browser, page, seen, checkA11y, label);
  await page.goto('/account');
  const reminders = page.getByRole('region', { name: 'Herinneringen per e-mail' });
  await reminders.getByLabel('Herinnering vooraf').selectOption({ label: '3 dagen voor de inleverdatum' });
  await reminders.getByLabel('Taal van de e-mails').selectOption('en');
  await reminders.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Je instellingen voor e-mails zijn opgeslagen.')).toBeVisible();
  await a11y('account after saving reminders, no JS');
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Herinneringen per e-mail' }).getByLabel('Herinnering vooraf')).toHaveValue('3');
  await expect(page.getByRole('region', { name: 'Herinneringen per e-mail' }).getByLabel('Taal van de e-mails')).toHaveValue('en');

  // The portal's language: the switcher's buttons post the locale.
  await page.getByRole('button', { name: /^English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await a11y('account in English, no JS');
  await page.getByRole('button', { name: /^Nederlands/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  expectDocumentPosts(seen.posts, 3);
});
