// The demo network: two regions of the samenwerkingsgroep-3 example (Zottegem-Oosterzele, 3b, and
// Herzele-Sint-Lievens-Houtem, 3a), a library in no region (Brakel) and three Dutch libraries for
// national lending (Bedum, Bellingwolde, Blijham). Every date is relative to `today`, so the demo
// never goes stale; the same `today` always gives the same document. It is written through the
// importer (db/import), with the same validation as any other document.
//
// DEMO_ACCOUNTS and DEMO_ACTIVATIONS are what the README and the e2e tests show and use: keep them
// stable. Each entry names the rules it demonstrates (ids of ../shared/DOMAIN.md).
import { eq, inArray } from 'drizzle-orm';
import { addDays, todayInBrussels, type IsoDate } from '../../lib/domain/dates';
import type { Db } from '../client';
import { importNetwork, type ImportResult } from '../import/import-network';
import type { NetworkDocument } from '../import/schema';
import { fees, items, libraries, loans, patrons, portalChanges, renewalLog, reservations, titles } from '../schema';
import {
  emptyDocument,
  nationalRegisterNumber,
  wiseCardNumber,
  type FeeDoc,
  type FullDocument,
  type PatronDoc,
  type ReservationDoc,
} from './network';
import { TITLES } from './titles';

/** The one password of every demo account (≥ 8 characters, not a common one). */
export const DEMO_PASSWORD = 'bibliotheek-demo';

// ---------------------------------------------------------------------------------------------
// The network

export const DEMO_REGIONS = {
  ZO: { code: 'ZO', name: 'Regio Zottegem-Oosterzele', kind: '3b', feeBlockThresholdCents: 500 },
  HS: { code: 'HS', name: 'Regio Herzele-Sint-Lievens-Houtem', kind: '3a', feeBlockThresholdCents: 1000 },
} as const;

export const DEMO_LIBRARIES = {
  zottegem: 'BE-ZTG00',
  oosterzele: 'BE-OZL00',
  herzele: 'BE-HZL00',
  sintLievensHoutem: 'BE-SLH00',
  brakel: 'BE-BRK00',
  bedum: 'NL-0702881037',
  bellingwolde: 'NL-0702881045',
  blijham: 'NL-0702881046',
} as const;

const L = DEMO_LIBRARIES;

interface LibrarySpec {
  isil: string;
  name: string;
  country: 'BE' | 'NL';
  region?: 'ZO' | 'HS';
  collections: string[];
  branches: [code: string, name: string][];
  /** Two digits in this library's item barcodes. */
  barcodeBlock: number;
}

const LIBRARY_SPECS: LibrarySpec[] = [
  {
    isil: L.zottegem,
    name: 'Bibliotheek Zottegem',
    country: 'BE',
    region: 'ZO',
    // R8: in region ZO only Zottegem holds a licence for digital collections.
    collections: ['ebooks', 'luisterboeken'],
    branches: [
      ['3550', 'Zottegem'],
      ['3551', 'Strijpen'],
      ['3552', 'Velzeke'],
    ],
    barcodeBlock: 11,
  },
  {
    isil: L.oosterzele,
    name: 'Bibliotheek Oosterzele',
    country: 'BE',
    region: 'ZO',
    collections: [],
    branches: [
      ['3560', 'Oosterzele'],
      ['3561', 'Balegem'],
      ['3562', 'Scheldewindeke'],
    ],
    barcodeBlock: 12,
  },
  {
    isil: L.herzele,
    name: 'Bibliotheek Herzele',
    country: 'BE',
    region: 'HS',
    collections: ['ebooks'],
    branches: [
      ['3570', 'Herzele'],
      ['3571', 'Sint-Lievens-Esse'],
    ],
    barcodeBlock: 21,
  },
  {
    isil: L.sintLievensHoutem,
    name: 'Bibliotheek Sint-Lievens-Houtem',
    country: 'BE',
    region: 'HS',
    collections: ['luisterboeken'],
    branches: [
      ['3580', 'Sint-Lievens-Houtem'],
      ['3581', 'Vlierzele'],
    ],
    barcodeBlock: 22,
  },
  {
    isil: L.brakel,
    name: 'Bibliotheek Brakel',
    country: 'BE',
    collections: ['ebooks'],
    branches: [
      ['3590', 'Brakel'],
      ['3591', 'Opbrakel'],
    ],
    barcodeBlock: 31,
  },
  { isil: L.bedum, name: 'Bibliotheek Bedum', country: 'NL', collections: [], branches: [['BED', 'Bedum']], barcodeBlock: 41 },
  {
    isil: L.bellingwolde,
    name: 'Bibliotheek Bellingwolde',
    country: 'NL',
    collections: [],
    branches: [['BWE', 'Bellingwolde']],
    barcodeBlock: 42,
  },
  { isil: L.blijham, name: 'Bibliotheek Blijham', country: 'NL', collections: [], branches: [['BLH', 'Blijham']], barcodeBlock: 43 },
];

/** Subscription types: [code, name, loanPeriodDays, maxRenewals, maxLoans]. */
type TypeSpec = [code: string, name: string, loanPeriodDays: number, maxRenewals: number, maxLoans: number];

const REGION_TYPES: Record<'ZO' | 'HS', TypeSpec[]> = {
  ZO: [
    ['VOLW', 'Volwassene', 28, 2, 40],
    ['JEUGD', 'Jeugd', 21, 3, 20],
    ['LEERK', 'Leerkracht', 42, 1, 60],
  ],
  HS: [
    ['VOLW', 'Volwassene', 21, 2, 30],
    ['JEUGD', 'Jeugd', 21, 2, 15],
    ['LEERK', 'Leerkracht', 35, 1, 50],
  ],
};
const BRAKEL_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 28, 3, 25],
  ['JEUGD', 'Jeugd', 28, 3, 15],
];
const DUTCH_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 21, 2, 20],
  ['GAST', 'Gastlener (Landelijk lenen)', 21, 1, 10],
];

/** The subscription type parameters of a library (its region's or its own), by code. */
export function demoSubscriptionType(isil: string, code: string): { loanPeriodDays: number; maxRenewals: number; maxLoans: number } {
  const spec = LIBRARY_SPECS.find((l) => l.isil === isil);
  if (!spec) throw new Error(`no demo library ${isil}`);
  const types = spec.region ? REGION_TYPES[spec.region] : spec.country === 'NL' ? DUTCH_TYPES : BRAKEL_TYPES;
  const t = types.find(([c]) => c === code);
  if (!t) throw new Error(`no type ${code} at ${isil}`);
  return { loanPeriodDays: t[2], maxRenewals: t[3], maxLoans: t[4] };
}

// ---------------------------------------------------------------------------------------------
// The accounts the demo shows, and the cards that activate or link

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  /** Patron keys linked to the account. */
  readonly patrons: readonly string[];
  /** Rule ids of ../shared/DOMAIN.md this account demonstrates. */
  readonly rules: readonly string[];
  readonly en: string;
  readonly nl: string;
}

export const DEMO_ACCOUNTS = [
  {
    username: 'an.peeters',
    password: DEMO_PASSWORD,
    patrons: ['an-peeters'],
    rules: ['R1', 'R2', 'R3', 'R5', 'R8', 'F1', 'H1', 'P4', 'RN8'],
    en: 'Member in Zottegem and Oosterzele (one regional card) and in Brakel (second card): loans from several branches, one due within 3 days, one overdue, a reservation ready for pick-up, small fees, lending history.',
    nl: 'Lid in Zottegem en Oosterzele (één regiokaart) en in Brakel (tweede kaart): uitleningen uit meerdere vestigingen, één binnen 3 dagen terug, één te laat, een reservering klaar om af te halen, kleine openstaande bedragen, leenhistoriek.',
  },
  {
    username: 'jan.dewilde',
    password: DEMO_PASSWORD,
    patrons: ['jan-de-wilde'],
    rules: ['R6'],
    en: 'Active memberships of different types in one region (Volwassene in Zottegem, Leerkracht in Oosterzele): the portal warns that one should be stopped.',
    nl: 'Actieve lidmaatschappen van verschillende types in één regio (Volwassene in Zottegem, Leerkracht in Oosterzele): het portaal waarschuwt dat er één gestopt moet worden.',
  },
  {
    username: 'els.vermeulen',
    password: DEMO_PASSWORD,
    patrons: ['els-vermeulen'],
    rules: ['RN5', 'F1', 'R1'],
    en: 'Outstanding fees in the region (€6.50) reach the block threshold (€5.00): renewals are refused.',
    nl: 'Openstaande bedragen in de regio (€ 6,50) bereiken de blokkeringsgrens (€ 5,00): verlengen wordt geweigerd.',
  },
  {
    username: 'tom.desmet',
    password: DEMO_PASSWORD,
    patrons: ['tom-desmet'],
    rules: ['RN2', 'RN3', 'R8'],
    en: 'One loan at the maximum number of renewals, one whose title another patron reserved with no copy available, one that renews normally; no e-books in Oosterzele (join Zottegem).',
    nl: 'Eén uitlening op het maximum aantal verlengingen, één waarvan de titel door iemand anders gereserveerd is zonder vrij exemplaar, één die gewoon verlengt; geen e-boeken in Oosterzele (word lid in Zottegem).',
  },
  {
    username: 'lotte.goossens',
    password: DEMO_PASSWORD,
    patrons: ['lotte-goossens'],
    rules: ['R7', 'R8', 'RN6'],
    en: 'Two memberships in one region both expiring within 30 days (only one needs renewing, but Zottegem gives the e-books); renewals capped at, or refused by, the membership end date.',
    nl: 'Twee lidmaatschappen in één regio die binnen 30 dagen vervallen (slechts één moet verlengd worden, maar Zottegem geeft toegang tot e-boeken); verlengen begrensd of geweigerd door de einddatum van het lidmaatschap.',
  },
  {
    username: 'sanne.bakker',
    password: DEMO_PASSWORD,
    patrons: ['sanne-bakker'],
    rules: ['R10', 'R11', 'R13', 'R15'],
    en: 'Dutch guest in Bedum whose home membership in Bellingwolde ends within 30 days: the guest membership ends with it; 118 loan strips left.',
    nl: 'Nederlandse gastlener in Bedum van wie het thuislidmaatschap in Bellingwolde binnen 30 dagen afloopt: het gastlidmaatschap loopt mee af; nog 118 leenstrips.',
  },
  {
    username: 'daan.visser',
    password: DEMO_PASSWORD,
    patrons: ['daan-visser'],
    rules: ['R10', 'R11', 'R15'],
    en: 'Registered as guest in Blijham today: on the first day the guest membership is valid for three months; 125 loan strips.',
    nl: 'Vandaag ingeschreven als gastlener in Blijham: op de eerste dag is het gastlidmaatschap drie maanden geldig; 125 leenstrips.',
  },
  {
    username: 'kees.mulder',
    password: DEMO_PASSWORD,
    patrons: ['kees-mulder'],
    rules: ['R11', 'R12'],
    en: 'Guest in Blijham whose home membership in Bellingwolde has expired: the guest membership is no longer valid; contact your own library.',
    nl: 'Gastlener in Blijham van wie het thuislidmaatschap in Bellingwolde verlopen is: het gastlidmaatschap is niet meer geldig; neem contact op met je eigen bibliotheek.',
  },
  {
    username: 'pieter.wouters',
    password: DEMO_PASSWORD,
    patrons: ['pieter-wouters'],
    rules: ['P2', 'R14', 'R2'],
    en: 'Member in Sint-Lievens-Houtem; his record in Brakel is not linked yet: link it with the Brakel card and PIN (see the activation table).',
    nl: 'Lid in Sint-Lievens-Houtem; zijn klantrecord in Brakel is nog niet gekoppeld: koppel het met de pas en pincode van Brakel (zie de activatietabel).',
  },
  {
    username: 'ines.maes',
    password: DEMO_PASSWORD,
    patrons: ['ines-maes'],
    rules: ['R9', 'RN4', 'R7'],
    en: 'Every membership in region Zottegem-Oosterzele has ended (inactive there, an overdue loan cannot be renewed) while Herzele is active.',
    nl: 'Alle lidmaatschappen in regio Zottegem-Oosterzele zijn afgelopen (daar inactief, een te late uitlening kan niet verlengd worden) terwijl Herzele actief is.',
  },
] as const satisfies readonly DemoAccount[];

export interface DemoActivation {
  readonly purpose: 'activate' | 'link';
  readonly patron: string;
  readonly library: string;
  readonly libraryName: string;
  readonly cardNumber: string;
  readonly pin: string;
  /** For `link`: the account that links this record. */
  readonly account: string | null;
  readonly rules: readonly string[];
  readonly en: string;
  readonly nl: string;
}

export const DEMO_ACTIVATIONS = [
  {
    purpose: 'activate',
    patron: 'mieke-claeys',
    library: L.herzele,
    libraryName: 'Bibliotheek Herzele',
    cardNumber: wiseCardNumber(21_000_017),
    pin: '4321',
    account: null,
    rules: ['P1'],
    en: 'A member of Herzele without an account: activate one with this card number and PIN.',
    nl: 'Een lid van Herzele zonder inlogaccount: activeer er een met dit pasnummer en deze pincode.',
  },
  {
    purpose: 'link',
    patron: 'pieter-wouters-brakel',
    library: L.brakel,
    libraryName: 'Bibliotheek Brakel',
    cardNumber: wiseCardNumber(31_000_037),
    pin: '2468',
    account: 'pieter.wouters',
    rules: ['P2', 'R14'],
    en: "Pieter Wouters' second record, in Brakel: sign in as pieter.wouters and link it with this card number and PIN.",
    nl: 'Het tweede klantrecord van Pieter Wouters, in Brakel: log in als pieter.wouters en koppel het met dit pasnummer en deze pincode.',
  },
] as const satisfies readonly DemoActivation[];

/** An Peeters' eID card at Oosterzele (a national register number with valid check digits). */
export const AN_PEETERS_EID = nationalRegisterNumber('1985-04-12', 123);

// ---------------------------------------------------------------------------------------------
// The builder

interface OpenLoan {
  title: string;
  /** Where it is lent (library, branch); the item belongs there unless `owner` says otherwise. */
  at: [isil: string, branch: string];
  owner?: [isil: string, branch: string];
  /** Days from today to the due date (negative: overdue). */
  dueIn: number;
  renewals?: number;
  /** The subscription type whose loan period sets lentOn; default VOLW of the lending library. */
  type?: string;
}

interface PastLoan {
  title: string;
  at: [isil: string, branch: string];
  /** Days before today it was lent, and how many days it was out. */
  lentAgo: number;
  days: number;
  /** Days past the due date it came back (0: on time). */
  late?: number;
}

class DemoBuilder {
  readonly doc: FullDocument = emptyDocument();
  private readonly seq = new Map<string, number>();
  private readonly period = new Map<string, number>();

  constructor(readonly today: IsoDate) {}

  d(days: number): IsoDate {
    return addDays(this.today, days);
  }

  item(title: string, [isil, branch]: [string, string]): string {
    const spec = LIBRARY_SPECS.find((l) => l.isil === isil);
    if (!spec) throw new Error(`no demo library ${isil}`);
    const n = (this.seq.get(isil) ?? 0) + 1;
    this.seq.set(isil, n);
    const barcode = `3000${spec.barcodeBlock}${String(n).padStart(7, '0')}`;
    this.doc.items.push({ barcode, title, library: isil, branch });
    return barcode;
  }

  patron(p: PatronDoc): string {
    this.doc.patrons.push({ historyEnabled: false, memberships: [], guestMemberships: [], cards: [], ...p });
    return p.key;
  }

  open(patron: string, loans: OpenLoan[]): string[] {
    return loans.map((l) => {
      const barcode = this.item(l.title, l.owner ?? l.at);
      const renewals = l.renewals ?? 0;
      const period = demoSubscriptionType(l.at[0], l.type ?? 'VOLW').loanPeriodDays;
      const dueOn = this.d(l.dueIn);
      this.doc.loans.push({
        item: barcode,
        patron,
        library: l.at[0],
        branch: l.at[1],
        lentOn: addDays(dueOn, -period * (renewals + 1)),
        dueOn,
        renewals,
        returnedOn: null,
      });
      return barcode;
    });
  }

  past(patron: string, loans: PastLoan[]): void {
    for (const l of loans) {
      const barcode = this.item(l.title, l.at);
      const lentOn = this.d(-l.lentAgo);
      const dueOn = addDays(lentOn, Math.max(l.days - (l.late ?? 0), 0));
      this.doc.loans.push({
        item: barcode,
        patron,
        library: l.at[0],
        branch: l.at[1],
        lentOn,
        dueOn,
        renewals: 0,
        returnedOn: addDays(lentOn, l.days),
      });
    }
  }

  reserve(r: Omit<ReservationDoc, 'placedOn' | 'readyUntil'> & { placedAgo: number; readyFor?: number }): void {
    const { placedAgo, readyFor, ...rest } = r;
    this.doc.reservations.push({
      ...rest,
      placedOn: this.d(-placedAgo),
      readyUntil: readyFor === undefined ? null : this.d(readyFor),
    });
  }

  fee(f: Omit<FeeDoc, 'createdOn' | 'paidOn'> & { createdAgo: number; paidAgo?: number }): void {
    const { createdAgo, paidAgo, ...rest } = f;
    this.doc.fees.push({
      ...rest,
      createdOn: this.d(-createdAgo),
      paidOn: paidAgo === undefined ? null : this.d(-paidAgo),
    });
  }

  membership(library: string, type: string, startAgo: number, endIn: number, extra: { autoRenew?: boolean; stoppedAgo?: number } = {}) {
    return {
      library,
      type,
      start: this.d(-startAgo),
      end: this.d(endIn),
      autoRenew: extra.autoRenew ?? false,
      stoppedOn: extra.stoppedAgo === undefined ? null : this.d(-extra.stoppedAgo),
    };
  }
}

/** Titles that exist as exactly one copy in the demo network (RN2 needs "no available copy"). */
const SINGLE_COPY_TITLES = new Set(['bonita-avenue', 'sprakeloos', 'de-ontdekking-van-de-hemel']);

/** The demo network as an import document; a pure function of `today`. */
export function buildDemoNetwork(today: string): NetworkDocument {
  const b = new DemoBuilder(today);
  const { doc } = b;
  const ZTG = L.zottegem;
  const OZL = L.oosterzele;
  const HZL = L.herzele;
  const SLH = L.sintLievensHoutem;
  const BRK = L.brakel;
  const BED = L.bedum;
  const BWE = L.bellingwolde;
  const BLH = L.blijham;

  // --- network skeleton
  doc.regions.push(DEMO_REGIONS.ZO, DEMO_REGIONS.HS);
  doc.digitalCollections.push({ code: 'ebooks', name: 'E-boeken' }, { code: 'luisterboeken', name: 'Luisterboeken' });
  for (const region of ['ZO', 'HS'] as const)
    for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of REGION_TYPES[region])
      doc.subscriptionTypes.push({ code, name, region, loanPeriodDays, maxRenewals, maxLoans });
  for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of BRAKEL_TYPES)
    doc.subscriptionTypes.push({ code, name, library: BRK, loanPeriodDays, maxRenewals, maxLoans });
  for (const isil of [BED, BWE, BLH])
    for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of DUTCH_TYPES)
      doc.subscriptionTypes.push({ code, name, library: isil, loanPeriodDays, maxRenewals, maxLoans });
  for (const l of LIBRARY_SPECS)
    doc.libraries.push({
      isil: l.isil,
      name: l.name,
      country: l.country,
      region: l.region ?? null,
      digitalCollections: l.collections,
      branches: l.branches.map(([code, name]) => ({ code, name })),
    });
  doc.titles.push(...TITLES);

  // --- a. An Peeters: two libraries of one region, several branches, a second card in Brakel
  const an = b.patron({
    key: 'an-peeters',
    givenName: 'An',
    familyName: 'Peeters',
    birthDate: '1985-04-12',
    email: 'an.peeters@example.be',
    historyEnabled: true,
    memberships: [
      b.membership(ZTG, 'VOLW', 400, 330, { autoRenew: true }),
      b.membership(OZL, 'VOLW', 120, 245),
      b.membership(BRK, 'VOLW', 200, 165),
    ],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_011), pin: '1234' },
      { library: OZL, number: AN_PEETERS_EID, pin: '1234' },
      { library: BRK, number: wiseCardNumber(31_000_011), pin: '1234' },
    ],
  });
  b.open(an, [
    { title: 'het-verdriet-van-belgie', at: [ZTG, '3550'], dueIn: 2 },
    { title: 'de-avonden', at: [ZTG, '3550'], dueIn: -4, renewals: 1 },
    { title: 'suske-en-wiske-het-spaanse-spook', at: [ZTG, '3551'], dueIn: 12 },
    { title: 'the-broken-circle-breakdown', at: [ZTG, '3552'], dueIn: 5 },
    { title: 'oorlog-en-terpentijn', at: [OZL, '3560'], dueIn: 18 },
    { title: 'de-helaasheid-der-dingen', at: [OZL, '3561'], dueIn: 9 },
    { title: 'kruistocht-in-spijkerbroek', at: [OZL, '3562'], dueIn: 22 },
    // R3: a Zottegem item lent at the Oosterzele desk (3b: transport in the region).
    { title: 'max-havelaar', at: [OZL, '3560'], owner: [ZTG, '3550'], dueIn: 15 },
    { title: 'pallieter', at: [BRK, '3590'], dueIn: 20 },
    { title: 'kuifje-in-tibet', at: [BRK, '3591'], dueIn: 6 },
  ]);
  b.past(an, [
    { title: 'nooit-meer-slapen', at: [ZTG, '3550'], lentAgo: 70, days: 34, late: 6 },
    { title: 'de-aanslag', at: [ZTG, '3551'], lentAgo: 110, days: 21 },
    { title: 'kaas', at: [OZL, '3560'], lentAgo: 150, days: 14 },
    { title: 'tirza', at: [OZL, '3561'], lentAgo: 190, days: 27 },
    { title: 'de-kapellekensbaan', at: [ZTG, '3550'], lentAgo: 230, days: 28 },
    { title: 'pluk-van-de-petteflet', at: [ZTG, '3552'], lentAgo: 260, days: 10 },
    { title: 'asterix-en-de-belgen', at: [OZL, '3562'], lentAgo: 300, days: 7 },
    { title: 'racine-carree', at: [ZTG, '3550'], lentAgo: 320, days: 20 },
    { title: 'de-vlaschaard', at: [BRK, '3590'], lentAgo: 90, days: 25 },
  ]);
  b.reserve({ title: 'de-ontdekking-van-de-hemel', patron: an, pickupLibrary: OZL, pickupBranch: '3560', placedAgo: 9, status: 'ready', readyFor: 5 });
  b.reserve({ title: 'het-diner', patron: an, pickupLibrary: ZTG, pickupBranch: '3550', placedAgo: 4, status: 'in_transit' });
  b.reserve({ title: 'sprakeloos', patron: an, pickupLibrary: ZTG, pickupBranch: '3551', placedAgo: 2, status: 'waiting' });
  b.fee({ patron: an, library: ZTG, kind: 'late', amountCents: 120, description: 'Te laat: Nooit meer slapen', createdAgo: 36 });
  b.fee({ patron: an, library: OZL, kind: 'reservation', amountCents: 50, description: 'Reservering: De ontdekking van de hemel', createdAgo: 9 });
  b.fee({ patron: an, library: ZTG, kind: 'contribution', amountCents: 700, description: 'Lidgeld', createdAgo: 400, paidAgo: 400 });
  b.fee({ patron: an, library: BRK, kind: 'late', amountCents: 40, description: 'Te laat: De vlaschaard', createdAgo: 65, paidAgo: 60 });
  // The ready reservation's copy, set aside at the pick-up desk.
  b.item('de-ontdekking-van-de-hemel', [OZL, '3560']);

  // --- b. Jan De Wilde: Volwassene in Zottegem, Leerkracht in Oosterzele (R6 warning)
  const jan = b.patron({
    key: 'jan-de-wilde',
    givenName: 'Jan',
    familyName: 'De Wilde',
    birthDate: '1978-09-03',
    email: 'jan.dewilde@example.be',
    memberships: [b.membership(ZTG, 'VOLW', 300, 65), b.membership(OZL, 'LEERK', 60, 305)],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_029), pin: '1234' },
      { library: OZL, number: wiseCardNumber(12_000_029), pin: '1234' },
    ],
  });
  b.open(jan, [
    { title: 'de-kolonisten-van-catan', at: [ZTG, '3550'], dueIn: 10 },
    { title: 'congo-een-geschiedenis', at: [OZL, '3560'], dueIn: 30, type: 'LEERK' },
    { title: 'de-bourgondiers', at: [OZL, '3561'], dueIn: 25, type: 'LEERK' },
  ]);

  // --- c. Els Vermeulen: fees in the region reach the block threshold (RN5)
  const els = b.patron({
    key: 'els-vermeulen',
    givenName: 'Els',
    familyName: 'Vermeulen',
    birthDate: '1969-01-22',
    email: 'els.vermeulen@example.be',
    memberships: [b.membership(ZTG, 'VOLW', 500, 230, { autoRenew: true })],
    cards: [{ library: ZTG, number: wiseCardNumber(11_000_037), pin: '1234' }],
  });
  b.open(els, [
    { title: 'de-vreemdeling', at: [ZTG, '3550'], dueIn: 8 },
    // R1: borrowed in Oosterzele on her Zottegem membership.
    { title: 'het-smelt', at: [OZL, '3560'], dueIn: -10 },
    { title: 'asterix-in-spanje', at: [ZTG, '3552'], dueIn: 14 },
  ]);
  b.past(els, [
    { title: 'kuifje-in-amerika', at: [ZTG, '3550'], lentAgo: 60, days: 26 },
    { title: 'gezien-de-feiten', at: [OZL, '3561'], lentAgo: 90, days: 40, late: 12 },
    { title: 'de-pest', at: [ZTG, '3551'], lentAgo: 155, days: 35, late: 7 },
  ]);
  b.fee({ patron: els, library: ZTG, kind: 'damaged', amountCents: 400, description: 'Beschadigd: Kuifje in Amerika', createdAgo: 34 });
  b.fee({ patron: els, library: OZL, kind: 'late', amountCents: 250, description: 'Te laat: Gezien de feiten', createdAgo: 50 });
  b.fee({ patron: els, library: ZTG, kind: 'late', amountCents: 80, description: 'Te laat: De pest', createdAgo: 120, paidAgo: 118 });

  // --- d. Tom Desmet: a loan at the renewal maximum (RN3), a title reserved by another (RN2)
  const tom = b.patron({
    key: 'tom-desmet',
    givenName: 'Tom',
    familyName: 'Desmet',
    birthDate: '1991-06-30',
    email: 'tom.desmet@example.be',
    memberships: [b.membership(OZL, 'VOLW', 150, 215)],
    cards: [{ library: OZL, number: wiseCardNumber(12_000_037), pin: '1234' }],
  });
  b.open(tom, [
    { title: 'de-donkere-kamer-van-damokles', at: [OZL, '3560'], dueIn: 7, renewals: demoSubscriptionType(OZL, 'VOLW').maxRenewals },
    { title: 'bonita-avenue', at: [OZL, '3562'], dueIn: 4 },
    { title: 'de-hobbit', at: [OZL, '3561'], dueIn: 16 },
  ]);

  // --- e. Lotte Goossens: two expiring memberships in one region (R7, R8), renewals capped (RN6)
  const lotte = b.patron({
    key: 'lotte-goossens',
    givenName: 'Lotte',
    familyName: 'Goossens',
    birthDate: '1996-11-15',
    email: 'lotte.goossens@example.be',
    memberships: [b.membership(ZTG, 'VOLW', 353, 12), b.membership(OZL, 'VOLW', 345, 20)],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_045), pin: '1234' },
      { library: OZL, number: wiseCardNumber(12_000_045), pin: '1234' },
    ],
  });
  b.open(lotte, [
    // Governed by Zottegem (ends in 12 days): due on that day, a renewal has nothing left to give.
    { title: 'de-avond-is-ongemak', at: [ZTG, '3550'], dueIn: 12 },
    // Governed by Oosterzele (ends in 20 days): a renewal stops there instead of today + 28.
    { title: 'het-boek-van-alle-dingen', at: [OZL, '3560'], dueIn: 4 },
    { title: 'lampje', at: [OZL, '3561'], dueIn: 9 },
  ]);

  // --- f. Sanne Bakker: Dutch guest in Bedum, home Bellingwolde ends soon (R11), strips (R15)
  const sanneCard = wiseCardNumber(42_000_011);
  const sanne = b.patron({
    key: 'sanne-bakker',
    givenName: 'Sanne',
    familyName: 'Bakker',
    birthDate: '1988-03-14',
    email: 'sanne.bakker@example.nl',
    historyEnabled: true,
    memberships: [b.membership(BWE, 'VOLW', 340, 25)],
    guestMemberships: [
      {
        library: BED,
        type: 'GAST',
        registeredOn: b.d(-60),
        homeIsil: BWE,
        homeCardNumber: sanneCard,
        homeValidUntil: b.d(25),
        homeCheckedOn: today,
        loanStrips: 118,
      },
    ],
    cards: [
      { library: BWE, number: sanneCard, pin: '1234' },
      { library: BED, number: sanneCard },
    ],
  });
  b.open(sanne, [
    { title: 'dolfje-weerwolfje', at: [BED, 'BED'], dueIn: 11, type: 'GAST' },
    { title: 'tonio', at: [BED, 'BED'], dueIn: 6, type: 'GAST' },
    { title: 'het-achterhuis', at: [BWE, 'BWE'], dueIn: 15 },
  ]);
  // 125 − 118 = 7 strips used: the two open loans in Bedum and these five.
  b.past(sanne, [
    { title: 'de-griezelbus', at: [BED, 'BED'], lentAgo: 58, days: 14 },
    { title: 'oorlogswinter', at: [BED, 'BED'], lentAgo: 50, days: 20 },
    { title: 'de-avonden', at: [BED, 'BED'], lentAgo: 45, days: 21 },
    { title: 'koning-van-katoren', at: [BED, 'BED'], lentAgo: 40, days: 12 },
    { title: 'het-diner', at: [BED, 'BED'], lentAgo: 30, days: 18 },
  ]);

  // --- f'. Daan Visser: registered as guest in Blijham today (R11 first day: three months)
  const daanCard = wiseCardNumber(41_000_029);
  const daan = b.patron({
    key: 'daan-visser',
    givenName: 'Daan',
    familyName: 'Visser',
    birthDate: '2001-07-07',
    email: 'daan.visser@example.nl',
    memberships: [b.membership(BED, 'VOLW', 100, 265)],
    guestMemberships: [
      { library: BLH, type: 'GAST', registeredOn: today, homeIsil: BED, homeCardNumber: daanCard, homeValidUntil: null, homeCheckedOn: null, loanStrips: 125 },
    ],
    cards: [
      { library: BED, number: daanCard, pin: '1234' },
      { library: BLH, number: daanCard },
    ],
  });
  b.open(daan, [{ title: 'de-hongerspelen', at: [BED, 'BED'], dueIn: 13 }]);

  // --- g. Kees Mulder: guest in Blijham, home membership in Bellingwolde expired (R12)
  const keesCard = wiseCardNumber(42_000_029);
  const kees = b.patron({
    key: 'kees-mulder',
    givenName: 'Kees',
    familyName: 'Mulder',
    birthDate: '1957-05-05',
    email: 'kees.mulder@example.nl',
    historyEnabled: true,
    memberships: [b.membership(BWE, 'VOLW', 375, -10)],
    guestMemberships: [
      {
        library: BLH,
        type: 'GAST',
        registeredOn: b.d(-200),
        homeIsil: BWE,
        homeCardNumber: keesCard,
        homeValidUntil: b.d(-10),
        homeCheckedOn: today,
        loanStrips: 121,
      },
    ],
    cards: [
      { library: BWE, number: keesCard, pin: '1234' },
      { library: BLH, number: keesCard },
    ],
  });
  b.past(kees, [
    { title: 'de-aanslag', at: [BLH, 'BLH'], lentAgo: 190, days: 20 },
    { title: 'publieke-werken', at: [BLH, 'BLH'], lentAgo: 150, days: 21 },
    { title: 'de-koperen-tuin', at: [BLH, 'BLH'], lentAgo: 100, days: 14 },
    { title: 'soldaat-van-oranje', at: [BLH, 'BLH'], lentAgo: 60, days: 7 },
  ]);

  // --- h. Mieke Claeys: no account; activates with card + PIN (P1)
  const activate = DEMO_ACTIVATIONS[0];
  const mieke = b.patron({
    key: activate.patron,
    givenName: 'Mieke',
    familyName: 'Claeys',
    birthDate: '1975-10-01',
    email: 'mieke.claeys@example.be',
    memberships: [b.membership(HZL, 'VOLW', 90, 275)],
    cards: [{ library: activate.library, number: activate.cardNumber, pin: activate.pin }],
  });
  b.open(mieke, [
    { title: 'het-gezin-van-paemel', at: [HZL, '3570'], dueIn: 9 },
    { title: 'de-zevensprong', at: [HZL, '3571'], dueIn: 17 },
  ]);
  b.reserve({ title: 'de-wereld-van-sofie', patron: mieke, pickupLibrary: HZL, pickupBranch: '3570', placedAgo: 3, status: 'waiting' });

  // --- i. Pieter Wouters: account in Sint-Lievens-Houtem; a second record in Brakel to link (P2, R14)
  const link = DEMO_ACTIVATIONS[1];
  const pieter = b.patron({
    key: 'pieter-wouters',
    givenName: 'Pieter',
    familyName: 'Wouters',
    birthDate: '1982-02-17',
    email: 'pieter.wouters@example.be',
    memberships: [b.membership(SLH, 'VOLW', 210, 155)],
    cards: [{ library: SLH, number: wiseCardNumber(22_000_011), pin: '1234' }],
  });
  b.open(pieter, [
    { title: 'de-kinderen-van-het-achtste-woud', at: [SLH, '3580'], dueIn: 8 },
    { title: 'lobi-da-basi', at: [SLH, '3581'], dueIn: 3 },
  ]);
  const pieterBrakel = b.patron({
    key: link.patron,
    givenName: 'Pieter',
    familyName: 'Wouters',
    birthDate: '1982-02-17',
    email: 'pieter.wouters@example.be',
    memberships: [b.membership(BRK, 'VOLW', 40, 325)],
    cards: [{ library: link.library, number: link.cardNumber, pin: link.pin }],
  });
  b.open(pieterBrakel, [
    { title: 'de-witte', at: [BRK, '3590'], dueIn: 19 },
    { title: 'carcassonne', at: [BRK, '3591'], dueIn: 11 },
  ]);

  // --- j. Ines Maes: every membership in region ZO ended (R9), Herzele active
  const ines = b.patron({
    key: 'ines-maes',
    givenName: 'Ines',
    familyName: 'Maes',
    birthDate: '1980-12-12',
    email: 'ines.maes@example.be',
    historyEnabled: true,
    memberships: [
      b.membership(ZTG, 'VOLW', 405, -40),
      b.membership(OZL, 'VOLW', 465, -100, { stoppedAgo: 150 }),
      b.membership(HZL, 'VOLW', 30, 335),
    ],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_052), pin: '1234' },
      { library: HZL, number: wiseCardNumber(21_000_025), pin: '1234' },
    ],
  });
  // Lent in Zottegem before the membership ended; no active membership governs it now (RN4).
  b.open(ines, [
    { title: 'de-pest', at: [ZTG, '3550'], dueIn: -27 },
    { title: 'de-komst-van-joachim-stiller', at: [HZL, '3570'], dueIn: 14 },
    { title: 'zomer-te-ter-muren', at: [HZL, '3571'], dueIn: 6 },
  ]);
  b.past(ines, [
    { title: 'het-stenen-bruidsbed', at: [ZTG, '3550'], lentAgo: 200, days: 21 },
    { title: 'de-wetten', at: [OZL, '3560'], lentAgo: 300, days: 28 },
  ]);
  b.fee({ patron: ines, library: ZTG, kind: 'late', amountCents: 150, description: 'Te laat: De pest', createdAgo: 1 });

  // --- other patrons of the network (no account): the reservations and copies the rules need
  const sofie = b.patron({
    key: 'sofie-claes',
    givenName: 'Sofie',
    familyName: 'Claes',
    birthDate: '2012-03-03',
    memberships: [b.membership(ZTG, 'JEUGD', 180, 185)],
    cards: [{ library: ZTG, number: wiseCardNumber(11_000_060) }],
  });
  b.open(sofie, [
    { title: 'dolfje-weerwolfje', at: [ZTG, '3551'], dueIn: 5, type: 'JEUGD' },
    { title: 'het-leven-van-een-loser', at: [ZTG, '3550'], dueIn: 12, type: 'JEUGD', renewals: 1 },
  ]);
  // RN2: Tom's Bonita Avenue is the only copy.
  b.reserve({ title: 'bonita-avenue', patron: sofie, pickupLibrary: OZL, pickupBranch: '3560', placedAgo: 6, status: 'waiting' });

  const marc = b.patron({
    key: 'marc-de-clercq',
    givenName: 'Marc',
    familyName: 'De Clercq',
    birthDate: '1964-08-19',
    memberships: [b.membership(OZL, 'VOLW', 800, 100, { autoRenew: true })],
    cards: [{ library: OZL, number: wiseCardNumber(12_000_052) }],
  });
  // The only copy of Sprakeloos, which An waits for.
  b.open(marc, [
    { title: 'sprakeloos', at: [ZTG, '3550'], dueIn: 10 },
    { title: 'de-meester-en-margarita', at: [OZL, '3562'], dueIn: 2 },
  ]);
  b.reserve({ title: 'het-diner', patron: marc, pickupLibrary: OZL, pickupBranch: '3560', placedAgo: 1, status: 'waiting' });
  b.fee({ patron: marc, library: OZL, kind: 'lost', amountCents: 2495, description: 'Verloren: Het parfum', createdAgo: 75, paidAgo: 40 });

  const lars = b.patron({
    key: 'lars-de-backer',
    givenName: 'Lars',
    familyName: 'De Backer',
    birthDate: '2010-05-21',
    memberships: [b.membership(HZL, 'JEUGD', 365, 0)],
    cards: [{ library: HZL, number: nationalRegisterNumber('2010-05-21', 77) }],
  });
  b.open(lars, [{ title: 'de-gruffalo', at: [HZL, '3570'], dueIn: 1, type: 'JEUGD' }]);

  const fatima = b.patron({
    key: 'fatima-el-amrani',
    givenName: 'Fatima',
    familyName: 'El Amrani',
    birthDate: '1987-12-02',
    memberships: [b.membership(SLH, 'LEERK', 120, 245)],
    cards: [{ library: SLH, number: wiseCardNumber(22_000_029) }],
  });
  b.open(fatima, [
    { title: 'de-wereld-van-sofie', at: [SLH, '3580'], dueIn: 20, type: 'LEERK' },
    { title: 'het-oneindige-verhaal', at: [HZL, '3570'], dueIn: 24, type: 'LEERK' },
  ]);

  const wim = b.patron({
    key: 'wim-de-vos',
    givenName: 'Wim',
    familyName: 'De Vos',
    birthDate: '1959-04-09',
    memberships: [b.membership(BRK, 'VOLW', 600, 130, { autoRenew: true })],
    cards: [{ library: BRK, number: wiseCardNumber(31_000_029) }],
  });
  b.open(wim, [{ title: 'de-leeuw-van-vlaanderen', at: [BRK, '3590'], dueIn: 15 }]);
  b.fee({ patron: wim, library: BRK, kind: 'contribution', amountCents: 600, description: 'Lidgeld', createdAgo: 20 });

  // --- spare copies on the shelves of every branch (never of the single-copy titles)
  const shelf = TITLES.filter((t) => !SINGLE_COPY_TITLES.has(t.key));
  let next = 0;
  for (const l of LIBRARY_SPECS)
    for (const [branch] of l.branches)
      for (let i = 0; i < (l.country === 'NL' ? 25 : 40); i++) {
        b.item((shelf[next % shelf.length] as (typeof shelf)[number]).key, [l.isil, branch]);
        next += 7; // a stride co-prime with the list length spreads titles over branches
      }

  // --- accounts
  const emails = new Map(doc.patrons.map((p) => [p.key, p.email]));
  for (const a of DEMO_ACCOUNTS)
    doc.accounts.push({ username: a.username, email: emails.get(a.patrons[0]) ?? `${a.username}@example.be`, password: a.password, patrons: [...a.patrons] });

  return doc;
}

// ---------------------------------------------------------------------------------------------
// Seeding

export interface SeedDemoResult {
  today: IsoDate;
  counts: Extract<ImportResult, { ok: true }>['counts'];
  /** Rows of an earlier seed on another day that this run removed (see seedDemo). */
  removed: { loans: number; reservations: number; fees: number };
}

/**
 * Imports the demo network through the importer; throws with the importer's error list if the
 * document is refused (a bug here). Idempotent: a second run on the same day changes nothing.
 * A run on a later day moves the demo to that day: first the demo patrons' loans, reservations and
 * fees that the new document does not list (they carry the old dates) are deleted, with the
 * renewal log and change log of those loans and reservations, so that the demo looks exactly as a fresh seed of that day instead
 * of piling up history (the importer never deletes: absent records are left alone).
 */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<SeedDemoResult> {
  const today = options.today ?? todayInBrussels(new Date());
  const doc = buildDemoNetwork(today) as FullDocument;
  const removed = await removeStaleDemoRows(db, doc);
  const result = await importNetwork(db, doc, { today });
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
    throw new Error(`the demo network was refused by the importer (a bug in db/seed/demo.ts):\n${lines}`);
  }
  return { today, counts: result.counts, removed };
}

async function removeStaleDemoRows(db: Db, doc: FullDocument): Promise<SeedDemoResult['removed']> {
  const none = { loans: 0, reservations: 0, fees: 0 };
  const keys = doc.patrons.map((p) => p.key);
  const stored = await db.select({ id: patrons.id }).from(patrons).where(inArray(patrons.key, keys));
  if (stored.length === 0) return none;
  const patronIds = stored.map((p) => p.id);

  const [loanRows, reservationRows, feeRows] = await Promise.all([
    db
      .select({ id: loans.id, item: items.barcode, lentOn: loans.lentOn })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId))
      .where(inArray(loans.patronId, patronIds)),
    db
      .select({ id: reservations.id, patron: patrons.key, title: titles.key, placedOn: reservations.placedOn })
      .from(reservations)
      .innerJoin(titles, eq(titles.id, reservations.titleId))
      .innerJoin(patrons, eq(patrons.id, reservations.patronId))
      .where(inArray(reservations.patronId, patronIds)),
    db
      .select({
        id: fees.id,
        patron: patrons.key,
        library: libraries.isil,
        kind: fees.kind,
        createdOn: fees.createdOn,
        description: fees.description,
      })
      .from(fees)
      .innerJoin(patrons, eq(patrons.id, fees.patronId))
      .innerJoin(libraries, eq(libraries.id, fees.libraryId))
      .where(inArray(fees.patronId, patronIds)),
  ]);

  const loanKeys = new Set(doc.loans.map((l) => `${l.item}\u0000${l.lentOn}`));
  const reservationKeys = new Set(doc.reservations.map((r) => `${r.patron}\u0000${r.title}\u0000${r.placedOn}`));
  const feeKey = (f: { patron: string; library: string; kind: string; createdOn: string; description: string }) =>
    [f.patron, f.library, f.kind, f.createdOn, f.description].join('\u0000');
  const feeKeys = new Set(doc.fees.map(feeKey));

  const staleLoans = loanRows.filter((l) => !loanKeys.has(`${l.item}\u0000${l.lentOn}`)).map((l) => l.id);
  const staleReservations = reservationRows
    .filter((r) => !reservationKeys.has(`${r.patron}\u0000${r.title}\u0000${r.placedOn}`))
    .map((r) => r.id);
  const staleFees = feeRows.filter((f) => !feeKeys.has(feeKey(f))).map((f) => f.id);
  if (staleLoans.length + staleReservations.length + staleFees.length === 0) return none;

  await db.transaction(async (tx) => {
    // The change log (issue 13) refers to loans and reservations: a demo row goes with its changes.
    for (const ids of chunked(staleLoans)) {
      await tx.delete(renewalLog).where(inArray(renewalLog.loanId, ids));
      await tx.delete(portalChanges).where(inArray(portalChanges.loanId, ids));
      await tx.delete(loans).where(inArray(loans.id, ids));
    }
    for (const ids of chunked(staleReservations)) {
      await tx.delete(portalChanges).where(inArray(portalChanges.reservationId, ids));
      await tx.delete(reservations).where(inArray(reservations.id, ids));
    }
    for (const ids of chunked(staleFees)) await tx.delete(fees).where(inArray(fees.id, ids));
  });
  return { loans: staleLoans.length, reservations: staleReservations.length, fees: staleFees.length };
}

function chunked<T>(values: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
