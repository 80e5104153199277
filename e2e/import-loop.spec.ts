// The loop with a library that has no live link, end to end on a scenario made with the
// importer: the patron renews all in the browser; the portal's changes are exported for the
// library (changes@1); the library applies them and sends its next document (network@1, with
// `exportedAt`), which shows the renewals and says one loan came back meanwhile; that document is
// imported. The page shows the same due dates as before, the export is empty, and the loan the
// library marks returned is gone with a notice that the library did not take the renewal over.
import { addDays, todayInBrussels } from '../lib/domain/dates';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { exportChanges, importScenario, type NetworkDocument } from './support/scenario';
import { signIn } from './support/sign-in';

const PASSWORD = 'export-lus-wachtwoord';

/** A date as the pages show it in Dutch ("18 december 2026"). */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** The table row of a loan, found by its row header (the title). */
const loanRow = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${title}`) }) });

function loopScenario() {
  const s = Math.random().toString(36).slice(2, 7).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
  const low = s.toLowerCase();
  const today = todayInBrussels(new Date());
  const d = (days: number) => addDays(today, days);
  const region = `LP${s}`;
  const isil = `BE-LPZ${s}`;
  const patron = `lus-${low}`;
  const barcodes = { first: `32${s}1`, second: `32${s}2` };
  const titles = { first: 'Het eerste boek', second: 'Het tweede boek' };
  const network = (exportedAt: string, loans: Record<string, unknown>[]): NetworkDocument => ({
    format: 'mijn-bibliotheek/network@1',
    exportedAt,
    regions: [{ code: region, name: `Regio Lus ${s}`, kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [{ code: 'VOLW', name: 'Volwassene', region, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 }],
    libraries: [{ isil, name: `Bibliotheek Lus ${s}`, country: 'BE', region, branches: [{ code: '3550', name: 'Centrum' }] }],
    patrons: [
      {
        key: patron, givenName: 'Lies', familyName: 'Lus',
        memberships: [{ library: isil, type: 'VOLW', start: d(-300), end: d(400), autoRenew: false }],
      },
    ],
    accounts: [{ username: `lus-${low}`, email: `lus-${low}@example.be`, password: PASSWORD, patrons: [patron] }],
    titles: [
      { key: `eerste-${low}`, title: titles.first, material: 'book' },
      { key: `tweede-${low}`, title: titles.second, material: 'book' },
    ],
    items: [
      { barcode: barcodes.first, title: `eerste-${low}`, library: isil, branch: '3550' },
      { barcode: barcodes.second, title: `tweede-${low}`, library: isil, branch: '3550' },
    ],
    loans,
  });
  const loan = (barcode: string, dueOn: string, renewals: number, returnedOn: string | null = null) => ({
    item: barcode, patron, library: isil, branch: '3550', lentOn: d(-10), dueOn, renewals, returnedOn,
  });
  return { s, isil, today, d, username: `lus-${low}`, slug: region.toLowerCase(), barcodes, titles, network, loan };
}

test('renew all, export the changes, the library applies them, import: the page is unchanged; a loan it marks returned is told', async ({ page, checkA11y }) => {
  const sc = loopScenario();
  const exportedYesterday = new Date(Date.now() - 24 * 3600_000).toISOString();
  // The library's document of last night: both loans due in 18 days.
  await importScenario(page.request, sc.network(exportedYesterday, [sc.loan(sc.barcodes.first, sc.d(18), 0), sc.loan(sc.barcodes.second, sc.d(18), 0)]));
  await signIn(page, sc.username, PASSWORD);

  await page.goto(`/cards/${sc.slug}/loans`);
  await page.getByRole('button', { name: 'Alles verlengen' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('2 verlengd, 0 niet verlengd');
  const newDue = sc.d(28);

  // The same document once more (a nightly import that ran before the library saw the renewals).
  const again = await importScenario(page.request, sc.network(exportedYesterday, [sc.loan(sc.barcodes.first, sc.d(18), 0), sc.loan(sc.barcodes.second, sc.d(18), 0)]));
  expect(again.kept.map((k) => k.message)).toEqual([expect.stringMatching(/^kept: /), expect.stringMatching(/^kept: /)]);
  expect(again.kept.map((k) => k.path).sort()).toEqual(['loans[0]', 'loans[1]']);
  await page.reload();
  for (const title of [sc.titles.first, sc.titles.second]) {
    await expect(loanRow(page, title)).toContainText(longDate(newDue));
    await expect(loanRow(page, title)).toContainText('1 van 2');
  }

  // The export for the library: both renewals, by natural key, with the new due date.
  const exported = await exportChanges(page.request, sc.isil);
  expect(exported.format).toBe('mijn-bibliotheek/changes@1');
  const renewals = exported.changes.flatMap((c) => (c.kind === 'renewal' ? [c] : []));
  expect(renewals.map((c) => c.loan.item).sort()).toEqual([sc.barcodes.first, sc.barcodes.second].sort());
  for (const c of renewals) expect(c.newDueOn).toBe(newDue);

  // The library applied the first renewal; the second book came back before it could.
  await importScenario(
    page.request,
    sc.network(new Date().toISOString(), [sc.loan(sc.barcodes.first, newDue, 1), sc.loan(sc.barcodes.second, sc.d(18), 0, sc.today)]),
  );
  await page.reload();
  // The first loan: unchanged. The second: returned, and the patron is told.
  await expect(loanRow(page, sc.titles.first)).toContainText(longDate(newDue));
  await expect(loanRow(page, sc.titles.first)).toContainText('1 van 2');
  await expect(page.getByRole('rowheader', { name: new RegExp(`^${sc.titles.second}`) })).toHaveCount(0);
  await expect(page.getByText(new RegExp(`heeft je verlenging van .${sc.titles.second}. tot ${longDate(newDue)} niet overgenomen`))).toBeVisible();
  await checkA11y({ label: 'loans page with a notice' });

  // Nothing is left to export: one change confirmed by the document, the other rejected.
  expect((await exportChanges(page.request, sc.isil)).changes).toEqual([]);

  await page.getByRole('button', { name: 'Begrepen' }).click();
  await expect(page.getByText(/niet overgenomen/)).toHaveCount(0);
});
