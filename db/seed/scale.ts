// The scale network's skeleton and the benchmark account, written through the importer: regions,
// subscription types, libraries with their branches, the real seed titles (the head of the
// popularity ranks), and `bench.user` (6 patron records, 6 libraries, ~200 open loans, card numbers
// 2000 9…, barcodes 3000 9…), the same on every network so the bench compares like with like.
// The N generated patrons with their items, loans, reservations and fees are rows written in bulk
// (db/seed/scale-rows.ts builds them, db/seed/scale-bulk.ts writes them): through the importer
// 20 000 patrons took ~150 s.
//
// The network grows with N so the per-library proportions of db/seed/scale-calibration.ts hold:
// round(N / 4 754) libraries, at least the fourteen fixed ones (regions S1–S4 and two lone
// libraries, which the bench account uses); the rest in generated regions S5, S6, … of six
// libraries (ISILs BE-G…, branch codes 5…).
import { addDays, type IsoDate } from '../../lib/domain/dates';
import type { NetworkDocument } from '../import/schema';
import {
  emptyDocument,
  itemBarcode,
  prng,
  wiseCardNumber,
  type FullDocument,
  type ItemDoc,
  type LoanDoc,
  type MembershipDoc,
  type PatronDoc,
} from './network';
import { BRANCH_PATTERN, LIBRARIES_PER_REGION, PATRONS_PER_LIBRARY } from './scale-calibration';
import { TITLES } from './titles';

/** The benchmark account (bench/ uses it): six patron records in six libraries of several regions. */
export const BENCH_ACCOUNT = {
  username: 'bench.user',
  password: 'bibliotheek-bench',
  email: 'bench.user@example.be',
  patrons: ['bench-1', 'bench-2', 'bench-3', 'bench-4', 'bench-5', 'bench-6'],
  /** Open loans over the six records. */
  openLoans: 200,
} as const;

/** PIN of the bench cards. */
export const SCALE_PIN = '1234';

export interface ScaleOptions {
  /** PRNG seed. Default 20260101. */
  seed?: number;
}

export interface ScaleLibrary {
  isil: string;
  name: string;
  region: string | null;
  branches: string[];
  branchNames: string[];
}

const FIXED_REGIONS = [
  { code: 'S1', name: 'Regio Vlaamse Ardennen', kind: '3b', feeBlockThresholdCents: 500 },
  { code: 'S2', name: 'Regio Denderland', kind: '3c', feeBlockThresholdCents: 750 },
  { code: 'S3', name: 'Regio Waasland', kind: '3b', feeBlockThresholdCents: 500 },
  { code: 'S4', name: 'Regio Meetjesland', kind: '3a', feeBlockThresholdCents: 1000 },
] as const;

const LIBRARY_ROWS: [isil: string, name: string, region: string | null, branches: string[]][] = [
  ['BE-OUD00', 'Oudenaarde', 'S1', ['Oudenaarde', 'Eine', 'Mullem']],
  ['BE-RON00', 'Ronse', 'S1', ['Ronse']],
  ['BE-KLB00', 'Kluisbergen', 'S1', ['Kluisbergen', 'Berchem']],
  ['BE-AAL00', 'Aalst', 'S2', ['Aalst', 'Erembodegem', 'Hofstade']],
  ['BE-NIN00', 'Ninove', 'S2', ['Ninove', 'Meerbeke']],
  ['BE-GRB00', 'Geraardsbergen', 'S2', ['Geraardsbergen', 'Idegem']],
  ['BE-DLW00', 'Denderleeuw', 'S2', ['Denderleeuw']],
  ['BE-SNK00', 'Sint-Niklaas', 'S3', ['Sint-Niklaas', 'Nieuwkerken', 'Belsele']],
  ['BE-TMS00', 'Temse', 'S3', ['Temse', 'Tielrode']],
  ['BE-BVR00', 'Beveren', 'S3', ['Beveren', 'Kallo']],
  ['BE-EKL00', 'Eeklo', 'S4', ['Eeklo']],
  ['BE-MLD00', 'Maldegem', 'S4', ['Maldegem', 'Adegem']],
  ['BE-GNT00', 'Gent', null, ['Gent De Krook', 'Ledeberg', 'Gentbrugge', 'Mariakerke']],
  ['BE-LOK00', 'Lokeren', null, ['Lokeren']],
];

const FIXED_LIBRARIES: ScaleLibrary[] = (() => {
  let code = 4100;
  return LIBRARY_ROWS.map(([isil, town, region, names]) => {
    const branches = names.map(() => String(code++));
    code = Math.ceil(code / 10) * 10; // each library starts a new ten
    return { isil, name: `Bibliotheek ${town}`, region, branches, branchNames: names };
  });
})();
const LIBRARIES = FIXED_LIBRARIES;

/** How many libraries a network of n patrons has: the calibrated ~4 754 patrons each, at least the fixed 14. */
export const libraryCount = (n: number): number => Math.max(FIXED_LIBRARIES.length, Math.round(n / PATRONS_PER_LIBRARY));

/** The regions of a network of n patrons: S1–S4, then one generated region per six extra libraries. */
export function scaleRegions(n: number): { code: string; name: string; kind: '3a' | '3b' | '3c'; feeBlockThresholdCents: number }[] {
  const extra = Math.ceil((libraryCount(n) - FIXED_LIBRARIES.length) / LIBRARIES_PER_REGION);
  const generated = Array.from({ length: extra }, (_, k) => ({
    code: `S${5 + k}`,
    name: `Regio ${5 + k}`,
    kind: '3b' as const,
    feeBlockThresholdCents: 500,
  }));
  return [...FIXED_REGIONS.map((r) => ({ ...r })), ...generated];
}

/** The libraries of a network of n patrons, in a fixed order (the bulk rows refer to them by index). */
export function scaleLibraries(n: number): ScaleLibrary[] {
  const out = [...FIXED_LIBRARIES];
  for (let k = 0; out.length < libraryCount(n); k++) {
    const count = BRANCH_PATTERN[k % BRANCH_PATTERN.length] as number;
    const branches = Array.from({ length: count }, (_, b) => String(5000 + k * 10 + b));
    const town = `Gemeente ${k + 1}`;
    out.push({
      isil: `BE-G${String(k).padStart(3, '0')}00`,
      name: `Bibliotheek ${town}`,
      region: `S${5 + Math.floor(k / LIBRARIES_PER_REGION)}`,
      branches,
      branchNames: branches.map((_, b) => (b === 0 ? town : `${town} ${b + 1}`)),
    });
  }
  return out;
}

/** Libraries of a card among the fixed ones (the bench account's): a region's libraries, or the lone library itself. */
function cardLibraries(isil: string): ScaleLibrary[] {
  const lib = LIBRARIES.find((l) => l.isil === isil) as ScaleLibrary;
  return lib.region === null ? [lib] : LIBRARIES.filter((l) => l.region === lib.region);
}

export type TypeSpec = [code: string, name: string, loanPeriodDays: number, maxRenewals: number, maxLoans: number];
export const REGION_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 28, 2, 40],
  ['JEUGD', 'Jeugd', 21, 2, 25],
  ['LEERK', 'Leerkracht', 42, 1, 60],
];
export const LONE_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 28, 3, 40],
  ['JEUGD', 'Jeugd', 28, 3, 25],
];
const typeOf = (isil: string, code: string): TypeSpec => {
  const lib = LIBRARIES.find((l) => l.isil === isil) as ScaleLibrary;
  const types = lib.region === null ? LONE_TYPES : REGION_TYPES;
  return types.find(([c]) => c === code) ?? (types[0] as TypeSpec);
};

export const GIVEN = [
  'An', 'Bart', 'Charlotte', 'Dirk', 'Els', 'Frank', 'Griet', 'Hilde', 'Ilse', 'Jan', 'Karel', 'Lien', 'Marie',
  'Nico', 'Olivia', 'Pieter', 'Quinten', 'Ruben', 'Sofie', 'Tom', 'Ulrike', 'Vincent', 'Wout', 'Xavier', 'Yasmine',
  'Zoë', 'Noor', 'Lars', 'Emma', 'Louis', 'Fatima', 'Mohamed', 'Lotte', 'Arne', 'Jana', 'Seppe', 'Ines', 'Warre',
];
export const FAMILY = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Dubois', 'Lambert', 'Dupont', 'Martens', 'Vermeulen', 'De Clercq', 'Van Damme', 'De Backer', 'Hermans',
  'Michiels', 'Desmet', 'De Wilde', 'Verhoeven', 'Aerts', 'Van den Broeck', 'De Vos', 'El Amrani', 'Yilmaz',
  'Vandenberghe', 'Coppens', 'Van Acker', 'De Meyer', 'Segers', 'Claeys', 'Verstraete', 'Baert',
];

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
export const int = (r: () => number, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** A PRNG for one record group, independent of every other group (so chunking does not matter). */
export function streamFor(seed: number, group: number, index: number): () => number {
  // Mix the inputs (splitmix-like) so neighbouring indexes give unrelated sequences.
  let h = (seed ^ Math.imul(group + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return prng(h ^ (h >>> 16));
}

/** Barcode serials 3000 5… / card serials 2000 5… are the generated patrons' (scale-rows.ts). */
export const SCALE_ITEM_BASE = 500_000_000;
const BENCH_ITEM_BASE = 900_000_000;
export const SCALE_CARD_BASE = 500_000_000;
const BENCH_CARD_BASE = 900_000_000;

/** What one patron's generator produces. */
interface Records {
  patrons: PatronDoc[];
  items: ItemDoc[];
  loans: LoanDoc[];
  reservations: FullDocument['reservations'];
  fees: FullDocument['fees'];
  accounts: FullDocument['accounts'];
}

const emptyRecords = (): Records => ({ patrons: [], items: [], loans: [], reservations: [], fees: [], accounts: [] });

interface LoanPlan {
  membership: MembershipDoc;
  count: number;
}

/** Open loans, history, reservations and fees of one patron record with the given memberships. */
function addActivity(
  out: Records,
  r: () => number,
  key: string,
  today: IsoDate,
  plans: LoanPlan[],
  barcode: (slot: number) => string,
  historyLoans: number,
): void {
  let slot = 0;
  const ownItems: ItemDoc[] = [];
  for (const { membership, count } of plans) {
    const card = cardLibraries(membership.library);
    const [, , period, maxRenewals] = typeOf(membership.library, membership.type);
    for (let j = 0; j < count; j++) {
      // R1: lent at any library of the card's region; the item belongs to that library.
      const lib = pick(r, card);
      const branch = pick(r, lib.branches);
      const item: ItemDoc = { barcode: barcode(slot++), title: pick(r, TITLES).key, library: lib.isil, branch };
      out.items.push(item);
      ownItems.push(item);
      const renewals = Math.min(r() < 0.7 ? 0 : r() < 0.7 ? 1 : 2, maxRenewals);
      const span = period * (renewals + 1);
      let lentOn = addDays(today, -int(r, 0, span + 10));
      if (membership.end < lentOn) lentOn = membership.end;
      if (lentOn < membership.start) lentOn = membership.start;
      out.loans.push({
        item: item.barcode,
        patron: key,
        library: lib.isil,
        branch,
        lentOn,
        dueOn: addDays(lentOn, span),
        renewals,
        returnedOn: null,
      });
    }
  }
  // Spare copies on the shelves: about one for every ten loans.
  const home = (plans[0] as LoanPlan).membership.library;
  for (let s = 0; s < Math.max(1, Math.round(ownItems.length / 10)) && s < 3; s++) {
    const lib = pick(r, cardLibraries(home));
    out.items.push({ barcode: barcode(slot++), title: pick(r, TITLES).key, library: lib.isil, branch: pick(r, lib.branches) });
  }
  // History: returned loans of the patron's own items, months back, one lentOn per item.
  for (let h = 0; h < historyLoans && ownItems.length > 0; h++) {
    const item = ownItems[h % ownItems.length] as ItemDoc;
    // Before any open loan's lentOn (at most 94 days back: LEERK 42 days, one renewal, 10 late).
    const lentOn = addDays(today, -(130 + h * 30 + int(r, 0, 20)));
    out.loans.push({
      item: item.barcode,
      patron: key,
      library: item.library,
      branch: item.branch,
      lentOn,
      dueOn: addDays(lentOn, 28),
      renewals: 0,
      returnedOn: addDays(lentOn, int(r, 3, 35)),
    });
  }
  // Reservations: 0–3, on distinct titles.
  const reserved = new Set<string>();
  const nRes = int(r, 0, 3);
  for (let k = 0; k < nRes; k++) {
    const title = pick(r, TITLES).key;
    if (reserved.has(title)) continue;
    reserved.add(title);
    const lib = pick(r, cardLibraries(home));
    const x = r();
    const status = x < 0.6 ? 'waiting' : x < 0.75 ? 'in_transit' : x < 0.9 ? 'ready' : x < 0.95 ? 'fulfilled' : 'cancelled';
    const placedOn = addDays(today, -int(r, 0, 20));
    out.reservations.push({
      title,
      patron: key,
      pickupLibrary: lib.isil,
      pickupBranch: pick(r, lib.branches),
      placedOn,
      status,
      readyUntil: status === 'ready' ? addDays(today, int(r, 1, 7)) : null,
    });
  }
  // Fees: one patron in five has one or two.
  if (r() < 0.2) {
    const nFees = int(r, 1, 2);
    for (let k = 0; k < nFees; k++) {
      const kind = pick(r, ['late', 'late', 'late', 'reservation', 'damaged', 'lost', 'contribution'] as const);
      const createdOn = addDays(today, -int(r, 1, 200));
      out.fees.push({
        patron: key,
        library: home,
        kind,
        amountCents: kind === 'lost' ? int(r, 1000, 3500) : kind === 'contribution' ? 700 : int(r, 20, 400),
        description: `${kind === 'late' ? 'Te laat' : kind === 'reservation' ? 'Reservering' : kind === 'damaged' ? 'Beschadigd' : kind === 'lost' ? 'Verloren' : 'Lidgeld'} (${k + 1})`,
        createdOn,
        paidOn: r() < 0.5 ? addDays(createdOn, int(r, 0, 30)) : null,
      });
    }
  }
}

/** The six bench records: one membership each, in six libraries of four cards, 200 open loans. */
const BENCH_LIBRARIES = ['BE-OUD00', 'BE-AAL00', 'BE-NIN00', 'BE-SNK00', 'BE-EKL00', 'BE-GNT00'];

function addBench(out: Records, today: IsoDate, seed: number): void {
  const per = Math.floor(BENCH_ACCOUNT.openLoans / BENCH_ACCOUNT.patrons.length);
  BENCH_ACCOUNT.patrons.forEach((key, b) => {
    const r = streamFor(seed, 2, b);
    const isil = BENCH_LIBRARIES[b] as string;
    const membership: MembershipDoc = {
      library: isil,
      type: 'VOLW',
      start: addDays(today, -400),
      end: addDays(today, 300 + b),
      autoRenew: true,
      stoppedOn: null,
    };
    out.patrons.push({
      key,
      givenName: 'Bench',
      familyName: `Gebruiker ${b + 1}`,
      birthDate: '1980-01-01',
      email: BENCH_ACCOUNT.email,
      historyEnabled: true,
      memberships: [membership],
      cards: [{ library: isil, number: wiseCardNumber(BENCH_CARD_BASE + b), pin: SCALE_PIN }],
    });
    const count = b < BENCH_ACCOUNT.openLoans % BENCH_ACCOUNT.patrons.length ? per + 1 : per;
    const before = out.fees.length;
    addActivity(out, r, key, today, [{ membership, count }], (slot) => itemBarcode(BENCH_ITEM_BASE + b * 256 + slot), BENCH_HISTORY);
    // Keep the bench renewable: no fee block (RN5) on its records.
    out.fees.length = before;
  });
  out.accounts.push({
    username: BENCH_ACCOUNT.username,
    email: BENCH_ACCOUNT.email,
    password: BENCH_ACCOUNT.password,
    patrons: [...BENCH_ACCOUNT.patrons],
  });
}

export const DEFAULT_SEED = 20260101;
/** Returned loans of each bench record (the bench's history page). */
const BENCH_HISTORY = 10;

/**
 * The network skeleton of n patrons and the bench account, as one importer document: regions,
 * types, libraries, the seed titles, and bench.user with its records, loans, reservations.
 */
export function scaleSkeleton(n: number, today: IsoDate, options: ScaleOptions = {}): NetworkDocument {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const doc = emptyDocument();
  const REGIONS = scaleRegions(n);
  doc.regions.push(...REGIONS);
  doc.digitalCollections.push({ code: 'ebooks', name: 'E-boeken' }, { code: 'luisterboeken', name: 'Luisterboeken' });
  for (const { code: region } of REGIONS)
    for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of REGION_TYPES)
      doc.subscriptionTypes.push({ code, name, region, loanPeriodDays, maxRenewals, maxLoans });
  scaleLibraries(n).forEach((l, k) => {
    if (l.region === null)
      for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of LONE_TYPES)
        doc.subscriptionTypes.push({ code, name, library: l.isil, loanPeriodDays, maxRenewals, maxLoans });
    doc.libraries.push({
      isil: l.isil,
      name: l.name,
      country: 'BE',
      region: l.region,
      // R8: only some libraries hold a licence.
      digitalCollections: k % 3 === 0 ? ['ebooks', 'luisterboeken'] : k % 3 === 1 ? ['ebooks'] : [],
      branches: l.branches.map((code, b) => ({ code, name: l.branchNames[b] as string })),
    });
  });
  doc.titles.push(...TITLES);
  const bench = emptyRecords();
  addBench(bench, today, seed);
  doc.patrons.push(...bench.patrons);
  doc.accounts.push(...bench.accounts);
  doc.items.push(...bench.items);
  doc.loans.push(...bench.loans);
  doc.reservations.push(...bench.reservations);
  return doc;
}

