import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import type { NetworkDocument } from '@/db/import/schema';
import { accounts } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { describeOnDatabases } from '@/test/db';
import { addDays } from '@/lib/domain/dates';
import { decideRenewal } from '@/lib/domain/renewal';
import { getLoansView } from './loans';
import { listReminderCandidates, reminderRenewals } from './reminders';
import { listRenewalCandidates } from './renewal-inputs';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

const d = (days: number) => addDays(TODAY, days);

describeOnDatabases('getLoansView (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('R2 one card covers the loans of all three libraries of the region, grouped per branch with code and name', async () => {
    const view = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(view.card).toEqual({ slug: s.slugs.zo, label: `${s.names.zoRegion} – ${s.names.zottegem}`, active: true });
    expect(view.byBranch.map((g) => [g.libraryName, g.branch.code, g.branch.name, g.loans.map((l) => l.title)])).toEqual([
      [s.names.herzele, '9550', 'Herzele', ['De aanslag']],
      [s.names.oosterzele, '9860', 'Oosterzele', ['Het Achterhuis']],
      [s.names.zottegem, '3550', 'Zottegem', ['Kuifje in Tibet', 'Max Havelaar']], // by due date within the group
      [s.names.zottegem, '3551', 'Strijpen', ['De avonden']],
    ]);
    expect(view.byDueDate.map((l) => l.dueOn)).toEqual([d(-2), d(2), d(9), d(11), d(15)]);
    // A loan of another region (Deinze) and of a lone library (Gent) are on other cards.
    expect(view.byDueDate.map((l) => l.title)).not.toContain('Het diner');
    expect(view.byDueDate.map((l) => l.title)).not.toContain('Het leven is vurrukkulluk');
  });

  it('RN1–RN8 every loan carries the renewal decision from the same statement', async () => {
    const view = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!;
    const byTitle = Object.fromEntries(view.byDueDate.map((l) => [l.title, l]));
    expect(byTitle['Max Havelaar']).toMatchObject({ renewals: 0, maxRenewals: 2, renewal: { ok: true, newDueOn: d(28) }, due: { state: 'ok', daysUntilDue: 9 } });
    expect(byTitle['De avonden']).toMatchObject({ renewals: 2, renewal: { ok: false, reason: 'max_renewals' }, due: { state: 'overdue', daysOverdue: 2 } }); // RN3, RN8
    expect(byTitle['Kuifje in Tibet']).toMatchObject({ renewal: { ok: false, reason: 'reserved' }, due: { state: 'due_soon' } }); // RN2
    expect(byTitle['De aanslag']!.renewal).toEqual({ ok: true, newDueOn: d(20) }); // R6 Herzele membership caps (RN6)
    expect(byTitle['Het Achterhuis']!.renewal).toEqual({ ok: true, newDueOn: d(28) });
    expect(byTitle['Max Havelaar']).toMatchObject({ library: { name: s.names.zottegem }, branch: { code: '3550' }, author: 'Multatuli', material: 'book' });
  });

  it('RN5 fees at the region threshold block; RN4 no active membership; a lone library has no threshold', async () => {
    const le = (await getLoansView(t.db, s.family, s.slugs.le, TODAY))!;
    expect(le.byDueDate.map((l) => [l.title, l.renewal])).toEqual([['Het diner', { ok: false, reason: 'fee_block' }]]);
    const odd = (await getLoansView(t.db, s.family, s.slugs.odd, TODAY))!;
    expect(odd.byDueDate.map((l) => [l.title, l.renewal, l.maxRenewals])).toEqual([['Oude kaart', { ok: false, reason: 'no_active_membership' }, null]]);
    const gent = (await getLoansView(t.db, s.family, s.slugs.gent, TODAY))!;
    expect(gent.byDueDate.map((l) => l.renewal)).toEqual([{ ok: true, newDueOn: d(14) }]);
    // Mallory's own ZO fees (€ 6) block her, not An.
    const mallory = (await getLoansView(t.db, s.mallory, s.slugs.zo, TODAY))!;
    expect(mallory.byDueDate.map((l) => [l.title, l.renewal])).toEqual([['Het boek van Mallory', { ok: false, reason: 'fee_block' }]]);
  });

  it('P3 another account sees only its own loans on the same region card, and not at all a card it lacks', async () => {
    const mallory = (await getLoansView(t.db, s.mallory, s.slugs.zo, TODAY))!;
    expect(mallory.byDueDate.map((l) => l.title)).toEqual(['Het boek van Mallory']);
    expect(await getLoansView(t.db, s.mallory, s.slugs.le, TODAY)).toBeNull();
    expect(await getLoansView(t.db, s.mallory, s.slugs.gent, TODAY)).toBeNull();
    expect(await getLoansView(t.db, s.solo, 'nonexistent', TODAY)).toBeNull();
    expect(await getLoansView(t.db, s.solo, "zo' or 1=1 --", TODAY)).toBeNull();
    expect(await getLoansView(t.db, s.solo, 'x'.repeat(500), TODAY)).toBeNull();
  });

  it('RN1–RN8 the loans page shows the decision the renew action would take, on every card', async () => {
    for (const slug of Object.values(s.slugs)) {
      const view = (await getLoansView(t.db, s.family, slug, TODAY))!;
      const candidates = await listRenewalCandidates(t.db, s.family, { kind: 'card', cardSlug: slug }, TODAY);
      expect(view.byDueDate.map((l) => [l.id, l.renewal])).toEqual(view.byDueDate.map((l) => [l.id, decideRenewal(candidates.get(l.id)!.input)]));
    }
  });

  it('P4 one statement per view, the same for 1 and 6 linked memberships', async () => {
    t.queries.reset();
    const solo = await getLoansView(t.db, s.solo, s.slugs.zo, TODAY);
    const one = t.queries.count;
    t.queries.reset();
    await getLoansView(t.db, s.family, s.slugs.zo, TODAY);
    expect(solo?.byDueDate).toEqual([]);
    expect(one).toBe(1);
    expect(t.queries.count).toBe(one);
  });
});

/**
 * Where the three readers of a renewal (loans page, renew action, reminder mail) could part ways:
 * RN2 reach in a 3a region (R3: only the owning library's copies and pickups count) both ways; the
 * patron's own in-transit reservation setting a copy aside in a 3b region; R11/R13 a guest whose home
 * ISIL matches the in-network home library only by its system prefix.
 */
function agreementScenario(): NetworkDocument {
  const due = d(3);
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [
      { code: 'DR', name: 'Regio Dender', kind: '3a', feeBlockThresholdCents: 1000 },
      { code: 'AL', name: 'Regio Aalst', kind: '3b', feeBlockThresholdCents: 1000 },
    ],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region: 'DR', loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'VOLW', name: 'Volwassene', region: 'AL', loanPeriodDays: 21, maxRenewals: 2, maxLoans: 40 },
      { code: 'UTR', name: 'Utrecht', library: 'NL-0702881037', loanPeriodDays: 21, maxRenewals: 2, maxLoans: 40 },
      { code: 'GAST', name: 'Gast', library: 'NL-0200340001', loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      { isil: 'BE-NIN01', name: 'Ninove', country: 'BE', region: 'DR', branches: [{ code: '9400', name: 'Ninove' }] },
      { isil: 'BE-GER01', name: 'Geraardsbergen', country: 'BE', region: 'DR', branches: [{ code: '9500', name: 'Geraardsbergen' }] },
      { isil: 'BE-AAL01', name: 'Aalst', country: 'BE', region: 'AL', branches: [{ code: '9300', name: 'Aalst' }] },
      { isil: 'BE-DEN01', name: 'Denderleeuw', country: 'BE', region: 'AL', branches: [{ code: '9470', name: 'Denderleeuw' }] },
      { isil: 'NL-0702881037', name: 'Bibliotheek Utrecht', country: 'NL', branches: [{ code: 'NEUDE', name: 'Neude' }] },
      { isil: 'NL-0200340001', name: 'Bibliotheek Bedum', country: 'NL', branches: [{ code: 'BEDUM', name: 'Bedum' }] },
    ],
    patrons: [
      {
        key: 'dirk', givenName: 'Dirk', familyName: 'D',
        memberships: [
          { library: 'BE-NIN01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' },
          { library: 'BE-AAL01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' },
          { library: 'NL-0702881037', type: 'UTR', start: '2026-01-01', end: '2027-06-30' },
        ],
        // R13: the home ISIL is another branch of the Utrecht system; no nightly check recorded.
        guestMemberships: [{ library: 'NL-0200340001', type: 'GAST', registeredOn: '2026-09-01', homeIsil: 'NL-0702881001', homeCardNumber: '2000111' }],
      },
      { key: 'els', givenName: 'Els', familyName: 'E', memberships: [{ library: 'BE-GER01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }] },
    ],
    accounts: [{ username: 'agree.dirk', email: 'agree.dirk@example.be', password: 'dirk-password-1', patrons: ['dirk'] }],
    titles: [
      { key: 'here', title: 'Wacht in Ninove', material: 'book' },
      { key: 'there', title: 'Wacht in Geraardsbergen', material: 'book' },
      { key: 'transit', title: 'Onderweg', material: 'book' },
      { key: 'guest', title: 'Gastboek', material: 'book' },
    ],
    items: [
      { barcode: 'AG-1', title: 'here', library: 'BE-NIN01', branch: '9400' },
      { barcode: 'AG-2', title: 'here', library: 'BE-GER01', branch: '9500' }, // free, but out of reach in 3a
      { barcode: 'AG-3', title: 'there', library: 'BE-NIN01', branch: '9400' },
      { barcode: 'AG-4', title: 'transit', library: 'BE-AAL01', branch: '9300' },
      { barcode: 'AG-5', title: 'transit', library: 'BE-DEN01', branch: '9470' }, // free, on its way to Dirk
      { barcode: 'AG-6', title: 'guest', library: 'NL-0200340001', branch: 'BEDUM' },
    ],
    loans: [
      { item: 'AG-1', patron: 'dirk', library: 'BE-NIN01', branch: '9400', lentOn: d(-25), dueOn: due },
      { item: 'AG-3', patron: 'dirk', library: 'BE-NIN01', branch: '9400', lentOn: d(-25), dueOn: due },
      { item: 'AG-4', patron: 'dirk', library: 'BE-AAL01', branch: '9300', lentOn: d(-18), dueOn: due },
      { item: 'AG-6', patron: 'dirk', library: 'NL-0200340001', branch: 'BEDUM', lentOn: d(-18), dueOn: due },
    ],
    reservations: [
      { title: 'here', patron: 'els', pickupLibrary: 'BE-NIN01', pickupBranch: '9400', placedOn: d(-5), status: 'waiting' },
      { title: 'there', patron: 'els', pickupLibrary: 'BE-GER01', pickupBranch: '9500', placedOn: d(-5), status: 'waiting' },
      { title: 'transit', patron: 'els', pickupLibrary: 'BE-DEN01', pickupBranch: '9470', placedOn: d(-5), status: 'waiting' },
      { title: 'transit', patron: 'dirk', pickupLibrary: 'BE-AAL01', pickupBranch: '9300', placedOn: d(-6), status: 'in_transit' },
    ],
  };
}

describeOnDatabases('the loans page, the renewal and the reminder decide alike (%s)', (t) => {
  let dirk: SignedInAccount;
  const slugs = ['dr', 'al', 'nl-0200340001'];
  beforeAll(async () => {
    const r = await importNetwork(t.db, agreementScenario());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    await t.db.update(accounts).set({ reminderDays: 7 }).where(eq(accounts.username, 'agree.dirk'));
    const [row] = await t.db.select().from(accounts).where(eq(accounts.username, 'agree.dirk'));
    dirk = { accountId: row!.id, sessionVersion: row!.sessionVersion };
  });

  it('RN2 (R3 reach, own in-transit set aside) and RN4 (R11 via R13 system prefix): one decision per loan', async () => {
    const page = new Map<number, { title: string; renewal: unknown }>();
    for (const slug of slugs) {
      for (const l of (await getLoansView(t.db, dirk, slug, TODAY))!.byDueDate) page.set(l.id, { title: l.title, renewal: l.renewal });
    }
    expect(page.size).toBe(4);
    const renewal = await listRenewalCandidates(t.db, dirk, { kind: 'ids', loanIds: [...page.keys()] }, TODAY);
    const reminder = (await listReminderCandidates(t.db, TODAY)).find((c) => c.accountId === dirk.accountId)!;
    const mail = reminderRenewals(reminder, TODAY);

    const byTitle = Object.fromEntries([...page.values()].map((l) => [l.title, l.renewal]));
    expect(byTitle).toEqual({
      'Wacht in Ninove': { ok: false, reason: 'reserved' }, // 3a: Geraardsbergen's free copy cannot serve the Ninove pickup
      'Wacht in Geraardsbergen': { ok: true, newDueOn: d(28) }, // 3a: a pickup at Geraardsbergen cannot be served by this copy
      Onderweg: { ok: false, reason: 'reserved' }, // 3b: the free copy is on its way to Dirk himself
      Gastboek: { ok: true, newDueOn: d(21) }, // R11: the guest follows the Utrecht membership (until 2027-06-30)
    });
    for (const [id, { renewal: decision }] of page) {
      expect(decideRenewal(renewal.get(id)!.input), `renewal of loan ${id}`).toEqual(decision);
      expect(mail.get(id), `reminder of loan ${id}`).toEqual(decision);
    }
    const guestLoan = [...page].find(([, l]) => l.title === 'Gastboek')![0];
    expect(renewal.get(guestLoan)!.governing?.effective).toMatchObject({ active: true, endOn: '2027-06-30' });
  });
});
