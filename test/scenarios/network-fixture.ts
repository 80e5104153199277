// A small, valid network document for tests: two regions (one with transport, one without), a
// library in no region, a Dutch guest library, patrons with ordinary and guest memberships,
// cards with and without PIN, an account, titles, items, open and returned loans, reservations
// and fees. Each call returns a fresh copy, so a test may change it freely.
import type { NetworkDocument } from '../../db/import/schema';

export const FIXTURE_PINS = { anCard: '4821', bertCard: '7730' } as const;
export const FIXTURE_PASSWORD = 'correct-horse-battery';

type Element<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;
type PatronInput = Element<NetworkDocument['patrons']>;

/**
 * A document with every list present, so tests can push to and index into it without `!` on lists.
 * `exportedAt` stays optional: the fixture has none (a test of standing portal changes sets it).
 */
export type NetworkFixture = Required<Omit<NetworkDocument, 'patrons' | 'exportedAt'>> & {
  exportedAt?: NetworkDocument['exportedAt'];
  patrons: (PatronInput & Required<Pick<PatronInput, 'memberships' | 'guestMemberships' | 'cards'>>)[];
};

export function networkFixture(): NetworkFixture {
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [
      { code: 'ZO', name: 'Regio Zottegem-Oosterzele', kind: '3b', feeBlockThresholdCents: 500 },
      { code: 'LE', name: 'Regio Leiestreek', kind: '3a', feeBlockThresholdCents: 1000 },
    ],
    digitalCollections: [
      { code: 'ebooks', name: 'E-boeken' },
      { code: 'kranten', name: 'Digitale kranten' },
    ],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region: 'ZO', loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'JEUGD', name: 'Jeugd', region: 'ZO', loanPeriodDays: 21, maxRenewals: 3, maxLoans: 20 },
      { code: 'VOLW', name: 'Volwassene', region: 'LE', loanPeriodDays: 21, maxRenewals: 1, maxLoans: 30 },
      { code: 'STAD', name: 'Stadspas', library: 'BE-GNT01', loanPeriodDays: 14, maxRenewals: 5, maxLoans: 10 },
      { code: 'GAST', name: 'Gast (Landelijk lenen)', library: 'NL-0702881037', loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      {
        isil: 'BE-ZOT01', name: 'Bibliotheek Zottegem', country: 'BE', region: 'ZO',
        digitalCollections: ['ebooks'],
        branches: [{ code: '3550', name: 'Zottegem' }, { code: '3551', name: 'Zottegem Strijpen' }],
      },
      {
        isil: 'BE-OOS01', name: 'Bibliotheek Oosterzele', country: 'BE', region: 'ZO',
        digitalCollections: ['ebooks', 'kranten'],
        branches: [{ code: '9860', name: 'Oosterzele' }],
      },
      {
        isil: 'BE-DEI01', name: 'Bibliotheek Deinze', country: 'BE', region: 'LE',
        branches: [{ code: '9800', name: 'Deinze' }],
      },
      {
        isil: 'BE-GNT01', name: 'Bibliotheek Gent', country: 'BE',
        branches: [{ code: '9000', name: 'De Krook' }],
      },
      {
        isil: 'NL-0702881037', name: 'Bibliotheek Utrecht', country: 'NL', region: null,
        branches: [{ code: 'NEUDE', name: 'Neude' }],
      },
    ],
    patrons: [
      {
        key: 'an', givenName: 'An', familyName: 'Peeters', birthDate: '1985-04-12',
        email: 'an.peeters@example.be', historyEnabled: true,
        memberships: [
          { library: 'BE-ZOT01', type: 'VOLW', start: '2026-01-01', end: '2026-12-31', autoRenew: false, stoppedOn: null },
          { library: 'BE-OOS01', type: 'VOLW', start: '2026-03-01', end: '2027-02-28', autoRenew: true },
        ],
        guestMemberships: [
          {
            library: 'NL-0702881037', type: 'GAST', registeredOn: '2026-09-01',
            homeIsil: 'NL-0401230001', homeCardNumber: '2000987654321',
            homeValidUntil: '2027-03-31', homeCheckedOn: '2026-11-21', loanStrips: 120,
          },
        ],
        cards: [
          { library: 'BE-ZOT01', number: '2000123456789', pin: FIXTURE_PINS.anCard },
          { library: 'BE-OOS01', number: '2000223456789' },
        ],
      },
      {
        key: 'bert', givenName: 'Bert', familyName: 'Claes', birthDate: '2012-07-30', historyEnabled: false,
        memberships: [{ library: 'BE-DEI01', type: 'VOLW', start: '2025-09-01', end: '2026-08-31', stoppedOn: '2026-05-01' }],
        // An outside home library: validity comes from the last nightly check (R11); strips default (R15).
        guestMemberships: [
          { library: 'NL-0702881037', type: 'GAST', registeredOn: '2026-11-20', homeIsil: 'NL-0301000001', homeCardNumber: '1234 5678' },
        ],
        cards: [{ library: 'BE-DEI01', number: '85.07.30-033.28', pin: FIXTURE_PINS.bertCard }],
      },
      {
        key: 'carla', givenName: 'Carla', familyName: 'De Smet',
        memberships: [{ library: 'BE-GNT01', type: 'STAD', start: '2026-06-01', end: '2027-05-31' }],
        guestMemberships: [],
        cards: [{ library: 'BE-GNT01', number: 'OUD-0042', pin: null }],
      },
    ],
    accounts: [
      { username: 'an.peeters', email: 'an.peeters@example.be', password: FIXTURE_PASSWORD, patrons: ['an', 'bert'] },
    ],
    titles: [
      { key: 'max-havelaar', title: 'Max Havelaar', author: 'Multatuli', year: 1860, isbn: null, material: 'book' },
      { key: 'de-avonden', title: 'De avonden', author: 'Gerard Reve', year: 1947, isbn: '9789023468875', material: 'book' },
      { key: 'kuifje-tibet', title: 'Kuifje in Tibet', author: 'Hergé', material: 'comic' },
    ],
    items: [
      { barcode: '3000000000017', title: 'max-havelaar', library: 'BE-ZOT01', branch: '3550' },
      { barcode: '3000000000024', title: 'max-havelaar', library: 'BE-OOS01', branch: '9860' },
      { barcode: '3000000000031', title: 'de-avonden', library: 'BE-ZOT01', branch: '3551' },
      { barcode: '3000000000048', title: 'kuifje-tibet', library: 'BE-GNT01', branch: '9000' },
    ],
    loans: [
      { item: '3000000000017', patron: 'an', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-11-01', dueOn: '2026-11-29', renewals: 0, returnedOn: null },
      { item: '3000000000024', patron: 'an', library: 'BE-OOS01', branch: '9860', lentOn: '2026-10-01', dueOn: '2026-10-29', renewals: 1, returnedOn: '2026-10-20' },
      { item: '3000000000024', patron: 'bert', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-11-05', dueOn: '2026-12-03' },
      { item: '3000000000048', patron: 'carla', library: 'BE-GNT01', branch: '9000', lentOn: '2026-09-01', dueOn: '2026-09-15', returnedOn: '2026-09-14' },
    ],
    reservations: [
      { title: 'de-avonden', patron: 'an', pickupLibrary: 'BE-ZOT01', pickupBranch: '3550', placedOn: '2026-11-10', status: 'waiting', readyUntil: null },
      { title: 'max-havelaar', patron: 'bert', pickupLibrary: 'BE-OOS01', pickupBranch: '9860', placedOn: '2026-11-12', status: 'ready', readyUntil: '2026-11-26' },
    ],
    fees: [
      { patron: 'an', library: 'BE-ZOT01', kind: 'late', amountCents: 150, description: 'Te laat: Max Havelaar', createdOn: '2026-11-02', paidOn: null },
      { patron: 'an', library: 'BE-OOS01', kind: 'contribution', amountCents: 1000, description: 'Lidgeld 2026', createdOn: '2026-03-01', paidOn: '2026-03-01' },
      { patron: 'carla', library: 'BE-GNT01', kind: 'damaged', amountCents: 0, description: 'Beschadigd: Kuifje in Tibet (kwijtgescholden)', createdOn: '2026-09-14' },
    ],
  };
}
