// Info lidmaatschap against both databases: shape (R2, R7, R8, R9, R11, R13, R15), P3 scoping,
// P4: one statement whatever the number of memberships, and R6–R9 per patron record when one
// account links several people (a family).
import { beforeAll, expect, it } from 'vitest';
import { networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from '@/db/import/import-network';
import { accountOf, importIdentityScenario, PASSWORD, TODAY } from '@/test/scenarios/identity';
import { describeOnDatabases } from '@/test/db';
import { getMembershipsView } from './memberships';

describeOnDatabases('Info lidmaatschap view (%s)', { scenario: importIdentityScenario }, (t) => {
  it('P4: one statement for 1 membership and for 6 memberships', async () => {
    const one = await accountOf(t.db, 'frans.one');
    const six = await accountOf(t.db, 'an.peeters');
    t.queries.reset();
    const small = await getMembershipsView(t.db, one, TODAY);
    const countOne = t.queries.count;
    t.queries.reset();
    const large = await getMembershipsView(t.db, six, TODAY);
    const countSix = t.queries.count;
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
      ['Bibliotheek Oosterzele', 'active', '2027-02-28', true, [{ masked: '•••• 6789', kind: 'wise', needsReplacement: false }]],
      ['Bibliotheek Zottegem', 'active', '2026-12-31', false, [{ masked: '•••• 6789', kind: 'wise', needsReplacement: false }]],
    ]);
    const le = view.cards.find((c) => c.regionName === 'Regio Leiestreek')!;
    expect(le.memberships[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-05-01', cards: [{ masked: '•••• 3328', kind: 'eid', needsReplacement: false }] });
    // No card number is ever whole in the view.
    expect(JSON.stringify(view)).not.toMatch(/2000123456789|85073003328/);
  });

  it('R8 digital collections of the region with access yes/no and where to join', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, 'an.peeters'), TODAY);
    const zo = view.cards.find((c) => c.regionName === 'Regio Zottegem-Oosterzele')!;
    // Only An has memberships in this region: one person, so no per-person labels on the page.
    expect(zo.people.map((p) => p.patronName)).toEqual(['An Peeters']);
    expect(zo.people[0]!.digital).toEqual([
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
      loanStripsState: 'enough',
      homeInvalidAtRegistration: false, // R12: Eemland's membership was valid on 2026-09-01
    });
    expect(bert!.guest).toMatchObject({ homeLibraryName: null, reason: 'home_unknown', valid: false, loanStrips: 125 });
    expect(bert!.status).toBe('expired');
  });
});

// R6–R9 are rules about one patron. In region ZO (fixtures: Zottegem licenses E-boeken; Oosterzele
// E-boeken and Digitale kranten; types VOLW "Volwassene" and JEUGD "Jeugd") three accounts:
//  - fam.maes: Mia (VOLW Zottegem), her son Lars (JEUGD Oosterzele), Noor (expired at Zottegem);
//  - tom.twee: Tom alone, active VOLW at Zottegem AND JEUGD at Oosterzele;
//  - fam.vos: Els (VOLW Zottegem and Oosterzele, both expiring), Jan (JEUGD Oosterzele, running on),
//    Ruth (VOLW Zottegem, expiring).
function familyDocument() {
  const doc = networkFixture();
  const zot = 'BE-ZOT01';
  const oos = 'BE-OOS01';
  const patron = (key: string, givenName: string, familyName: string, memberships: { library: string; type: string; start: string; end: string }[]) => ({
    key, givenName, familyName, memberships, guestMemberships: [], cards: [],
  });
  doc.patrons.push(
    patron('fam-mia', 'Mia', 'Maes', [{ library: zot, type: 'VOLW', start: '2026-01-01', end: '2027-06-30' }]),
    patron('fam-lars', 'Lars', 'Maes', [{ library: oos, type: 'JEUGD', start: '2026-01-01', end: '2027-06-30' }]),
    patron('fam-noor', 'Noor', 'Maes', [{ library: zot, type: 'VOLW', start: '2025-01-01', end: '2025-12-31' }]),
    patron('tom', 'Tom', 'Twee', [
      { library: zot, type: 'VOLW', start: '2026-01-01', end: '2027-06-30' },
      { library: oos, type: 'JEUGD', start: '2026-01-01', end: '2027-06-30' },
    ]),
    patron('vos-els', 'Els', 'Vos', [
      { library: zot, type: 'VOLW', start: '2026-01-01', end: '2026-12-10' },
      { library: oos, type: 'VOLW', start: '2026-01-01', end: '2026-12-12' },
    ]),
    patron('vos-jan', 'Jan', 'Vos', [{ library: oos, type: 'JEUGD', start: '2026-01-01', end: '2027-06-30' }]),
    patron('vos-ruth', 'Ruth', 'Vos', [{ library: zot, type: 'VOLW', start: '2026-01-01', end: '2026-12-05' }]),
  );
  doc.accounts.push(
    { username: 'fam.maes', email: 'maes@example.be', password: PASSWORD, patrons: ['fam-mia', 'fam-lars', 'fam-noor'] },
    { username: 'tom.twee', email: 'tom@example.be', password: PASSWORD, patrons: ['tom'] },
    { username: 'fam.vos', email: 'vos@example.be', password: PASSWORD, patrons: ['vos-els', 'vos-jan', 'vos-ruth'] },
  );
  return doc;
}

describeOnDatabases('Info lidmaatschap per patron record (%s)', (t) => {
  beforeAll(async () => {
    const result = await importNetwork(t.db, familyDocument());
    if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result)}`);
  });

  const zoCard = async (username: string) => {
    const account = await accountOf(t.db, username);
    t.queries.reset();
    const view = await getMembershipsView(t.db, account, TODAY);
    expect(t.queries).toHaveLength(1); // P4 holds for several people too
    expect(view.cards).toHaveLength(1);
    return view.cards[0]!;
  };

  it('R6: two people of one account with different types in one region → no warning', async () => {
    const zo = await zoCard('fam.maes');
    expect(zo.label).toBe('Regio Zottegem-Oosterzele – Bibliotheek Zottegem');
    // One card for the region with every person's memberships …
    expect(zo.memberships.map((m) => [m.patronName, m.libraryName, m.subscriptionType])).toEqual([
      ['Lars Maes', 'Bibliotheek Oosterzele', 'Jeugd'],
      ['Noor Maes', 'Bibliotheek Zottegem', 'Volwassene'],
      ['Mia Maes', 'Bibliotheek Zottegem', 'Volwassene'],
    ]);
    // … but the rules per person: Jeugd (Lars) next to Volwassene (Mia) is no conflict.
    expect(zo.people.map((p) => [p.patronName, p.conflictingTypes])).toEqual([
      ['Lars Maes', null],
      ['Mia Maes', null],
      ['Noor Maes', null],
    ]);
  });

  it('R6: one person with active memberships of two types in one region → warning', async () => {
    const zo = await zoCard('tom.twee');
    expect(zo.people).toHaveLength(1);
    expect(zo.people[0]).toMatchObject({ patronName: 'Tom Twee', active: true, conflictingTypes: ['Jeugd', 'Volwassene'] });
  });

  it('R8: digital access per person, with the library to join or renew at', async () => {
    const zo = await zoCard('fam.maes');
    const digital = Object.fromEntries(zo.people.map((p) => [p.patronName, p.digital]));
    // Lars's membership at Oosterzele gives Lars — not Mia — the newspapers.
    expect(digital['Lars Maes']).toEqual([
      { name: 'Digitale kranten', access: true, viaLibraries: ['Bibliotheek Oosterzele'], renewAt: [], joinAt: [] },
      { name: 'E-boeken', access: true, viaLibraries: ['Bibliotheek Oosterzele'], renewAt: [], joinAt: [] },
    ]);
    expect(digital['Mia Maes']).toEqual([
      { name: 'Digitale kranten', access: false, viaLibraries: [], renewAt: [], joinAt: ['Bibliotheek Oosterzele'] },
      { name: 'E-boeken', access: true, viaLibraries: ['Bibliotheek Zottegem'], renewAt: [], joinAt: [] },
    ]);
    expect(digital['Noor Maes']).toEqual([
      { name: 'Digitale kranten', access: false, viaLibraries: [], renewAt: [], joinAt: ['Bibliotheek Oosterzele'] },
      { name: 'E-boeken', access: false, viaLibraries: [], renewAt: ['Bibliotheek Zottegem'], joinAt: ['Bibliotheek Oosterzele'] },
    ]);
  });

  it('R9: activity per person; the card is active while anyone on it is', async () => {
    const zo = await zoCard('fam.maes');
    expect(zo.active).toBe(true);
    expect(zo.people.map((p) => [p.patronName, p.active])).toEqual([
      ['Lars Maes', true],
      ['Mia Maes', true],
      ['Noor Maes', false],
    ]);
  });

  it("R7: renewal advice only within one person's memberships", async () => {
    const zo = await zoCard('fam.vos');
    const advice = Object.fromEntries(zo.people.map((p) => [p.patronName, p.renewalAdvice]));
    // Els: both her memberships expire; Jan's running membership does not keep HER borrowing, and
    // only her Oosterzele membership gives her the newspapers.
    expect(advice['Els Vos']).toEqual({
      expiring: [
        { library: 'Bibliotheek Zottegem', endOn: '2026-12-10', monthEnd: false },
        { library: 'Bibliotheek Oosterzele', endOn: '2026-12-12', monthEnd: false },
      ],
      continuingLibraries: [],
      neededForDigital: [{ library: 'Bibliotheek Oosterzele', collections: ['Digitale kranten'] }],
      duplicateAutoRenew: [],
    });
    // Ruth has one expiring membership and no other (not "one of three"); Jan has none expiring.
    expect(advice['Ruth Vos']).toBeNull();
    expect(advice['Jan Vos']).toBeNull();
    // Jeugd (Jan) next to Volwassene (Els, Ruth): still no R6 warning.
    expect(zo.people.every((p) => p.conflictingTypes === null)).toBe(true);
  });
});
