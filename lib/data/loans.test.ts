import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDb, type TestDb } from '@/test/db';
import { addDays } from '@/lib/domain/dates';
import { decideRenewal } from '@/lib/domain/renewal';
import { getLoansView } from './loans';
import { listRenewalCandidates } from './renewal-inputs';
import { importCardScenario, TODAY, type ImportedCardScenario } from './card-test-setup';

const d = (days: number) => addDays(TODAY, days);

describe.each(drivers)('getLoansView (%s)', (driver) => {
  let t: TestDb;
  let s: ImportedCardScenario;
  beforeAll(async () => {
    t = await freshDb(driver);
    s = await importCardScenario(t.db);
  });
  afterAll(async () => {
    await t.close();
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
    t.queries.length = 0;
    const solo = await getLoansView(t.db, s.solo, s.slugs.zo, TODAY);
    const one = t.queries.length;
    t.queries.length = 0;
    await getLoansView(t.db, s.family, s.slugs.zo, TODAY);
    expect(solo?.byDueDate).toEqual([]);
    expect(one).toBe(1);
    expect(t.queries.length).toBe(one);
  });
});
