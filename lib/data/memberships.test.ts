// Info lidmaatschap against both databases: shape (R2, R7, R8, R9, R11, R13, R15), P3 scoping, and
// P4: one statement whatever the number of memberships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountOf, importIdentityScenario, TODAY } from '@/lib/actions/identity-test-setup';
import { drivers, freshDb, type TestDb } from '@/test/db';
import { getMembershipsView } from './memberships';

describe.each(drivers)('Info lidmaatschap view (%s)', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(driver);
    await importIdentityScenario(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('P4: one statement for 1 membership and for 6 memberships', async () => {
    const one = await accountOf(t.db, 'frans.one');
    const six = await accountOf(t.db, 'an.peeters');
    t.queries.length = 0;
    const small = await getMembershipsView(t.db, one, TODAY);
    const countOne = t.queries.length;
    t.queries.length = 0;
    const large = await getMembershipsView(t.db, six, TODAY);
    const countSix = t.queries.length;
    expect(small.cards.flatMap((c) => c.memberships)).toHaveLength(1);
    expect(large.cards.flatMap((c) => c.memberships)).toHaveLength(6);
    expect(countOne).toBe(1);
    expect(countSix).toBe(countOne);
  });

  it('P3: only the linked patrons of the account', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, 'frans.one'), TODAY);
    expect(view.patrons.map((p) => p.name)).toEqual(['Frans Pauwels']);
    expect(view.cards.map((c) => c.label)).toEqual(['Regio Leiestreek – Bibliotheek Deinze']);
    const nobody = await getMembershipsView(t.db, { accountId: 999_999, sessionVersion: 1 }, TODAY);
    expect(nobody).toEqual({ cards: [], patrons: [] });
  });

  it('R2 cards with region before library; R7 status; masked cards; R9 activity', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, 'an.peeters'), TODAY);
    expect(view.cards.map((c) => [c.label, c.active])).toEqual([
      ['Bibliotheek Gent', true],
      ['Bibliotheek Utrecht', true],
      ['Regio Zottegem-Oosterzele – Bibliotheek Zottegem', true],
      // R9: Bert's only Leiestreek membership was stopped: the region is inactive.
      ['Regio Leiestreek – Bibliotheek Deinze', false],
    ]);
    const zo = view.cards.find((c) => c.regionName === 'Regio Zottegem-Oosterzele')!;
    expect(zo.memberships.map((m) => [m.libraryName, m.status, m.endOn, m.autoRenew, m.cards])).toEqual([
      ['Bibliotheek Oosterzele', 'active', '2027-02-28', true, ['•••• 6789']],
      ['Bibliotheek Zottegem', 'active', '2026-12-31', false, ['•••• 6789']],
    ]);
    const le = view.cards.find((c) => c.regionName === 'Regio Leiestreek')!;
    expect(le.memberships[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-05-01', cards: ['•••• 3328'] });
    // No card number is ever whole in the view.
    expect(JSON.stringify(view)).not.toMatch(/2000123456789|85073003328/);
  });

  it('R8 digital collections of the region with access yes/no and where to join', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, 'an.peeters'), TODAY);
    const zo = view.cards.find((c) => c.regionName === 'Regio Zottegem-Oosterzele')!;
    expect(zo.digital).toEqual([
      { name: 'Digitale kranten', access: true, viaLibraries: ['Bibliotheek Oosterzele'], renewAt: [], joinAt: [] },
      { name: 'E-boeken', access: true, viaLibraries: ['Bibliotheek Oosterzele', 'Bibliotheek Zottegem'], renewAt: [], joinAt: [] },
    ]);
  });

  it('R11/R13/R15 guests: home library by system prefix, validity with its reason, loan strips', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, 'an.peeters'), TODAY);
    const utrecht = view.cards.find((c) => c.label === 'Bibliotheek Utrecht')!;
    const [an, bert] = [...utrecht.memberships].sort((a, b) => a.patronName.localeCompare(b.patronName));
    expect(an!.guest).toEqual({
      homeIsil: 'NL-0401230001',
      homeLibraryName: 'Bibliotheek Eemland', // R13: unknown branch → its system's known branch
      registeredOn: '2026-09-01',
      reason: 'follows_home',
      valid: true,
      validUntil: '2027-03-31',
      loanStrips: 120,
    });
    expect(bert!.guest).toMatchObject({ homeLibraryName: null, reason: 'home_unknown', valid: false, loanStrips: 125 });
    expect(bert!.status).toBe('expired');
  });
});
