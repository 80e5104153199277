// The loan-places scenario, as a network@1 document for the importer: one account (`places.ria`)
// with loans in a 3b region (return at any branch of the region, R3), a 3a region (only the lending
// library's branches), a 3c region of many branches (named in a disclosure), a Dutch guest
// membership with few loan strips left (R15), and an old card without a unique barcode next to a
// Wise card. Shared by lib/data/loan-places.db.test.ts and e2e/loan-places.spec.ts, which imports a
// copy with dates moved to the real today and codes, keys and barcodes carrying a suffix.
import type { NetworkDocument } from '../../db/import/schema';
import { addDays, daysBetween } from '../../lib/domain/dates';

export const PLACES_TODAY = '2026-11-20';
export const PLACES_PASSWORD = 'places-scenario-password';
/** R15: strips left on the Dutch guest membership (at most FEW_LOAN_STRIPS: a warning). */
export const PLACES_STRIPS_LEFT = 4;
/** The old card's number (kind `other`: no unique barcode) and the Wise card's. */
export const PLACES_OLD_CARD = 'EIG-004711';
export const PLACES_WISE_CARD = '2000555566667';

export const PLACES_TITLES = {
  transport: 'Boek uit de transportregio',
  own: 'Boek uit de eigen regio',
  large: 'Boek uit de grote regio',
  guest: 'Gastboek met strips',
} as const;

export interface PlacesScenarioOptions {
  /** "Today" of the document (default PLACES_TODAY): every date moves with it. */
  today?: string;
  /** Makes codes, ISILs, keys, barcodes and the username unique (up to 5 letters or digits). */
  suffix?: string;
}

export function placesScenarioNames(options: PlacesScenarioOptions = {}) {
  const s = suffixOf(options.suffix);
  const named = (name: string) => (s ? `${name} ${s}` : name);
  const code = (c: string) => `${c}${s}`;
  const slug = (v: string) => v.toLowerCase().replace(/[^a-z0-9-]/g, '_');
  return {
    username: s ? `places.ria-${s.toLowerCase()}` : 'places.ria',
    /** The card numbers as imported (the old card's carries the suffix, to stay unique). */
    cards: { wise: PLACES_WISE_CARD, old: `${PLACES_OLD_CARD}${s}` },
    regions: { transport: named('Regio Transport'), own: named('Regio Eigen'), large: named('Regio Groot') },
    libraries: {
      t1: named('Bibliotheek Stad'),
      t2: named('Bibliotheek Markt'),
      e1: named('Bibliotheek Noordhoek'),
      e2: named('Bibliotheek Oosthoek'),
      g: named('Bibliotheek Groot'),
      nl: named('Bibliotheek Amersfoort'),
    },
    slugs: { transport: slug(code('PT')), own: slug(code('PE')), large: slug(code('PG')), guest: slug(`NL-PLA${s}`) },
  };
}

function suffixOf(suffix = ''): string {
  return suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 5);
}

export function placesScenario(options: PlacesScenarioOptions = {}): NetworkDocument {
  const shift = daysBetween(PLACES_TODAY, options.today ?? PLACES_TODAY);
  const d = (date: string) => (shift === 0 ? date : addDays(date, shift));
  const s = suffixOf(options.suffix);
  const names = placesScenarioNames(options);
  const low = s.toLowerCase();
  const key = (k: string) => (s ? `${k}-${low}` : k);
  const code = (c: string) => `${c}${s}`;
  const barcode = (b: string) => (s ? `${b}${s}` : b);
  const isil = { t1: `BE-PLT1${s}`, t2: `BE-PLT2${s}`, e1: `BE-PLE1${s}`, e2: `BE-PLE2${s}`, g: `BE-PLG${s}`, nl: `NL-PLA${s}` };
  const region = { transport: code('PT'), own: code('PE'), large: code('PG') };
  const volw = (library: string) => ({ library, type: 'VOLW', start: d('2026-01-01'), end: d('2027-12-31') });
  const loan = (item: string, library: string, branch: string) => ({
    item: barcode(item), patron: key('ria'), library, branch, lentOn: d('2026-11-10'), dueOn: d('2026-12-08'), renewals: 0, returnedOn: null,
  });
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [
      { code: region.transport, name: names.regions.transport, kind: '3b', feeBlockThresholdCents: 500 },
      { code: region.own, name: names.regions.own, kind: '3a', feeBlockThresholdCents: 500 },
      { code: region.large, name: names.regions.large, kind: '3c', feeBlockThresholdCents: 500 },
    ],
    subscriptionTypes: [
      ...Object.values(region).map((r) => ({ code: 'VOLW', name: 'Volwassene', region: r, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 })),
      { code: 'GAST', name: 'Gast', library: isil.nl, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      { isil: isil.t1, name: names.libraries.t1, country: 'BE', region: region.transport, branches: [{ code: 'S1', name: 'Stadhuis' }, { code: 'S2', name: 'Station' }] },
      { isil: isil.t2, name: names.libraries.t2, country: 'BE', region: region.transport, branches: [{ code: 'M1', name: 'Marktplein' }] },
      { isil: isil.e1, name: names.libraries.e1, country: 'BE', region: region.own, branches: [{ code: 'N1', name: 'Noordkaai' }, { code: 'N2', name: 'Noordveld' }] },
      { isil: isil.e2, name: names.libraries.e2, country: 'BE', region: region.own, branches: [{ code: 'O1', name: 'Oostdam' }] },
      {
        isil: isil.g, name: names.libraries.g, country: 'BE', region: region.large,
        branches: ['Akker', 'Beek', 'Dries', 'Heide', 'Kouter', 'Meers'].map((name, i) => ({ code: `G${i + 1}`, name })),
      },
      { isil: isil.nl, name: names.libraries.nl, country: 'NL', branches: [{ code: 'CEN', name: 'Centrum' }] },
    ],
    patrons: [
      {
        key: key('ria'), givenName: 'Ria', familyName: 'Plaatsen',
        memberships: [volw(isil.t1), volw(isil.e1), volw(isil.g)],
        guestMemberships: [{
          library: isil.nl, type: 'GAST', registeredOn: d('2026-06-01'), homeIsil: 'NL-0401230001',
          homeCardNumber: s ? `2000${[...s].map((c) => c.charCodeAt(0) % 10).join('').padEnd(9, '5')}` : '2000999988887',
          homeValidUntil: d('2027-06-01'), homeCheckedOn: d('2026-11-19'), loanStrips: PLACES_STRIPS_LEFT,
        }],
        cards: [
          { library: isil.t1, number: names.cards.wise },
          { library: isil.e1, number: names.cards.old },
        ],
      },
    ],
    accounts: [{ username: names.username, email: `${names.username}@example.be`, password: PLACES_PASSWORD, patrons: [key('ria')] }],
    titles: Object.entries(PLACES_TITLES).map(([k, title]) => ({ key: key(`places-${k}`), title, material: 'book' as const })),
    items: [
      { barcode: barcode('PL-T'), title: key('places-transport'), library: isil.t2, branch: 'M1' },
      { barcode: barcode('PL-E'), title: key('places-own'), library: isil.e1, branch: 'N1' },
      { barcode: barcode('PL-G'), title: key('places-large'), library: isil.g, branch: 'G1' },
      { barcode: barcode('PL-N'), title: key('places-guest'), library: isil.nl, branch: 'CEN' },
    ],
    loans: [
      loan('PL-T', isil.t2, 'M1'),
      loan('PL-E', isil.e1, 'N1'),
      loan('PL-G', isil.g, 'G1'),
      loan('PL-N', isil.nl, 'CEN'),
    ],
  };
}
