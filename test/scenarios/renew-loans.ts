// The renewal scenario, as a network@1 document built for the importer: one loan of
// each kind on the card "zo" of account `renew.an`, a Dutch guest's loan on a lone-library card,
// and a loan of another account. "Today" is RENEW_TODAY. Shared by the integration tests
// (lib/actions/renew-loans.db.test.ts, lib/data/renewal-inputs.db.test.ts) and the e2e spec
// (e2e/renew-loans.spec.ts), which imports a copy of its own — dates moved to the real today,
// codes and keys carrying a suffix, only the kinds it shows — into the shared e2e database.
import type { NetworkDocument } from '../../db/import/schema';
import { addDays, daysBetween } from '../../lib/domain/dates';

export const RENEW_TODAY = '2026-11-20';
export const RENEW_PASSWORD = 'renew-scenario-password';

/** Item barcodes of the scenario's loans, by kind; a loan is found by its item. */
export const RENEW_ITEMS = {
  renewable: '3100000000001',
  reserved: '3100000000002',
  reservedButFreeCopy: '3100000000003',
  readySetAside: '3100000000005',
  maxRenewals: '3100000000007',
  overdue: '3100000000008',
  cappedRenewed: '3100000000009',
  membershipEnds: '3100000000010',
  feeBlock: '3100000000011',
  guestHomeEnded: '3100000000012',
  otherAccount: '3100000000013',
} as const;

export type RenewLoanKind = keyof typeof RENEW_ITEMS;

/** The title of each kind's item, as the loans page shows it. */
export const RENEW_TITLES: Record<RenewLoanKind, string> = {
  renewable: 'Het vrije boek',
  reserved: 'Het gereserveerde boek',
  reservedButFreeCopy: 'Twee exemplaren',
  readySetAside: 'Klaar voor afhaling',
  maxRenewals: 'Maximaal verlengd',
  overdue: 'Te laat',
  cappedRenewed: 'Tot het einde',
  membershipEnds: 'Lidmaatschap loopt af',
  feeBlock: 'Openstaande schuld',
  guestHomeEnded: 'Gastboek',
  otherAccount: 'Andermans boek',
};

/** The expected outcome of renewing each kind on RENEW_TODAY (VOLW: 28 days, 2 renewals). */
export const RENEW_EXPECTED: Record<RenewLoanKind, { outcome: 'renewed'; newDueOn: string } | { outcome: 'refused'; reason: string }> = {
  renewable: { outcome: 'renewed', newDueOn: '2026-12-18' },
  reserved: { outcome: 'refused', reason: 'reserved' },
  reservedButFreeCopy: { outcome: 'renewed', newDueOn: '2026-12-18' },
  readySetAside: { outcome: 'refused', reason: 'reserved' },
  maxRenewals: { outcome: 'refused', reason: 'max_renewals' },
  overdue: { outcome: 'renewed', newDueOn: '2026-12-18' },
  cappedRenewed: { outcome: 'renewed', newDueOn: '2026-12-05' },
  membershipEnds: { outcome: 'refused', reason: 'membership_ends' },
  feeBlock: { outcome: 'refused', reason: 'fee_block' },
  guestHomeEnded: { outcome: 'refused', reason: 'no_active_membership' },
  otherAccount: { outcome: 'refused', reason: 'not_linked' },
};

/** The kinds on card "zo" of account renew.an (everything but the guest's and the other account's). */
export const ZO_KINDS: RenewLoanKind[] = [
  'renewable', 'reserved', 'reservedButFreeCopy', 'readySetAside', 'maxRenewals', 'overdue',
  'cappedRenewed', 'membershipEnds', 'feeBlock',
];

export interface RenewScenarioOptions {
  /** "Today" of the document: every date moves with it (default RENEW_TODAY). */
  today?: string;
  /**
   * Makes codes, ISILs, keys, barcodes, usernames and addresses unique (up to 5 letters or digits),
   * so that a copy can be imported next to others (the e2e database); default none.
   */
  suffix?: string;
  /** Only these kinds' loans, with the patrons, items, reservations and fees they need; default all. */
  kinds?: readonly RenewLoanKind[];
}

/** The card slugs of a document made with these options (region card, the Dutch guest's card). */
export function renewScenarioSlugs(options: Pick<RenewScenarioOptions, 'suffix'> = {}): { region: string; guest: string } {
  const c = codes(options.suffix);
  const slug = (v: string) => v.toLowerCase().replace(/[^a-z0-9-]/g, '_');
  return { region: slug(c.region), guest: slug(c.nl) };
}

/** The usernames of a document made with these options. */
export function renewScenarioUsers(options: Pick<RenewScenarioOptions, 'suffix'> = {}): { an: string; zoe: string } {
  const low = codes(options.suffix).s.toLowerCase();
  return low ? { an: `renew.an-${low}`, zoe: `renew.zoe-${low}` } : { an: 'renew.an', zoe: 'renew.zoe' };
}

function codes(suffix = '') {
  const s = suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 5);
  return s
    ? { s, region: `RV${s}`, zot: `BE-RVZ${s}`, oos: `BE-RVO${s}`, nl: `NL-RVG${s}` }
    : { s, region: 'ZO', zot: 'BE-ZOT01', oos: 'BE-OOS01', nl: 'NL-0702881037' };
}

export function renewScenario(options: RenewScenarioOptions = {}): NetworkDocument {
  const shift = daysBetween(RENEW_TODAY, options.today ?? RENEW_TODAY);
  /** A date of the story told on RENEW_TODAY, moved to `today`. */
  const d = (date: string) => (shift === 0 ? date : addDays(date, shift));
  const { s, region, zot, oos, nl } = codes(options.suffix);
  const low = s.toLowerCase();
  const key = (k: string) => (s ? `${k}-${low}` : k);
  const named = (name: string) => (s ? `${name} ${s}` : name);
  const users = renewScenarioUsers(options);
  const email = (user: string) => `${user}@example.be`;
  const barcode = (code: string) => (s ? `${code}${s}` : code);
  // The home card of the Dutch guest (outside the network): digits only.
  const homeCard = s ? `2000${[...s].map((c) => c.charCodeAt(0) % 10).join('').padEnd(9, '7')}` : '2000111122223';
  const kinds = new Set<RenewLoanKind>(options.kinds ?? (Object.keys(RENEW_ITEMS) as RenewLoanKind[]));
  /** Rows that belong to a kind appear only with it. */
  const of = <T>(kind: RenewLoanKind, ...rows: T[]): T[] => (kinds.has(kind) ? rows : []);

  const volw = (library: string, end: string) => ({ library, type: 'VOLW', start: d('2026-01-01'), end: d(end) });
  const loan = (item: string, patron: string, extra: { lentOn?: string; dueOn?: string; renewals?: number; library?: string; branch?: string } = {}) => ({
    item: barcode(item),
    patron: key(patron),
    library: extra.library ?? zot,
    branch: extra.branch ?? '3550',
    lentOn: d(extra.lentOn ?? '2026-11-01'),
    dueOn: d(extra.dueOn ?? '2026-11-29'),
    renewals: extra.renewals ?? 0,
    returnedOn: null,
  });
  const item = (code: string, title: string, library = zot, branch = '3550') => ({ barcode: barcode(code), title: key(title), library, branch });
  const title = (k: string, kind: RenewLoanKind) => ({ key: key(k), title: RENEW_TITLES[kind], material: 'book' as const });
  const I = RENEW_ITEMS;
  const patrons = [
    { key: key('an'), givenName: 'An', familyName: 'Peeters', memberships: [volw(zot, '2027-12-31')] },
    // RN6: membership ends 2026-12-05, after the current due date: renewed, capped at the end.
    ...of('cappedRenewed', { key: key('cas'), givenName: 'Cas', familyName: 'Cap', memberships: [volw(zot, '2026-12-05')] }),
    // RN6: membership ends 2026-11-25, before the current due date: no extension possible.
    ...of('membershipEnds', { key: key('mia'), givenName: 'Mia', familyName: 'Einde', memberships: [volw(oos, '2026-11-25')] }),
    // RN5: 300 + 250 unpaid in the region reach the threshold of 500 (paid and elsewhere do not count).
    ...of('feeBlock', { key: key('fien'), givenName: 'Fien', familyName: 'Schuld', memberships: [volw(zot, '2027-12-31')] }),
    // R11/RN4: a Dutch guest whose home membership (outside the network) ended on 2026-11-10.
    ...of('guestHomeEnded', {
      key: key('guus'), givenName: 'Guus', familyName: 'Gast',
      guestMemberships: [{
        library: nl, type: 'GAST', registeredOn: d('2026-06-01'), homeIsil: 'NL-0401230001',
        homeCardNumber: homeCard, homeValidUntil: d('2026-11-10'), homeCheckedOn: d('2026-11-19'), loanStrips: 100,
      }],
    }),
    // Another account's patron: reserves titles (RN2) and holds a loan of its own (P3).
    { key: key('zoe'), givenName: 'Zoë', familyName: 'Ander', memberships: [volw(oos, '2027-12-31')] },
  ];
  const hasPatron = (k: string) => patrons.some((p) => p.key === key(k));
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: region, name: named('Regio Zottegem-Oosterzele'), kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'GAST', name: 'Gast', library: nl, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      { isil: zot, name: named('Bibliotheek Zottegem'), country: 'BE', region, branches: [{ code: '3550', name: 'Zottegem' }] },
      { isil: oos, name: named('Bibliotheek Oosterzele'), country: 'BE', region, branches: [{ code: '9860', name: 'Oosterzele' }] },
      { isil: nl, name: named('Bibliotheek Utrecht'), country: 'NL', branches: [{ code: 'NEUDE', name: 'Neude' }] },
    ],
    patrons,
    accounts: [
      { username: users.an, email: email(users.an), password: RENEW_PASSWORD, patrons: ['an', 'cas', 'mia', 'fien', 'guus'].filter(hasPatron).map(key) },
      { username: users.zoe, email: email(users.zoe), password: RENEW_PASSWORD, patrons: [key('zoe')] },
    ],
    titles: [
      ...of('renewable', title('vrij', 'renewable')),
      ...of('reserved', title('gereserveerd', 'reserved')),
      ...of('reservedButFreeCopy', title('twee', 'reservedButFreeCopy')),
      ...of('readySetAside', title('klaar', 'readySetAside')),
      ...of('maxRenewals', title('max', 'maxRenewals')),
      ...of('overdue', title('laat', 'overdue')),
      ...of('cappedRenewed', title('cap', 'cappedRenewed')),
      ...of('membershipEnds', title('einde', 'membershipEnds')),
      ...of('feeBlock', title('schuld', 'feeBlock')),
      ...of('guestHomeEnded', title('gast', 'guestHomeEnded')),
      ...of('otherAccount', title('ander', 'otherAccount')),
    ],
    items: [
      ...of('renewable', item(I.renewable, 'vrij')),
      ...of('reserved', item(I.reserved, 'gereserveerd')),
      ...of('reservedButFreeCopy',
        item(I.reservedButFreeCopy, 'twee'),
        // The free second copy of "twee", in the other library of the transport region (R3).
        item('3100000000004', 'twee', oos, '9860')),
      ...of('readySetAside',
        item(I.readySetAside, 'klaar'),
        // "klaar"'s second copy is free but set aside for zoe's ready reservation.
        item('3100000000006', 'klaar')),
      ...of('maxRenewals', item(I.maxRenewals, 'max')),
      ...of('overdue', item(I.overdue, 'laat')),
      ...of('cappedRenewed', item(I.cappedRenewed, 'cap')),
      ...of('membershipEnds', item(I.membershipEnds, 'einde', oos, '9860')),
      ...of('feeBlock', item(I.feeBlock, 'schuld')),
      ...of('guestHomeEnded', item(I.guestHomeEnded, 'gast', nl, 'NEUDE')),
      ...of('otherAccount', item(I.otherAccount, 'ander', oos, '9860')),
    ],
    loans: [
      ...of('renewable', loan(I.renewable, 'an')),
      ...of('reserved', loan(I.reserved, 'an')),
      ...of('reservedButFreeCopy', loan(I.reservedButFreeCopy, 'an')),
      ...of('readySetAside', loan(I.readySetAside, 'an')),
      ...of('maxRenewals', loan(I.maxRenewals, 'an', { lentOn: '2026-09-01', renewals: 2 })),
      // RN8: a week overdue, with a late fee that stays (below the threshold).
      ...of('overdue', loan(I.overdue, 'an', { lentOn: '2026-10-16', dueOn: '2026-11-13' })),
      ...of('cappedRenewed', loan(I.cappedRenewed, 'cas')),
      ...of('membershipEnds', loan(I.membershipEnds, 'mia', { lentOn: '2026-10-31', dueOn: '2026-11-28', library: oos, branch: '9860' })),
      ...of('feeBlock', loan(I.feeBlock, 'fien')),
      ...of('guestHomeEnded', loan(I.guestHomeEnded, 'guus', { library: nl, branch: 'NEUDE', dueOn: '2026-11-22' })),
      ...of('otherAccount', loan(I.otherAccount, 'zoe', { library: oos, branch: '9860' })),
    ],
    reservations: [
      ...of('reserved', { title: key('gereserveerd'), patron: key('zoe'), pickupLibrary: oos, pickupBranch: '9860', placedOn: d('2026-11-10'), status: 'waiting' as const }),
      ...of('reservedButFreeCopy', { title: key('twee'), patron: key('zoe'), pickupLibrary: oos, pickupBranch: '9860', placedOn: d('2026-11-10'), status: 'waiting' as const }),
      ...of('readySetAside',
        { title: key('klaar'), patron: key('zoe'), pickupLibrary: zot, pickupBranch: '3550', placedOn: d('2026-11-08'), status: 'ready' as const, readyUntil: d('2026-11-27') },
        { title: key('klaar'), patron: key('zoe'), pickupLibrary: oos, pickupBranch: '9860', placedOn: d('2026-11-09'), status: 'waiting' as const }),
      // An's own reservation never blocks an's own renewal (RN2: "another patron").
      ...of('renewable', { title: key('vrij'), patron: key('an'), pickupLibrary: zot, pickupBranch: '3550', placedOn: d('2026-11-12'), status: 'waiting' as const }),
    ],
    fees: [
      ...of('overdue', { patron: key('an'), library: zot, kind: 'late' as const, amountCents: 150, description: 'Te laat: Te laat', createdOn: d('2026-11-18') }),
      ...of('feeBlock',
        { patron: key('fien'), library: zot, kind: 'late' as const, amountCents: 300, description: 'Te laat', createdOn: d('2026-10-01') },
        { patron: key('fien'), library: oos, kind: 'damaged' as const, amountCents: 250, description: 'Beschadigd', createdOn: d('2026-10-02') },
        { patron: key('fien'), library: zot, kind: 'lost' as const, amountCents: 5000, description: 'Verloren (betaald)', createdOn: d('2026-09-01'), paidOn: d('2026-09-02') }),
    ],
  };
}

/**
 * A card "b<n>" in a region of its own with `n` renewable loans for account `bulk<n>` — for the
 * round-trip bound (P4): renewing 20 or 200 loans sends the same number of statements.
 */
export function bulkScenario(n: number): NetworkDocument {
  const region = `B${n}`;
  const isil = `BE-B${n}`;
  const patron = `bulk-${n}`;
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: region, name: `Regio ${n}`, kind: '3c', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [{ code: 'VOLW', name: 'Volwassene', region, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 1000 }],
    libraries: [{ isil, name: `Bibliotheek ${n}`, country: 'BE', region, branches: [{ code: '1', name: 'Hoofd' }] }],
    patrons: [{ key: patron, givenName: 'Bulk', familyName: String(n), memberships: [{ library: isil, type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }] }],
    accounts: [{ username: `bulk${n}`, email: `bulk${n}@example.be`, password: RENEW_PASSWORD, patrons: [patron] }],
    titles: Array.from({ length: n }, (_, i) => ({ key: `b${n}-t${i}`, title: `Titel ${i}`, material: 'book' as const })),
    items: Array.from({ length: n }, (_, i) => ({ barcode: `B${n}-${i}`, title: `b${n}-t${i}`, library: isil, branch: '1' })),
    loans: Array.from({ length: n }, (_, i) => ({
      item: `B${n}-${i}`, patron, library: isil, branch: '1', lentOn: '2026-11-01', dueOn: '2026-11-29', renewals: i % 2,
    })),
  };
}
