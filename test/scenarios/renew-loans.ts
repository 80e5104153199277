// The renewal scenario of issue 5, as a network@1 document built for the importer: one loan of
// each kind on the card "zo" of account `renew.an`, a Dutch guest's loan on a lone-library card,
// and a loan of another account. "Today" is RENEW_TODAY. Used by the integration tests and, later,
// by the e2e scenario.
import type { NetworkDocument } from '@/db/import/schema';

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

const volw = (library: string, end: string) => ({ library, type: 'VOLW', start: '2026-01-01', end });

export function renewScenario(): NetworkDocument {
  const loan = (item: string, patron: string, extra: { lentOn?: string; dueOn?: string; renewals?: number; library?: string; branch?: string } = {}) => ({
    item,
    patron,
    library: extra.library ?? 'BE-ZOT01',
    branch: extra.branch ?? '3550',
    lentOn: extra.lentOn ?? '2026-11-01',
    dueOn: extra.dueOn ?? '2026-11-29',
    renewals: extra.renewals ?? 0,
    returnedOn: null,
  });
  const item = (barcode: string, title: string, library = 'BE-ZOT01', branch = '3550') => ({ barcode, title, library, branch });
  const I = RENEW_ITEMS;
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: 'ZO', name: 'Regio Zottegem-Oosterzele', kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region: 'ZO', loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'GAST', name: 'Gast', library: 'NL-0702881037', loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      { isil: 'BE-ZOT01', name: 'Bibliotheek Zottegem', country: 'BE', region: 'ZO', branches: [{ code: '3550', name: 'Zottegem' }] },
      { isil: 'BE-OOS01', name: 'Bibliotheek Oosterzele', country: 'BE', region: 'ZO', branches: [{ code: '9860', name: 'Oosterzele' }] },
      { isil: 'NL-0702881037', name: 'Bibliotheek Utrecht', country: 'NL', branches: [{ code: 'NEUDE', name: 'Neude' }] },
    ],
    patrons: [
      { key: 'an', givenName: 'An', familyName: 'Peeters', memberships: [volw('BE-ZOT01', '2027-12-31')] },
      // RN6: membership ends 2026-12-05, after the current due date: renewed, capped at the end.
      { key: 'cas', givenName: 'Cas', familyName: 'Cap', memberships: [volw('BE-ZOT01', '2026-12-05')] },
      // RN6: membership ends 2026-11-25, before the current due date: no extension possible.
      { key: 'mia', givenName: 'Mia', familyName: 'Einde', memberships: [volw('BE-OOS01', '2026-11-25')] },
      // RN5: 300 + 250 unpaid in the region reach the threshold of 500 (paid and elsewhere do not count).
      { key: 'fien', givenName: 'Fien', familyName: 'Schuld', memberships: [volw('BE-ZOT01', '2027-12-31')] },
      // R11/RN4: a Dutch guest whose home membership (outside the network) ended on 2026-11-10.
      {
        key: 'guus', givenName: 'Guus', familyName: 'Gast',
        guestMemberships: [{
          library: 'NL-0702881037', type: 'GAST', registeredOn: '2026-06-01', homeIsil: 'NL-0401230001',
          homeCardNumber: '2000111122223', homeValidUntil: '2026-11-10', homeCheckedOn: '2026-11-19', loanStrips: 100,
        }],
      },
      // Another account's patron: reserves titles (RN2) and holds a loan of its own (P3).
      { key: 'zoe', givenName: 'Zoë', familyName: 'Ander', memberships: [volw('BE-OOS01', '2027-12-31')] },
    ],
    accounts: [
      { username: 'renew.an', email: 'renew.an@example.be', password: RENEW_PASSWORD, patrons: ['an', 'cas', 'mia', 'fien', 'guus'] },
      { username: 'renew.zoe', email: 'renew.zoe@example.be', password: RENEW_PASSWORD, patrons: ['zoe'] },
    ],
    titles: [
      { key: 'vrij', title: 'Het vrije boek', material: 'book' },
      { key: 'gereserveerd', title: 'Het gereserveerde boek', material: 'book' },
      { key: 'twee', title: 'Twee exemplaren', material: 'book' },
      { key: 'klaar', title: 'Klaar voor afhaling', material: 'book' },
      { key: 'max', title: 'Maximaal verlengd', material: 'book' },
      { key: 'laat', title: 'Te laat', material: 'book' },
      { key: 'cap', title: 'Tot het einde', material: 'book' },
      { key: 'einde', title: 'Lidmaatschap loopt af', material: 'book' },
      { key: 'schuld', title: 'Openstaande schuld', material: 'book' },
      { key: 'gast', title: 'Gastboek', material: 'book' },
      { key: 'ander', title: 'Andermans boek', material: 'book' },
    ],
    items: [
      item(I.renewable, 'vrij'),
      item(I.reserved, 'gereserveerd'),
      item(I.reservedButFreeCopy, 'twee'),
      // The free second copy of "twee", in the other library of the transport region (R3).
      item('3100000000004', 'twee', 'BE-OOS01', '9860'),
      item(I.readySetAside, 'klaar'),
      // "klaar"'s second copy is free but set aside for zoe's ready reservation.
      item('3100000000006', 'klaar'),
      item(I.maxRenewals, 'max'),
      item(I.overdue, 'laat'),
      item(I.cappedRenewed, 'cap'),
      item(I.membershipEnds, 'einde', 'BE-OOS01', '9860'),
      item(I.feeBlock, 'schuld'),
      item(I.guestHomeEnded, 'gast', 'NL-0702881037', 'NEUDE'),
      item(I.otherAccount, 'ander', 'BE-OOS01', '9860'),
    ],
    loans: [
      loan(I.renewable, 'an'),
      loan(I.reserved, 'an'),
      loan(I.reservedButFreeCopy, 'an'),
      loan(I.readySetAside, 'an'),
      loan(I.maxRenewals, 'an', { lentOn: '2026-09-01', renewals: 2 }),
      // RN8: overdue, with a late fee that stays (below the threshold).
      loan(I.overdue, 'an', { lentOn: '2026-10-01', dueOn: '2026-10-29' }),
      loan(I.cappedRenewed, 'cas'),
      loan(I.membershipEnds, 'mia', { lentOn: '2026-10-31', dueOn: '2026-11-28', library: 'BE-OOS01', branch: '9860' }),
      loan(I.feeBlock, 'fien'),
      loan(I.guestHomeEnded, 'guus', { library: 'NL-0702881037', branch: 'NEUDE', dueOn: '2026-11-22' }),
      loan(I.otherAccount, 'zoe', { library: 'BE-OOS01', branch: '9860' }),
    ],
    reservations: [
      { title: 'gereserveerd', patron: 'zoe', pickupLibrary: 'BE-OOS01', pickupBranch: '9860', placedOn: '2026-11-10', status: 'waiting' },
      { title: 'twee', patron: 'zoe', pickupLibrary: 'BE-OOS01', pickupBranch: '9860', placedOn: '2026-11-10', status: 'waiting' },
      { title: 'klaar', patron: 'zoe', pickupLibrary: 'BE-ZOT01', pickupBranch: '3550', placedOn: '2026-11-08', status: 'ready', readyUntil: '2026-11-27' },
      { title: 'klaar', patron: 'zoe', pickupLibrary: 'BE-OOS01', pickupBranch: '9860', placedOn: '2026-11-09', status: 'waiting' },
      // An's own reservation never blocks an's own renewal (RN2: "another patron").
      { title: 'vrij', patron: 'an', pickupLibrary: 'BE-ZOT01', pickupBranch: '3550', placedOn: '2026-11-12', status: 'waiting' },
    ],
    fees: [
      { patron: 'an', library: 'BE-ZOT01', kind: 'late', amountCents: 150, description: 'Te laat: Te laat', createdOn: '2026-10-30' },
      { patron: 'fien', library: 'BE-ZOT01', kind: 'late', amountCents: 300, description: 'Te laat', createdOn: '2026-10-01' },
      { patron: 'fien', library: 'BE-OOS01', kind: 'damaged', amountCents: 250, description: 'Beschadigd', createdOn: '2026-10-02' },
      { patron: 'fien', library: 'BE-ZOT01', kind: 'lost', amountCents: 5000, description: 'Verloren (betaald)', createdOn: '2026-09-01', paidOn: '2026-09-02' },
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
