// The round trip with a library without a live link, through the real actions on both databases: a patron renews in
// the portal at a library without a live link; the library's nightly document is imported again
// (with and without `exportedAt`) and the renewal stands, the report says so; the export lists it;
// a document exported after the renewal that shows it confirms it and it leaves the export; a
// document that says the loan was returned wins, the change is rejected and the card tells the patron.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { exportChanges } from '@/db/export/export-changes';
import { rowsOf } from '@/db/rows';
import { accounts, portalChanges } from '@/db/schema';
import { renewLoansForAccount } from '@/lib/actions/renew-loans-core';
import { getLoansView } from '@/lib/data/loans';
import { addDays } from '@/lib/domain/dates';
import { describeOnDatabases } from '@/test/db';
import { importNetwork, type ImportResult } from './import-network';
import type { NetworkDocument } from './schema';

const TODAY = '2026-11-23';
const d = (days: number) => addDays(TODAY, days);
const ISIL = 'BE-LUS01';
const ITEMS = { first: '3100000000011', second: '3100000000012' };

/** The library's document: both loans as the library sees them, optionally with its export time. */
function libraryDocument(loans: { first: [string, number, string | null]; second: [string, number, string | null] }, exportedAt?: Date): NetworkDocument {
  const loan = (item: string, [dueOn, renewals, returnedOn]: [string, number, string | null]) => ({
    item, patron: 'lies', library: ISIL, branch: 'C', lentOn: d(-10), dueOn, renewals, returnedOn,
  });
  return {
    format: 'mijn-bibliotheek/network@1',
    ...(exportedAt ? { exportedAt: exportedAt.toISOString() } : {}),
    regions: [{ code: 'LUS', name: 'Regio Lus', kind: '3b', feeBlockThresholdCents: 500 }],
    digitalCollections: [],
    subscriptionTypes: [{ code: 'VOLW', name: 'Volwassene', region: 'LUS', loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 }],
    libraries: [{ isil: ISIL, name: 'Bibliotheek Lus', country: 'BE', region: 'LUS', branches: [{ code: 'C', name: 'Centrum' }] }],
    patrons: [
      {
        key: 'lies', givenName: 'Lies', familyName: 'Lus', historyEnabled: false,
        memberships: [{ library: ISIL, type: 'VOLW', start: d(-300), end: d(400), autoRenew: false, stoppedOn: null }],
        guestMemberships: [], cards: [{ library: ISIL, number: '2000111122223', pin: null }],
      },
    ],
    accounts: [{ username: 'lies.lus', email: 'lies@example.be', password: 'een lang wachtwoord voor lies', patrons: ['lies'] }],
    titles: [
      { key: 'eerste', title: 'Het eerste boek', author: null, year: null, isbn: null, material: 'book' },
      { key: 'tweede', title: 'Het tweede boek', author: null, year: null, isbn: null, material: 'book' },
    ],
    items: [
      { barcode: ITEMS.first, title: 'eerste', library: ISIL, branch: 'C' },
      { barcode: ITEMS.second, title: 'tweede', library: ISIL, branch: 'C' },
    ],
    loans: [loan(ITEMS.first, loans.first), loan(ITEMS.second, loans.second)],
    reservations: [],
    fees: [],
  } as NetworkDocument;
}

const NIGHTLY = { first: [d(18), 0, null], second: [d(18), 0, null] } as const;
const RENEWED_DUE = d(28);

function ok(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describeOnDatabases('issue 13: renew in the portal, then the library\'s documents (%s)', { fresh: 'each' }, (t) => {
  let account: { accountId: number; sessionVersion: number };

  const dueDates = async () => {
    const view = await getLoansView(t.db, account, 'lus', TODAY);
    return Object.fromEntries((view?.byDueDate ?? []).map((l) => [l.title, [l.dueOn, l.renewals]]));
  };

  beforeEach(async () => {
    ok(await importNetwork(t.db, libraryDocument({ ...NIGHTLY } as never, new Date(Date.now() - 86_400_000))));
    const [row] = await t.db.select({ id: accounts.id, sv: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, 'lies.lus'));
    account = { accountId: row!.id, sessionVersion: row!.sv };
    const renewed = await renewLoansForAccount(t.db, account, { requestKey: randomUUID(), cardSlug: 'lus', all: true }, TODAY);
    expect(renewed.ok && renewed.data.items.map((r) => r.outcome)).toEqual(['renewed', 'renewed']);
  });

  it.each([
    ['exported before the renewal', new Date(Date.now() - 86_400_000)],
    ['without exportedAt', undefined],
  ])('the same nightly document again (%s): the renewals stand, the report names both loans', async (_label, exportedAt) => {
    const report = ok(await importNetwork(t.db, libraryDocument({ ...NIGHTLY } as never, exportedAt)));
    expect(await dueDates()).toEqual({ 'Het eerste boek': [RENEWED_DUE, 1], 'Het tweede boek': [RENEWED_DUE, 1] });
    expect(report.kept.map((k) => k.path).sort()).toEqual(['loans[0]', 'loans[1]']);
    for (const k of report.kept) expect(k.message).toMatch(/^kept: /);
    if (!exportedAt) expect(report.notes.join(' ')).toMatch(/exportedAt/);
    const exported = await exportChanges(t.db, { library: ISIL });
    expect(exported.ok && exported.document.changes.map((c) => c.kind)).toEqual(['renewal', 'renewal']);
  });

  it('a document exported after the renewals that shows them: confirmed, the export is empty, the page unchanged', async () => {
    const report = ok(await importNetwork(t.db, libraryDocument({ first: [RENEWED_DUE, 1, null], second: [RENEWED_DUE, 1, null] }, new Date())));
    expect(report.portalChanges).toEqual({ confirmed: 2, rejected: 0 });
    expect(report.kept).toEqual([]);
    expect(await dueDates()).toEqual({ 'Het eerste boek': [RENEWED_DUE, 1], 'Het tweede boek': [RENEWED_DUE, 1] });
    const exported = await exportChanges(t.db, { library: ISIL });
    expect(exported.ok && exported.document.changes).toEqual([]);
    const rows = await t.db.select().from(portalChanges);
    expect(rows.map((r) => [r.status, r.resolvedBy])).toEqual([['confirmed', 'import'], ['confirmed', 'import']]);
  });

  it('a document that says a renewed loan was returned: the library wins, the change is rejected, the card tells the patron', async () => {
    const report = ok(await importNetwork(t.db, libraryDocument({ first: [RENEWED_DUE, 1, null], second: [d(18), 0, TODAY] }, new Date())));
    expect(report.portalChanges).toEqual({ confirmed: 1, rejected: 1 });
    expect(await dueDates()).toEqual({ 'Het eerste boek': [RENEWED_DUE, 1] });
    const view = await getLoansView(t.db, account, 'lus', TODAY);
    expect(view?.notices.map((n) => [n.kind, n.reason, n.title, n.libraryName])).toEqual([
      ['renewal', 'loan_returned', 'Het tweede boek', 'Bibliotheek Lus'],
    ]);
    const exported = await exportChanges(t.db, { library: ISIL });
    expect(exported.ok && exported.document.changes).toEqual([]);
  });

  it('a change committed while the import waits for the loan is never overwritten with what the import read before', async () => {
    // The earlier renewals were confirmed before the document was made: the document may overwrite them.
    await t.db.execute(sql`update portal_changes set status = 'confirmed', resolved_by = 'import', resolved_at = now(),
                                  occurred_at = now() - interval '3 days'`);
    // Meanwhile a renewal in the portal holds the loan's row; it commits while the import runs.
    const later = d(35);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let changed!: () => void;
    const rowChanged = new Promise<void>((resolve) => (changed = resolve));
    const other = t.db.transaction(async (tx) => {
      const [loan] = await tx.execute(sql`update loans set due_on = ${later}, renewals = 2
                            where item_id = (select id from items where barcode = ${ITEMS.first}) returning id`).then(rowsOf<{ id: number }>);
      await tx.insert(portalChanges).values({
        accountId: account.accountId, loanId: loan!.id, kind: 'renewal', libraryId: sql`(select id from libraries where isil = ${ISIL})`,
        details: { oldDueOn: RENEWED_DUE, newDueOn: later, oldRenewals: 1, newRenewals: 2 },
      });
      changed();
      await held;
    });
    await rowChanged;
    const importing = importNetwork(t.db, libraryDocument({ ...NIGHTLY } as never, new Date(Date.now() - 86_400_000)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await other;
    ok(await importing);
    expect(await dueDates()).toEqual({ 'Het eerste boek': [later, 2], 'Het tweede boek': [d(18), 0] });
  });
});
