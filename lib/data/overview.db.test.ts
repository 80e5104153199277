import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { addDays } from '@/lib/domain/dates';
import { getOverview } from './overview';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

const d = (days: number) => addDays(TODAY, days);

describeOnDatabases('getOverview (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('what needs attention on every card: overdue, due within 3 days, ready, renewal blockers, outstanding', async () => {
    const view = await getOverview(t.db, s.family, TODAY);
    const bySlug = Object.fromEntries(view.cards.map((c) => [c.slug, c]));
    expect(view.cards.map((c) => c.slug)).toEqual([s.slugs.gent, s.slugs.le, s.slugs.zo, s.slugs.odd]);
    const zo = bySlug[s.slugs.zo]!;
    expect(zo.overdue.map((l) => [l.title, l.due.daysOverdue])).toEqual([['De avonden', 2]]);
    expect(zo.dueSoon.map((l) => [l.title, l.due.daysUntilDue])).toEqual([['Kuifje in Tibet', 2]]);
    expect(zo.ready).toEqual([{ id: expect.any(Number), title: 'Het gouden ei', branchCode: '9860', branchName: 'Oosterzele', libraryName: s.names.oosterzele, readyUntil: d(6) }]);
    // R7: the Herzele membership expires in 20 days.
    expect(zo.blockers).toEqual([{ kind: 'membership_expiring', libraryName: s.names.herzele, endOn: d(20) }]);
    expect(zo.outstandingCents).toBe(250);
    // RN5 in LE, RN4 on the old library's card.
    expect(bySlug[s.slugs.le]!.blockers).toEqual([{ kind: 'fees', outstandingCents: 1200, thresholdCents: 1000 }]);
    expect(bySlug[s.slugs.odd]!.blockers).toEqual([{ kind: 'no_active_membership' }]);
    expect(bySlug[s.slugs.odd]!.overdue.map((l) => l.title)).toEqual(['Oude kaart']);
    expect(view.totalOutstandingCents).toBe(1450);
  });

  it('P3 another account sees only its own', async () => {
    const view = await getOverview(t.db, s.mallory, TODAY);
    expect(view.cards.map((c) => [c.slug, c.overdue.length, c.dueSoon.length, c.ready.length, c.outstandingCents])).toEqual([[s.slugs.zo, 0, 0, 0, 600]]);
    expect(view.cards[0]!.blockers).toEqual([{ kind: 'fees', outstandingCents: 600, thresholdCents: 500 }]);
  });

  it('P4 one statement, the same for 1 and 6 memberships', async () => {
    t.queries.reset();
    await getOverview(t.db, s.solo, TODAY);
    const one = t.queries.count;
    t.queries.reset();
    await getOverview(t.db, s.family, TODAY);
    expect(one).toBe(1);
    expect(t.queries.count).toBe(one);
  });
});
