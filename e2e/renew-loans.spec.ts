// Renewing loans end to end: "Alles verlengen" and "Selectie verlengen" on the
// loans page, with one loan of each kind (RN1–RN8, R6, R11) built by the importer:
//   renewable; reserved by another patron with no free copy (RN2); at the maximum (RN3); membership
//   ends before a new date (RN6 cap); patron over the fee threshold (RN5 — a second patron record
//   of the account, since RN5 is per patron); overdue but renewable (RN8); and, on the card of its
//   own Dutch library, a guest whose home membership has ended (R11 → RN4).
// The scenario is the shared one of the integration tests (test/scenarios/renew-loans.ts), with
// these kinds only; every test imports its own copy (dates from today, unique codes, barcodes,
// usernames) into the shared e2e database.
import type { Locator, Page } from '@playwright/test';
import { addDays, todayInBrussels } from '../lib/domain/dates';
import {
  RENEW_PASSWORD,
  RENEW_TITLES,
  renewScenario as sharedRenewScenario,
  renewScenarioSlugs,
  renewScenarioUsers,
  type RenewLoanKind,
} from '../test/scenarios/renew-loans';
import { expect, test } from './support/fixtures';
import { importScenario, type NetworkDocument } from './support/scenario';
import { signIn } from './support/sign-in';

const PASSWORD = RENEW_PASSWORD;

/** The loans this spec shows, by its own names, as kinds of the shared scenario. */
const KINDS = {
  renewable: 'renewable',
  reserved: 'reserved',
  maxRenewals: 'maxRenewals',
  membershipEnds: 'membershipEnds',
  feeBlock: 'feeBlock',
  overdue: 'overdue',
  guest: 'guestHomeEnded',
} as const satisfies Record<string, RenewLoanKind>;
type Kind = keyof typeof KINDS;
const TITLES = Object.fromEntries(Object.entries(KINDS).map(([k, kind]) => [k, RENEW_TITLES[kind]])) as Record<Kind, string>;

/** The patron's sentences (renewal.nl.json), as the rows show them after a refusal. */
const REASONS = {
  reserved: 'Niet verlengd: Een andere lener heeft dit gereserveerd en er is geen ander exemplaar vrij.',
  maxRenewals: 'Niet verlengd: Je hebt deze uitlening al het maximale aantal keren verlengd.',
  membershipEnds: 'Niet verlengd: Je lidmaatschap loopt af vóór een nieuwe inleverdatum. Vernieuw eerst je lidmaatschap.',
  feeBlock: 'Niet verlengd: Je openstaande bedragen in deze regio zijn te hoog. Betaal ze eerst, dan kun je weer verlengen.',
  guest:
    'Niet verlengd: Je hebt geen actief lidmaatschap in deze bibliotheek of regio. Vernieuw je lidmaatschap of neem contact op met je bibliotheek.',
  noExtension: 'Niet verlengd: Verlengen geeft nu nog geen latere inleverdatum. Probeer het later opnieuw.',
} as const;

interface RenewScenario {
  document: NetworkDocument;
  username: string;
  slugs: { region: string; guest: string };
  today: string;
}

function renewScenario(): RenewScenario {
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
  const today = todayInBrussels(new Date());
  const document = sharedRenewScenario({ today, suffix, kinds: Object.values(KINDS) });
  return { document, username: renewScenarioUsers({ suffix }).an, slugs: renewScenarioSlugs({ suffix }), today };
}

async function setUp(page: Page): Promise<RenewScenario> {
  const scenario = renewScenario();
  await importScenario(page.request, scenario.document);
  await signIn(page, scenario.username, PASSWORD);
  return scenario;
}

/** A date as the pages show it in Dutch ("18 december 2026"). */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The table row of a loan, found by its row header (the title). */
const row = (page: Page, kind: Kind): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escape(TITLES[kind])}`) }) });
const checkbox = (page: Page, kind: Kind) => page.getByRole('checkbox', { name: `Selecteer ${TITLES[kind]}` });
const statusOf = (page: Page) => page.getByRole('main').getByRole('status');
/** The renewal cell (last column) of a loan's row. */
const renewalCell = (page: Page, kind: Kind) => row(page, kind).getByRole('cell').last();
/** The due-date cell of a loan's row (columns: select, [title = row header], library, due, renewed, renewal). */
const dueCell = (page: Page, kind: Kind) => row(page, kind).getByRole('cell').nth(2);
const renewalsCell = (page: Page, kind: Kind) => row(page, kind).getByRole('cell').nth(3);

/** Counts the server-action POSTs (renewLoans) the page sends. */
function countActionPosts(page: Page): { count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) counter.count += 1;
  });
  return counter;
}

/** Presses `key` until `target` has focus (keyboard only; fails after `max` presses). */
async function pressUntilFocused(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach the element with ${key} in ${max} presses`);
}

test('renew all: each loan shows its new due date or its reason in place, the summary counts match (RN1–RN8)', async ({ page, checkA11y }) => {
  const s = await setUp(page);
  const posts = countActionPosts(page);
  const newDue = longDate(addDays(s.today, 28));
  await page.goto(`/cards/${s.slugs.region}/loans`);

  // Before anyone clicks: the decision per loan; refused loans cannot be selected and say why.
  await expect(page.getByText('6 uitleningen')).toBeVisible();
  await expect(renewalCell(page, 'renewable')).toHaveText(`Verlengbaar tot ${newDue}`);
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengbaar tot ${newDue}`);
  for (const kind of ['renewable', 'overdue'] as const) await expect(checkbox(page, kind)).toBeEnabled();
  for (const kind of ['reserved', 'maxRenewals', 'membershipEnds', 'feeBlock'] as const) {
    await expect(checkbox(page, kind)).toBeDisabled();
    await expect(checkbox(page, kind)).toHaveAccessibleDescription(/^Niet verlengbaar: /);
  }
  await expect(checkbox(page, 'maxRenewals')).toHaveAccessibleDescription(/maximum aantal verlengingen/);
  await expect(statusOf(page)).toHaveText('');
  await checkA11y({ label: 'loans per branch, before renewing' });

  await page.getByRole('button', { name: 'Alles verlengen' }).click();
  await expect(statusOf(page)).toHaveText('2 verlengd, 4 niet verlengd');
  await expect(statusOf(page)).toHaveAttribute('aria-live', 'polite');

  // The page data is fresh (router.refresh): new due dates and renewal counts …
  await expect(dueCell(page, 'renewable')).toContainText(newDue);
  await expect(dueCell(page, 'overdue')).toContainText(newDue);
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'overdue')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'reserved')).toHaveText('0 van 2');
  // … and each row's outcome is still there, in place, after that refresh.
  await expect(renewalCell(page, 'renewable')).toHaveText(`Verlengd tot ${newDue}`);
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengd tot ${newDue}`);
  await expect(renewalCell(page, 'reserved')).toHaveText(REASONS.reserved);
  await expect(renewalCell(page, 'maxRenewals')).toHaveText(REASONS.maxRenewals);
  await expect(renewalCell(page, 'membershipEnds')).toHaveText(REASONS.membershipEnds);
  await expect(renewalCell(page, 'feeBlock')).toHaveText(REASONS.feeBlock);
  // The summary counts are the rows' outcomes.
  await expect(page.getByRole('main').getByText(/^Verlengd tot /)).toHaveCount(2);
  await expect(page.getByRole('main').getByText(/^Niet verlengd: /)).toHaveCount(4);
  // Renewed today, a second renewal would give no later date: now refused, so not selectable.
  await expect(checkbox(page, 'renewable')).toBeDisabled();
  expect(posts.count).toBe(1);
  await checkA11y({ label: 'loans per branch, after renewing' });

  // The Dutch guest's loan is on the card of its own library (R11: home membership ended → RN4).
  await page.goto(`/cards/${s.slugs.guest}/loans`);
  await expect(renewalCell(page, 'guest')).toHaveText(/^Niet verlengbaar: je hebt geen actief lidmaatschap/);
  await expect(checkbox(page, 'guest')).toBeDisabled();
  await page.getByRole('button', { name: 'Alles verlengen' }).click();
  await expect(statusOf(page)).toHaveText('0 verlengd, 1 niet verlengd');
  await expect(renewalCell(page, 'guest')).toHaveText(REASONS.guest);
  await expect(renewalsCell(page, 'guest')).toHaveText(/^0 /);
  await checkA11y({ label: 'guest card after renewing' });
});

test('renew a selection in the by-due-date view: only the selected loans are renewed', async ({ page, checkA11y }) => {
  const s = await setUp(page);
  const newDue = longDate(addDays(s.today, 28));
  await page.goto(`/cards/${s.slugs.region}/loans?view=due`);
  await expect(page.getByRole('table', { name: 'Alle uitleningen op vervaldatum' })).toBeVisible();

  const renewSelected = page.getByRole('button', { name: 'Selectie verlengen' });
  await expect(renewSelected).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Niets geselecteerd')).toBeVisible();
  await checkbox(page, 'renewable').check();
  await expect(page.getByText('1 uitlening geselecteerd')).toBeVisible();
  await expect(renewSelected).not.toHaveAttribute('aria-disabled', 'true');
  await checkA11y({ label: 'loans by due date, one selected' });

  await renewSelected.click();
  await expect(statusOf(page)).toHaveText('1 verlengd, 0 niet verlengd');
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  await expect(dueCell(page, 'renewable')).toContainText(newDue);
  await expect(renewalCell(page, 'renewable')).toHaveText(`Verlengd tot ${newDue}`);
  // The other renewable loan was not selected: its old due date, no renewal used, no outcome.
  await expect(dueCell(page, 'overdue')).toContainText(longDate(addDays(s.today, -7)));
  await expect(dueCell(page, 'overdue')).toContainText('7 dagen te laat');
  await expect(renewalsCell(page, 'overdue')).toHaveText('0 van 2');
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengbaar tot ${newDue}`);
  await expect(renewalCell(page, 'reserved')).toHaveText(/^Niet verlengbaar: /);
  // The selection is cleared after the request.
  await expect(page.getByText('Niets geselecteerd')).toBeVisible();
  await expect(checkbox(page, 'overdue')).not.toBeChecked();

  // The refreshed data survives a reload (it is in the database, not only in the page).
  await page.reload();
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'overdue')).toHaveText('0 van 2');
  await checkA11y({ label: 'loans by due date, after renewing a selection' });
});

test('clicking twice quickly sends one request and renews once (RN7)', async ({ page }) => {
  const s = await setUp(page);
  const posts = countActionPosts(page);
  const newDue = longDate(addDays(s.today, 28));
  await page.goto(`/cards/${s.slugs.region}/loans`);

  // Two clicks in one task, before React can re-render: the synchronous guard drops the second.
  await checkbox(page, 'renewable').check();
  await page.getByRole('button', { name: 'Selectie verlengen' }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(statusOf(page)).toHaveText('1 verlengd, 0 niet verlengd');
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  expect(posts.count).toBe(1);

  // A real double click on "Alles verlengen": one request again. The loan renewed a moment ago
  // gets no later date today (refused in place), the overdue one is renewed exactly once, and the
  // earlier outcome of the others is replaced by this request's.
  await page.getByRole('button', { name: 'Alles verlengen' }).dblclick();
  await expect(statusOf(page)).toHaveText('1 verlengd, 5 niet verlengd');
  await expect(renewalsCell(page, 'overdue')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'renewable')).toHaveText('1 van 2');
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengd tot ${newDue}`);
  await expect(renewalCell(page, 'renewable')).toHaveText(REASONS.noExtension);
  expect(posts.count).toBe(2);
});

test('keyboard only at 360 px: select a loan with Space and renew it with Enter', async ({ page, checkA11y }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const s = await setUp(page);
  const newDue = longDate(addDays(s.today, 28));
  await page.goto(`/cards/${s.slugs.region}/loans`);
  const renewSelected = page.getByRole('button', { name: 'Selectie verlengen' });
  await expect(page.getByRole('button', { name: 'Alles verlengen' })).toBeEnabled(); // hydrated
  await expect(renewSelected).toHaveAttribute('aria-disabled', 'true'); // nothing selected yet

  // The page itself never scrolls sideways; the table scrolls inside its own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const name of ['Alles verlengen', 'Selectie verlengen']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360, `${name} fits in 360 px`).toBe(true);
  }

  const box = checkbox(page, 'overdue');
  await pressUntilFocused(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(page.getByText('1 uitlening geselecteerd')).toBeVisible();

  await pressUntilFocused(page, renewSelected, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(statusOf(page)).toHaveText('1 verlengd, 0 niet verlengd');
  await expect(renewalCell(page, 'overdue')).toHaveText(`Verlengd tot ${newDue}`);
  await expect(renewalsCell(page, 'overdue')).toHaveText('1 van 2');
  await expect(renewalsCell(page, 'renewable')).toHaveText('0 van 2');
  // Focus stays on the button (aria-disabled while it ran, never disabled), so the keyboard user
  // goes on from where they were.
  await expect(renewSelected).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checkA11y({ label: '360 px after renewing' });
});
