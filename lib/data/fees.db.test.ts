import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { addDays } from '@/lib/domain/dates';
import { getFeesView } from './fees';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

const d = (days: number) => addDays(TODAY, days);

describeOnDatabases('getFeesView (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('F1 unpaid amounts per library of the region with kind, description and date; total per card', async () => {
    const view = (await getFeesView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(view.libraries.map((l) => [l.libraryName, l.totalCents, l.fees.map((f) => [f.kind, f.description, f.createdOn, f.amountCents])])).toEqual([
      [s.names.oosterzele, 100, [['reservation', 'Reservatie: Het gouden ei', d(-9), 100]]], // the paid contribution is not outstanding
      [s.names.zottegem, 150, [['late', 'Te laat: De avonden', d(-1), 150]]],
    ]);
    expect(view).toMatchObject({ totalCents: 250, thresholdCents: 500, blocksRenewal: false });
  });

  it('RN5 the total at the region threshold blocks renewals', async () => {
    expect(await getFeesView(t.db, s.family, s.slugs.le, TODAY)).toMatchObject({ totalCents: 1200, thresholdCents: 1000, blocksRenewal: true });
    expect(await getFeesView(t.db, s.mallory, s.slugs.zo, TODAY)).toMatchObject({ totalCents: 600, blocksRenewal: true });
    expect(await getFeesView(t.db, s.family, s.slugs.gent, TODAY)).toMatchObject({ libraries: [], totalCents: 0, thresholdCents: 0, blocksRenewal: false });
  });

  it('P3 no card of another account', async () => {
    expect(await getFeesView(t.db, s.mallory, s.slugs.le, TODAY)).toBeNull();
    expect(await getFeesView(t.db, s.solo, '', TODAY)).toBeNull();
  });

  it('P4 one statement, the same for 1 and 6 memberships', async () => {
    t.queries.reset();
    await getFeesView(t.db, s.solo, s.slugs.zo, TODAY);
    const one = t.queries.count;
    t.queries.reset();
    await getFeesView(t.db, s.family, s.slugs.zo, TODAY);
    expect(one).toBe(1);
    expect(t.queries.count).toBe(one);
  });
});
