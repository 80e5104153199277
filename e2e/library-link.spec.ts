// Linked libraries end to end: a library linked to its own system — the independent reference SIP2 server,
// which this spec starts on E2E_SIP2_PORT, where the e2e server's configuration points library
// BE-REF01 (scripts/serve-e2e.ts). The desk lends items over SIP (message 11); the patron signs in,
// sees exactly those loans with the server's due dates, renews them (the server decides), meets a
// hold placed at the library (refused in its own words), and lives through an outage.
import type { Locator, Page } from '@playwright/test';
import { addDays, todayInBrussels } from '../lib/domain/dates';
import type { Sip2Client } from '../lib/library-systems/sip2';
import { atDesk as deskWork } from '../test/support/sip2-desk';
import { sipDueDate } from '../lib/library-systems/sip2-adapter';
import { startSip2ReferenceServer, type Sip2ReferenceServer } from '../test/support/sip2-reference-server';
import {
  LINKED_PASSWORD,
  LINKED_REGION_SLUG,
  SAMPLE_ITEMS,
  linkedLibraryScenario,
} from '../test/scenarios/linked-library';
import { E2E_SIP2_PORT } from './support/config';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const TITLES = { perl: 'Perl 5 desktop reference', alibi: 'The deep blue alibi', imported: 'Een boek van Importstad' } as const;
type Kind = keyof typeof TITLES;
const LIBRARY = 'Bibliotheek Referentie';
const LOANS = `/cards/${LINKED_REGION_SLUG}/loans`;

let server: Sip2ReferenceServer;
test.beforeAll(async () => {
  server = await startSip2ReferenceServer({ port: E2E_SIP2_PORT });
});
test.afterAll(async () => {
  await server?.stop();
});

/** The library's desk, over SIP: what a librarian (or a kiosk) does. */
const atDesk = <T>(work: (desk: Sip2Client) => Promise<T>) => deskWork(server, work);
const dueAtLibrary = (item: string) => atDesk(async (desk) => sipDueDate((await desk.itemInformation(item)).dueDate)!);

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${iso}T12:00:00Z`));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const row = (page: Page, kind: Kind): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escape(TITLES[kind])}`) }) });
const dueCell = (page: Page, kind: Kind) => row(page, kind).getByRole('cell').nth(2);
const renewalCell = (page: Page, kind: Kind) => row(page, kind).getByRole('cell').last();

/**
 * Presses "Nu bijwerken" until `check` holds: a refresh started beside the sign-in may hold the
 * claim for a moment (the button then says the data was just updated), so the button is pressed again.
 */
async function refreshUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await check();
  }).toPass({ timeout: 25_000, intervals: [1_000, 2_000] });
}

test('L1/L3: the loans lent at the desk appear with the due dates the library reports', async ({ page, checkA11y }) => {
  await server.restart();
  await atDesk(async (desk) => {
    for (const item of [SAMPLE_ITEMS.perl, SAMPLE_ITEMS.alibi]) expect((await desk.checkout('djfiander', item)).ok).toBe(true);
  });
  const due = { perl: await dueAtLibrary(SAMPLE_ITEMS.perl), alibi: await dueAtLibrary(SAMPLE_ITEMS.alibi) };
  await importScenario(page.request, linkedLibraryScenario({ today: todayInBrussels(new Date()) }));
  await signIn(page, 'david.fiander', LINKED_PASSWORD);
  await page.goto(LOANS);
  await refreshUntil(page, () => expect(row(page, 'perl')).toBeVisible({ timeout: 3_000 }));
  await expect(dueCell(page, 'perl')).toContainText(longDate(due.perl));
  await expect(dueCell(page, 'alibi')).toContainText(longDate(due.alibi));
  await expect(page.getByText(new RegExp(`^${LIBRARY}: bijgewerkt om \\d{2}:\\d{2}$`))).toBeVisible();
  await checkA11y({ label: 'loans of a linked library' });
});

test('L1: renew all — the library decides; the page shows the due dates its item information gives', async ({ page, checkA11y }) => {
  await signIn(page, 'david.fiander', LINKED_PASSWORD);
  await page.goto(LOANS);
  await expect(row(page, 'perl')).toBeVisible();
  await page.getByRole('button', { name: 'Alles verlengen' }).click();
  await expect(page.getByRole('main').getByText('3 verlengd, 0 niet verlengd', { exact: true })).toBeVisible();
  for (const [kind, item] of [['perl', SAMPLE_ITEMS.perl], ['alibi', SAMPLE_ITEMS.alibi]] as const) {
    const due = longDate(await dueAtLibrary(item));
    await expect(renewalCell(page, kind)).toHaveText(`Verlengd tot ${due}`);
    await expect(dueCell(page, kind)).toContainText(due);
  }
  // The import-only library of the same region renews by the portal's own rules, as before.
  await expect(renewalCell(page, 'imported')).toHaveText(`Verlengd tot ${longDate(addDays(todayInBrussels(new Date()), 28))}`);
  await checkA11y({ label: 'loans of a linked library, after renewing' });
});

test('L1: a hold placed at the library — renewing is refused with the library’s own message', async ({ page }) => {
  await atDesk(async (desk) => {
    expect((await desk.hold('+', 'miker', { itemId: SAMPLE_ITEMS.perl, pickupLocation: 'CENTRAL' })).ok).toBe(true);
  });
  await signIn(page, 'david.fiander', LINKED_PASSWORD);
  await page.goto(LOANS);
  const before = await dueCell(page, 'perl').textContent();
  await page.getByRole('checkbox', { name: `Selecteer ${TITLES.perl}` }).check();
  await page.getByRole('button', { name: 'Selectie verlengen' }).click();
  await expect(renewalCell(page, 'perl')).toHaveText(`Niet verlengd: ${LIBRARY} weigert te verlengen: “Item has outstanding holds”`);
  await expect(dueCell(page, 'perl')).toHaveText(before!);
});

test('L4: the library down — renew all and refresh say it cannot be reached and change nothing; back up — both work', async ({ page, checkA11y }) => {
  await signIn(page, 'david.fiander', LINKED_PASSWORD);
  await page.goto(LOANS);
  const before = { perl: await dueCell(page, 'perl').textContent(), alibi: await dueCell(page, 'alibi').textContent() };
  await server.stop();

  await page.getByRole('button', { name: 'Alles verlengen' }).click();
  const down = `Niet verlengd: ${LIBRARY} is nu niet bereikbaar; er is niets veranderd. Probeer het later opnieuw.`;
  await expect(renewalCell(page, 'perl')).toHaveText(down);
  await expect(renewalCell(page, 'alibi')).toHaveText(down);
  await expect(dueCell(page, 'perl')).toHaveText(before.perl!);
  await expect(dueCell(page, 'alibi')).toHaveText(before.alibi!);
  await refreshUntil(page, () =>
    expect(page.getByText(new RegExp(`^${LIBRARY} is nu niet bereikbaar; je ziet de gegevens van \\d{2}:\\d{2}\\.$`))).toBeVisible({ timeout: 3_000 }),
  );
  await expect(row(page, 'perl')).toBeVisible();
  await checkA11y({ label: 'loans while the linked library is down' });

  // Started again (its sample data comes back empty): the desk lends one item again.
  await server.restart();
  await atDesk(async (desk) => expect((await desk.checkout('djfiander', SAMPLE_ITEMS.alibi)).ok).toBe(true));
  await refreshUntil(page, () => expect(row(page, 'perl')).toHaveCount(0, { timeout: 3_000 }));
  await expect(page.getByText(new RegExp(`^${LIBRARY}: bijgewerkt om \\d{2}:\\d{2}$`))).toBeVisible();
  await page.getByRole('checkbox', { name: `Selecteer ${TITLES.alibi}` }).check();
  await page.getByRole('button', { name: 'Selectie verlengen' }).click();
  await expect(renewalCell(page, 'alibi')).toHaveText(`Verlengd tot ${longDate(await dueAtLibrary(SAMPLE_ITEMS.alibi))}`);
});
