// The loans view's R3 return places and R15 loan strips, and Info lidmaatschap's card kinds (the
// old card's hint), on the shared loan-places scenario — still one statement per view (P4).
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import type { SignedInAccount } from '@/lib/auth/session';
import { maskCardNumber } from '@/lib/domain/card-number';
import { describeOnDatabases } from '@/test/db';
import { accountOf } from '@/test/scenarios/identity';
import {
  PLACES_OLD_CARD,
  PLACES_STRIPS_LEFT,
  PLACES_TITLES,
  PLACES_TODAY,
  PLACES_WISE_CARD,
  placesScenario,
  placesScenarioNames,
} from '@/test/scenarios/loan-places';
import { getLoansView } from './loans';
import { getMembershipsView } from './memberships';

const names = placesScenarioNames();

describeOnDatabases('loan places, strips and card kinds (%s)', (t) => {
  let ria: SignedInAccount;
  beforeAll(async () => {
    const result = await importNetwork(t.db, placesScenario());
    if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result)}`);
    ria = await accountOf(t.db, names.username);
  });

  const loansOf = async (slug: string) => {
    t.queries.reset();
    const view = (await getLoansView(t.db, ria, slug, PLACES_TODAY))!;
    expect(t.queries.count).toBe(1); // P4: the return places and strips come with the loans
    return view;
  };

  it('R3 return places in words: the whole 3b region, only the lending library in 3a, a disclosure for many', async () => {
    const cases = [
      [names.slugs.transport, PLACES_TITLES.transport,
        { scope: 'region', regionName: names.regions.transport, libraryName: names.libraries.t2, branches: ['Marktplein', 'Stadhuis', 'Station'], listed: true }],
      [names.slugs.own, PLACES_TITLES.own,
        { scope: 'library', regionName: names.regions.own, libraryName: names.libraries.e1, branches: ['Noordkaai', 'Noordveld'], listed: true }],
      [names.slugs.large, PLACES_TITLES.large,
        { scope: 'region', regionName: names.regions.large, libraryName: names.libraries.g, branches: ['Akker', 'Beek', 'Dries', 'Heide', 'Kouter', 'Meers'], listed: false }],
      [names.slugs.guest, PLACES_TITLES.guest,
        { scope: 'library', regionName: null, libraryName: names.libraries.nl, branches: ['Centrum'], listed: true }],
    ] as const;
    for (const [slug, title, place] of cases) {
      const view = await loansOf(slug);
      expect(view.byDueDate.map((l) => [l.title, l.returnPlace])).toEqual([[title, place]]);
    }
  });

  it('R15 strips left on the active Dutch guest membership, with the warning state; none on Belgian cards', async () => {
    expect((await loansOf(names.slugs.guest)).loanStrips).toEqual([
      expect.objectContaining({ libraryName: names.libraries.nl, patronName: null, left: PLACES_STRIPS_LEFT, state: 'few' }),
    ]);
    expect((await loansOf(names.slugs.transport)).loanStrips).toEqual([]);
  });

  it('R15 and card kinds on Info lidmaatschap: strips with their state, each card with its kind, the old card flagged', async () => {
    t.queries.reset();
    const view = await getMembershipsView(t.db, ria, PLACES_TODAY);
    expect(t.queries.count).toBe(1);
    const memberships = view.cards.flatMap((c) => c.memberships);
    const byLibrary = Object.fromEntries(memberships.map((m) => [m.libraryName, m]));
    expect(byLibrary[names.libraries.nl]!.guest).toMatchObject({ loanStrips: PLACES_STRIPS_LEFT, loanStripsState: 'few' });
    expect(byLibrary[names.libraries.t1]!.cards).toEqual([{ masked: maskCardNumber(PLACES_WISE_CARD), kind: 'wise', needsReplacement: false }]);
    expect(byLibrary[names.libraries.e1]!.cards).toEqual([{ masked: maskCardNumber(PLACES_OLD_CARD), kind: 'other', needsReplacement: true }]);
    expect(byLibrary[names.libraries.g]!.cards).toEqual([]);
  });
});
