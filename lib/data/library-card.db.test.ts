// The digital library card's view against both databases: every card of the account's linked
// patrons and nobody else's (P3), in one statement whatever their number (P4).
import { expect, it } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { accountOf, CARDS, importIdentityScenario } from '@/test/scenarios/identity';
import { getLibraryCardView } from './library-card';

describeOnDatabases('digital library card view (%s)', { scenario: importIdentityScenario }, (t) => {
  it('P3: the cards of the linked patrons only, whole, with library and kind', async () => {
    const view = await getLibraryCardView(t.db, await accountOf(t.db, 'an.peeters'));
    expect(view.severalPatrons).toBe(true);
    expect(view.cards.map((c) => [c.patronName, c.libraryName, c.kind, c.value])).toEqual([
      ['An Peeters', 'Bibliotheek Oosterzele', 'wise', '2000223456789'],
      ['An Peeters', 'Bibliotheek Zottegem', 'wise', CARDS.an.cardNumber],
      // The library's spelling `85.07.30-033.28` without the printed separators.
      ['Bert Claes', 'Bibliotheek Deinze', 'eid', '85073003328'],
      ['Carla De Smet', 'Bibliotheek Gent', 'other', 'OUD0042'],
    ]);
    const other = await getLibraryCardView(t.db, await accountOf(t.db, 'eva.other'));
    expect(other).toEqual({
      severalPatrons: false,
      cards: [expect.objectContaining({ patronName: 'Eva Jacobs', libraryName: 'Bibliotheek Oosterzele', value: CARDS.eva.cardNumber })],
    });
    expect(JSON.stringify(other)).not.toMatch(/2000123456789|2000223456789|85073003328|OUD0042/);
    expect(await getLibraryCardView(t.db, { accountId: 999_999, sessionVersion: 1 })).toEqual({ cards: [], severalPatrons: false });
  });

  it('P4: one statement for one card and for four', async () => {
    const one = await accountOf(t.db, 'frans.one');
    const four = await accountOf(t.db, 'an.peeters');
    t.queries.reset();
    expect((await getLibraryCardView(t.db, one)).cards).toHaveLength(1);
    expect(t.queries.count).toBe(1);
    t.queries.reset();
    expect((await getLibraryCardView(t.db, four)).cards).toHaveLength(4);
    expect(t.queries.count).toBe(1);
  });
});
