// The card scenario shared by the data-layer integration tests (lib/data/*.test.ts) and the
// Playwright specs (e2e/cards-*.spec.ts): a network@1 document, built with the importer, with
// - region ZO (3b, threshold € 5): Zottegem (branches 3550, 3551), Oosterzele (9860, 9861), Herzele (9550);
// - region LE (3a, threshold € 10): Deinze (9800, 9801), Nazareth (9810);
// - lone libraries Gent and an old library whose ISIL is not URL-safe (`XX-AB/C:1`);
// - account "family" linking An (5 memberships) and Lien (1, expired): 6 memberships on 4 cards;
// - account "solo" (1 membership), account "mallory" (the attacker: a ZO member of her own);
// - patron Zoë with no account, whose reservations compete with An's (RN2, queue positions).
// Dates are relative to `today`; codes, keys and barcodes carry `suffix`, so every e2e test can
// import its own copy into the shared e2e database. Pure data: importable from Node and vitest.
import { addDays } from '../../lib/domain/dates';

export const SCENARIO_PASSWORD = 'kaart-scenario-wachtwoord';

export interface CardScenario {
  document: { format: 'mijn-bibliotheek/network@1' } & Record<string, unknown>;
  /** Usernames of the accounts. */
  users: { family: string; solo: string; mallory: string };
  /** Card slugs (R2). */
  slugs: { zo: string; le: string; gent: string; odd: string };
  names: { zoRegion: string; leRegion: string; zottegem: string; oosterzele: string; herzele: string; deinze: string; nazareth: string; gent: string; odd: string };
  /** Title texts by key. */
  titles: Record<string, string>;
}

export function cardScenario(suffix: string, today: string): CardScenario {
  const s = suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 5);
  const low = s.toLowerCase();
  const d = (days: number) => addDays(today, days);
  const zo = `ZO${s}`;
  const le = `LE${s}`;
  const isil = {
    zot: `BE-ZOT${s}`,
    oos: `BE-OOS${s}`,
    her: `BE-HER${s}`,
    dei: `BE-DEI${s}`,
    naz: `BE-NAZ${s}`,
    gnt: `BE-GNT${s}`,
    odd: `XX-AB/C:${s}1`,
  };
  const names = {
    zoRegion: `Regio Zottegem-Oosterzele ${s}`.trim(),
    leRegion: `Regio Leiestreek ${s}`.trim(),
    zottegem: `Bibliotheek Zottegem ${s}`.trim(),
    oosterzele: `Bibliotheek Oosterzele ${s}`.trim(),
    herzele: `Bibliotheek Herzele ${s}`.trim(),
    deinze: `Bibliotheek Deinze ${s}`.trim(),
    nazareth: `Bibliotheek Nazareth ${s}`.trim(),
    gent: `Bibliotheek Gent ${s}`.trim(),
    odd: `Oude bibliotheek ${s}`.trim(),
  };
  const key = (k: string) => `${k}-${low}`;
  const titles: Record<string, string> = {
    havelaar: 'Max Havelaar',
    avonden: 'De avonden',
    tibet: 'Kuifje in Tibet',
    achterhuis: 'Het Achterhuis',
    aanslag: 'De aanslag',
    diner: 'Het diner',
    krook: 'Het leven is vurrukkulluk',
    oud: 'Oude kaart',
    ontdekking: 'De ontdekking van de hemel',
    eiland: 'Het gouden ei',
    welwillenden: 'De welwillenden',
    deinzeboek: 'Het verdriet van België',
    procent: 'Korting 50%_af',
    reeks: 'Leesreeks',
    mallory: 'Het boek van Mallory',
  };
  const authors: Record<string, string> = {
    havelaar: 'Multatuli',
    avonden: 'Gerard Reve',
    tibet: 'Hergé',
    achterhuis: 'Anne Frank',
    aanslag: 'Harry Mulisch',
    diner: 'Herman Koch',
    krook: 'Kamagurka',
    oud: 'Anoniem',
    ontdekking: 'Harry Mulisch',
    eiland: 'Tim Krabbé',
    welwillenden: 'Jonathan Littell',
    deinzeboek: 'Hugo Claus',
    procent: 'Zoë Zuinig',
    reeks: 'Lena Lezer',
    mallory: 'Mallory',
  };
  let barcodeSeq = 0;
  const items: { barcode: string; title: string; library: string; branch: string }[] = [];
  const item = (title: string, library: string, branch: string) => {
    barcodeSeq += 1;
    const barcode = `3000${s}${String(barcodeSeq).padStart(5, '0')}`;
    items.push({ barcode, title: key(title), library, branch });
    return barcode;
  };
  const loans: Record<string, unknown>[] = [];
  const loan = (
    title: string,
    patron: string,
    library: string,
    branch: string,
    lentOn: string,
    dueOn: string,
    extra: { renewals?: number; returnedOn?: string; barcode?: string } = {},
  ) => {
    const barcode = extra.barcode ?? item(title, library, branch);
    loans.push({ item: barcode, patron: key(patron), library, branch, lentOn, dueOn, renewals: extra.renewals ?? 0, returnedOn: extra.returnedOn ?? null });
    return barcode;
  };

  // Open loans of An in ZO: three libraries, four branches (R2 grouping).
  loan('havelaar', 'an', isil.zot, '3550', d(-19), d(9)); // renewable: today + 28
  loan('avonden', 'an', isil.zot, '3551', d(-31), d(-2), { renewals: 2 }); // overdue, RN3 max reached
  loan('tibet', 'an', isil.zot, '3550', d(-26), d(2)); // due soon; Zoë waits for it (RN2)
  loan('achterhuis', 'an', isil.oos, '9860', d(-13), d(15));
  loan('aanslag', 'an', isil.her, '9550', d(-20), d(11)); // RN6: capped by the Herzele membership's end
  // LE (3a): fees above the threshold (RN5).
  loan('diner', 'an', isil.dei, '9800', d(-16), d(5));
  // Lone library Gent.
  loan('krook', 'an', isil.gnt, '9000', d(-5), d(9));
  // Lien's loan at the old library, whose membership expired (RN4).
  loan('oud', 'lien', isil.odd, 'HQ', d(-40), d(-1));
  // Mallory's own loan in ZO.
  loan('mallory', 'mallory', isil.zot, '3550', d(-10), d(18));

  // History (H1): returned loans of An in ZO and LE; Lien has recording off.
  const reeks = item('reeks', isil.zot, '3550');
  for (let i = 0; i < 22; i += 1) {
    loan('reeks', 'an', isil.zot, '3550', d(-400 + i * 10), d(-400 + i * 10 + 7), { returnedOn: d(-400 + i * 10 + 5), barcode: reeks });
  }
  loan('procent', 'an', isil.oos, '9860', d(-60), d(-32), { returnedOn: d(-35) });
  loan('achterhuis', 'an', isil.her, '9550', d(-50), d(-22), { returnedOn: d(-30) });
  loan('deinzeboek', 'an', isil.dei, '9800', d(-45), d(-24), { returnedOn: d(-25) });
  loan('oud', 'lien', isil.odd, 'HQ', d(-90), d(-70), { returnedOn: d(-75) });
  loan('havelaar', 'mallory', isil.zot, '3551', d(-80), d(-52), { returnedOn: d(-60) });

  // Spare copies: Oosterzele holds a free copy of De ontdekking.
  item('ontdekking', isil.oos, '9861');

  const membership = (library: string, type: string, start: string, end: string) => ({ library, type, start, end, autoRenew: false });

  const document = {
    format: 'mijn-bibliotheek/network@1' as const,
    regions: [
      { code: zo, name: names.zoRegion, kind: '3b', feeBlockThresholdCents: 500 },
      { code: le, name: names.leRegion, kind: '3a', feeBlockThresholdCents: 1000 },
    ],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region: zo, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'VOLW', name: 'Volwassene', region: le, loanPeriodDays: 21, maxRenewals: 1, maxLoans: 30 },
      { code: 'STAD', name: 'Stadspas', library: isil.gnt, loanPeriodDays: 14, maxRenewals: 5, maxLoans: 10 },
      { code: 'OUD', name: 'Oud abonnement', library: isil.odd, loanPeriodDays: 21, maxRenewals: 1, maxLoans: 10 },
    ],
    libraries: [
      { isil: isil.zot, name: names.zottegem, country: 'BE', region: zo, branches: [{ code: '3550', name: 'Zottegem' }, { code: '3551', name: 'Strijpen' }] },
      { isil: isil.oos, name: names.oosterzele, country: 'BE', region: zo, branches: [{ code: '9860', name: 'Oosterzele' }, { code: '9861', name: 'Scheldewindeke' }] },
      { isil: isil.her, name: names.herzele, country: 'BE', region: zo, branches: [{ code: '9550', name: 'Herzele' }] },
      { isil: isil.dei, name: names.deinze, country: 'BE', region: le, branches: [{ code: '9800', name: 'Deinze' }, { code: '9801', name: 'Astene' }] },
      { isil: isil.naz, name: names.nazareth, country: 'BE', region: le, branches: [{ code: '9810', name: 'Nazareth' }] },
      { isil: isil.gnt, name: names.gent, country: 'BE', branches: [{ code: '9000', name: 'De Krook' }] },
      { isil: isil.odd, name: names.odd, country: 'BE', branches: [{ code: 'HQ', name: 'Hoofdgebouw' }] },
    ],
    patrons: [
      {
        key: key('an'), givenName: 'An', familyName: 'Peeters', historyEnabled: true,
        memberships: [
          membership(isil.zot, 'VOLW', d(-320), d(400)),
          membership(isil.oos, 'VOLW', d(-200), d(100)),
          membership(isil.her, 'VOLW', d(-300), d(20)), // R7 expiring: caps renewals (RN6)
          membership(isil.dei, 'VOLW', d(-300), d(200)),
          membership(isil.gnt, 'STAD', d(-100), d(265)),
        ],
      },
      { key: key('lien'), givenName: 'Lien', familyName: 'Peeters', historyEnabled: false, memberships: [membership(isil.odd, 'OUD', d(-800), d(-30))] },
      { key: key('solo'), givenName: 'Sam', familyName: 'Solo', memberships: [membership(isil.zot, 'VOLW', d(-100), d(300))] },
      { key: key('mallory'), givenName: 'Mallory', familyName: 'Mol', historyEnabled: true, memberships: [membership(isil.zot, 'VOLW', d(-100), d(300))] },
      { key: key('zoe'), givenName: 'Zoë', familyName: 'Zoeker', memberships: [membership(isil.oos, 'VOLW', d(-100), d(300))] },
    ],
    accounts: [
      { username: `family-${low}`, email: `family-${low}@example.be`, password: SCENARIO_PASSWORD, patrons: [key('an'), key('lien')] },
      { username: `solo-${low}`, email: `solo-${low}@example.be`, password: SCENARIO_PASSWORD, patrons: [key('solo')] },
      { username: `mallory-${low}`, email: `mallory-${low}@example.be`, password: SCENARIO_PASSWORD, patrons: [key('mallory')] },
    ],
    titles: Object.keys(titles).map((k) => ({ key: key(k), title: titles[k]!, author: authors[k]!, material: k === 'tibet' ? 'comic' : 'book' })),
    items,
    loans,
    reservations: [
      // RN2: Zoë waits for Kuifje, every copy is out.
      { title: key('tibet'), patron: key('zoe'), pickupLibrary: isil.zot, pickupBranch: '3550', placedOn: d(-6), status: 'waiting' },
      // Queue: Mallory placed first, An second.
      { title: key('ontdekking'), patron: key('mallory'), pickupLibrary: isil.zot, pickupBranch: '3550', placedOn: d(-12), status: 'waiting' },
      { title: key('ontdekking'), patron: key('an'), pickupLibrary: isil.zot, pickupBranch: '3551', placedOn: d(-10), status: 'waiting' },
      { title: key('eiland'), patron: key('an'), pickupLibrary: isil.oos, pickupBranch: '9860', placedOn: d(-9), status: 'ready', readyUntil: d(6) },
      { title: key('welwillenden'), patron: key('an'), pickupLibrary: isil.her, pickupBranch: '9550', placedOn: d(-8), status: 'in_transit' },
      // LE is 3a: pick-up stays within Deinze's branches.
      { title: key('deinzeboek'), patron: key('an'), pickupLibrary: isil.dei, pickupBranch: '9800', placedOn: d(-4), status: 'waiting' },
      { title: key('havelaar'), patron: key('an'), pickupLibrary: isil.zot, pickupBranch: '3550', placedOn: d(-100), status: 'cancelled' },
    ],
    fees: [
      { patron: key('an'), library: isil.zot, kind: 'late', amountCents: 150, description: 'Te laat: De avonden', createdOn: d(-1) },
      { patron: key('an'), library: isil.oos, kind: 'reservation', amountCents: 100, description: 'Reservatie: Het gouden ei', createdOn: d(-9) },
      { patron: key('an'), library: isil.oos, kind: 'contribution', amountCents: 1000, description: 'Lidgeld', createdOn: d(-200), paidOn: d(-200) },
      { patron: key('an'), library: isil.dei, kind: 'lost', amountCents: 1200, description: 'Verloren: Het diner (hoes)', createdOn: d(-3) },
      { patron: key('mallory'), library: isil.zot, kind: 'late', amountCents: 600, description: 'Te laat: Het boek van Mallory', createdOn: d(-2) },
    ],
  };
  const slug = (v: string) => v.toLowerCase().replace(/[^a-z0-9-]/g, '_');
  return {
    document,
    users: { family: `family-${low}`, solo: `solo-${low}`, mallory: `mallory-${low}` },
    slugs: { zo: slug(zo), le: slug(le), gent: slug(isil.gnt), odd: slug(isil.odd) },
    names,
    titles,
  };
}
