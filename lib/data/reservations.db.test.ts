import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { addDays } from '@/lib/domain/dates';
import { allowedPickupBranches } from '@/lib/domain/pickup-branches';
import { getReservationsView } from './reservations';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

const d = (days: number) => addDays(TODAY, days);

describe('R3 allowedPickupBranches', () => {
  const branches = [
    { id: 1, code: '3550', name: 'Zottegem', libraryId: 10, libraryName: 'Zottegem' },
    { id: 2, code: '9860', name: 'Oosterzele', libraryId: 11, libraryName: 'Oosterzele' },
  ];
  it.each([
    ['3b: any branch of the region', { kind: '3b' as const }, [1, 2]],
    ['3c: any branch of the region', { kind: '3c' as const }, [1, 2]],
    ['3a: the pick-up library only', { kind: '3a' as const }, [1]],
    ['lone library: its own branches', null, [1]],
  ])('%s', (_name, region, expected) => {
    expect(allowedPickupBranches(region, { libraryId: 10 }, branches).map((b) => b.id)).toEqual(expected);
  });
});

describeOnDatabases('getReservationsView (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('R2 active reservations of every library of the region: ready first, with queue position and pick-up', async () => {
    const view = (await getReservationsView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(view.reservations.map((r) => [r.title, r.status, r.readyUntil, r.queuePosition, r.pickup.code])).toEqual([
      ['Het gouden ei', 'ready', d(6), 1, '9860'],
      ['De welwillenden', 'in_transit', null, 1, '9550'],
      ['De ontdekking van de hemel', 'waiting', null, 2, '3551'], // Mallory placed hers first
    ]);
  });

  it('R3 a waiting reservation may move to any branch of a 3b region; in transit or ready may not', async () => {
    const view = (await getReservationsView(t.db, s.family, s.slugs.zo, TODAY))!;
    const waiting = view.reservations.find((r) => r.status === 'waiting')!;
    expect(waiting.pickupOptions.map((b) => b.code)).toEqual(['9550', '9860', '9861', '3550', '3551']);
    expect(view.reservations.filter((r) => r.status !== 'waiting').every((r) => r.pickupOptions.length === 0)).toBe(true);
  });

  it('R3 in a 3a region pick-up stays within the pick-up library', async () => {
    const view = (await getReservationsView(t.db, s.family, s.slugs.le, TODAY))!;
    expect(view.reservations.map((r) => [r.title, r.pickupOptions.map((b) => b.code)])).toEqual([['Het verdriet van België', ['9800', '9801']]]);
  });

  it('P3 another account sees its own reservations only, and no card it lacks', async () => {
    const mallory = (await getReservationsView(t.db, s.mallory, s.slugs.zo, TODAY))!;
    expect(mallory.reservations.map((r) => [r.title, r.queuePosition])).toEqual([['De ontdekking van de hemel', 1]]);
    expect(await getReservationsView(t.db, s.mallory, s.slugs.le, TODAY)).toBeNull();
  });

  it('P4 one statement, the same for 1 and 6 memberships', async () => {
    t.queries.reset();
    await getReservationsView(t.db, s.solo, s.slugs.zo, TODAY);
    const one = t.queries.count;
    t.queries.reset();
    await getReservationsView(t.db, s.family, s.slugs.zo, TODAY);
    expect(one).toBe(1);
    expect(t.queries.count).toBe(one);
  });
});
