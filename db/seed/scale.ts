// The scale network: N patrons with about 20 open loans each, lending history, reservations and
// fees, spread over the libraries and branches of four regions and two lone libraries; plus the
// benchmark account `bench.user` (6 patron records, 6 libraries, ~200 open loans). Deterministic:
// every patron's records come from a PRNG seeded by the patron's index, so the same (n, today,
// options) gives the same data whatever the chunking.
//
// Everything goes through the importer. At n = 20 000 one document would hold ~400 000 items and
// ~600 000 loans; `scaleDocuments` yields the network skeleton first and then the patrons in
// chunks (later documents refer to the libraries, types and titles of the first by natural key),
// which keeps memory flat and each transaction short. `buildScaleNetwork` is the same data as one
// document (tests, small n).
//
// Namespaces keep it apart from the demo (both can live in one database): region codes S1–S4,
// ISILs of other municipalities, patron keys `scale-…`/`bench-…`, card numbers 2000 5…/2000 9…,
// barcodes 3000 5…/3000 9….
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

/** Password of the few `scale.user.N` accounts (one per 2 000 patrons: scale-000000, scale-002000, …). */
export const SCALE_PASSWORD = 'bibliotheek-scale';
/** PIN of the few scale cards that have one (patrons whose index is a multiple of 1 000). */
export const SCALE_PIN = '1234';

export interface ScaleOptions {
  /** Patrons per document after the skeleton (scaleDocuments). Default 2 000. */
  chunkSize?: number;
  /** PRNG seed. Default 20260101. */
  seed?: number;
  /** Mean open loans per patron (± 5). Default 20. */
  openLoans?: number;
  /** Returned loans per patron. Default 10. */
  historyLoans?: number;
}

interface ScaleLibrary {
  isil: string;
  name: string;
  region: string | null;
  branches: string[];
  branchNames: string[];
}

const REGIONS = [
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

const LIBRARIES: ScaleLibrary[] = (() => {
  let code = 4100;
  return LIBRARY_ROWS.map(([isil, town, region, names]) => {
    const branches = names.map(() => String(code++));
    code = Math.ceil(code / 10) * 10; // each library starts a new ten
    return { isil, name: `Bibliotheek ${town}`, region, branches, branchNames: names };
  });
})();

/** Libraries of a card: a region's libraries, or the lone library itself. */
function cardLibraries(isil: string): ScaleLibrary[] {
  const lib = LIBRARIES.find((l) => l.isil === isil) as ScaleLibrary;
  return lib.region === null ? [lib] : LIBRARIES.filter((l) => l.region === lib.region);
}

type TypeSpec = [code: string, name: string, loanPeriodDays: number, maxRenewals: number, maxLoans: number];
const REGION_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 28, 2, 40],
  ['JEUGD', 'Jeugd', 21, 2, 25],
  ['LEERK', 'Leerkracht', 42, 1, 60],
];
const LONE_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 28, 3, 40],
  ['JEUGD', 'Jeugd', 28, 3, 25],
];
const typeOf = (isil: string, code: string): TypeSpec => {
  const lib = LIBRARIES.find((l) => l.isil === isil) as ScaleLibrary;
  const types = lib.region === null ? LONE_TYPES : REGION_TYPES;
  return types.find(([c]) => c === code) ?? (types[0] as TypeSpec);
};

const GIVEN = [
  'An', 'Bart', 'Charlotte', 'Dirk', 'Els', 'Frank', 'Griet', 'Hilde', 'Ilse', 'Jan', 'Karel', 'Lien', 'Marie',
  'Nico', 'Olivia', 'Pieter', 'Quinten', 'Ruben', 'Sofie', 'Tom', 'Ulrike', 'Vincent', 'Wout', 'Xavier', 'Yasmine',
  'Zoë', 'Noor', 'Lars', 'Emma', 'Louis', 'Fatima', 'Mohamed', 'Lotte', 'Arne', 'Jana', 'Seppe', 'Ines', 'Warre',
];
const FAMILY = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Dubois', 'Lambert', 'Dupont', 'Martens', 'Vermeulen', 'De Clercq', 'Van Damme', 'De Backer', 'Hermans',
  'Michiels', 'Desmet', 'De Wilde', 'Verhoeven', 'Aerts', 'Van den Broeck', 'De Vos', 'El Amrani', 'Yilmaz',
  'Vandenberghe', 'Coppens', 'Van Acker', 'De Meyer', 'Segers', 'Claeys', 'Verstraete', 'Baert',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: () => number, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** A PRNG for one record group, independent of every other group (so chunking does not matter). */
function streamFor(seed: number, group: number, index: number): () => number {
  // Mix the inputs (splitmix-like) so neighbouring indexes give unrelated sequences.
  let h = (seed ^ Math.imul(group + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return prng(h ^ (h >>> 16));
}

const SLOTS_PER_PATRON = 32; // item barcodes reserved per scale patron (≤ 25 loans + ≤ 3 spares)
const SCALE_ITEM_BASE = 500_000_000;
const BENCH_ITEM_BASE = 900_000_000;
const SCALE_CARD_BASE = 500_000_000;
const BENCH_CARD_BASE = 900_000_000;
const PATRON_KEY = (i: number) => `scale-${String(i).padStart(6, '0')}`;

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

/** Patron `i` of the scale network with everything that hangs off it. */
function addScalePatron(out: Records, i: number, today: IsoDate, o: Required<ScaleOptions>): void {
  const r = streamFor(o.seed, 1, i);
  const key = PATRON_KEY(i);
  const year = Number(today.slice(0, 4));
  const born = int(r, year - 85, year - 6);
  const birthDate = `${born}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
  const type = year - born < 18 ? 'JEUGD' : r() < 0.05 ? 'LEERK' : 'VOLW';

  // Home library, and for one patron in four a second one elsewhere (another card).
  const home = pick(r, LIBRARIES);
  const libs = [home];
  if (r() < 0.25) {
    const other = pick(r, LIBRARIES);
    if (other.isil !== home.isil) libs.push(other);
  }
  const memberships: MembershipDoc[] = libs.map((lib) => {
    const start = addDays(today, -int(r, 30, 1500));
    // One in ten has ended; the rest run up to 400 days ahead.
    const endIn = r() < 0.1 ? -int(r, 1, 120) : int(r, 1, 400);
    const end = addDays(today, endIn);
    return {
      library: lib.isil,
      type: lib.region === null && type === 'LEERK' ? 'VOLW' : type,
      start: start < end ? start : addDays(end, -365),
      end,
      autoRenew: r() < 0.3,
      stoppedOn: null,
    };
  });
  const given = pick(r, GIVEN);
  const family = pick(r, FAMILY);
  out.patrons.push({
    key,
    givenName: given,
    familyName: family,
    birthDate,
    email: `scale.${i}@example.be`,
    historyEnabled: r() < 0.8,
    memberships,
    cards: libs.map((lib, m) => ({
      library: lib.isil,
      number: wiseCardNumber(SCALE_CARD_BASE + i * 4 + m),
      ...(i % 1000 === 0 ? { pin: SCALE_PIN } : {}),
    })),
  });
  if (i % 2000 === 0)
    out.accounts.push({ username: `scale.user.${i}`, email: `scale.${i}@example.be`, password: SCALE_PASSWORD, patrons: [key] });

  const total = Math.max(1, o.openLoans + int(r, -5, 5));
  const first = libs.length === 1 ? total : Math.ceil(total * 0.7);
  const plans: LoanPlan[] = memberships.map((membership, m) => ({ membership, count: m === 0 ? first : total - first }));
  addActivity(out, r, key, today, plans, (slot) => itemBarcode(SCALE_ITEM_BASE + i * SLOTS_PER_PATRON + slot), o.historyLoans);
}

/** The six bench records: one membership each, in six libraries of four cards, 200 open loans. */
const BENCH_LIBRARIES = ['BE-OUD00', 'BE-AAL00', 'BE-NIN00', 'BE-SNK00', 'BE-EKL00', 'BE-GNT00'];

function addBench(out: Records, today: IsoDate, o: Required<ScaleOptions>): void {
  const per = Math.floor(BENCH_ACCOUNT.openLoans / BENCH_ACCOUNT.patrons.length);
  BENCH_ACCOUNT.patrons.forEach((key, b) => {
    const r = streamFor(o.seed, 2, b);
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
    addActivity(out, r, key, today, [{ membership, count }], (slot) => itemBarcode(BENCH_ITEM_BASE + b * 256 + slot), o.historyLoans);
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

function withDefaults(options: ScaleOptions): Required<ScaleOptions> {
  return {
    chunkSize: options.chunkSize ?? 2000,
    seed: options.seed ?? 20260101,
    openLoans: options.openLoans ?? 20,
    historyLoans: options.historyLoans ?? 10,
  };
}

/** The network skeleton and the bench account: regions, types, libraries, titles. */
function skeleton(today: IsoDate, o: Required<ScaleOptions>): FullDocument {
  const doc = emptyDocument();
  doc.regions.push(...REGIONS.map((r) => ({ ...r })));
  doc.digitalCollections.push({ code: 'ebooks', name: 'E-boeken' }, { code: 'luisterboeken', name: 'Luisterboeken' });
  for (const { code: region } of REGIONS)
    for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of REGION_TYPES)
      doc.subscriptionTypes.push({ code, name, region, loanPeriodDays, maxRenewals, maxLoans });
  LIBRARIES.forEach((l, k) => {
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
  addBench(bench, today, o);
  append(doc, bench);
  return doc;
}

function append(doc: FullDocument, records: Records): void {
  // push(...x) is limited by the argument count; loops keep large chunks safe.
  for (const p of records.patrons) doc.patrons.push(p);
  for (const a of records.accounts) doc.accounts.push(a);
  for (const it of records.items) doc.items.push(it);
  for (const l of records.loans) doc.loans.push(l);
  for (const r of records.reservations) doc.reservations.push(r);
  for (const f of records.fees) doc.fees.push(f);
}

/**
 * The scale network as a series of documents to import in order: the skeleton (with the bench
 * account), then the N patrons in chunks of `chunkSize` with their items, loans, reservations,
 * fees and accounts. Each document is built only when asked for.
 */
export function* scaleDocuments(n: number, today: string, options: ScaleOptions = {}): Generator<NetworkDocument> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const o = withDefaults(options);
  if (o.openLoans + 5 + 3 > SLOTS_PER_PATRON) throw new RangeError(`openLoans must be at most ${SLOTS_PER_PATRON - 8}`);
  if (!Number.isInteger(o.chunkSize) || o.chunkSize < 1) throw new RangeError('chunkSize must be a positive integer');
  yield skeleton(today, o);
  for (let from = 0; from < n; from += o.chunkSize) {
    const records = emptyRecords();
    for (let i = from; i < Math.min(n, from + o.chunkSize); i++) addScalePatron(records, i, today, o);
    const doc = emptyDocument();
    append(doc, records);
    yield doc;
  }
}

/** The whole scale network as one document (the same records as scaleDocuments). */
export function buildScaleNetwork(n: number, today: string, options: ScaleOptions = {}): NetworkDocument {
  const docs = scaleDocuments(n, today, options);
  const out = docs.next().value as FullDocument;
  for (const doc of docs) {
    const d = doc as FullDocument;
    append(out, { patrons: d.patrons, items: d.items, loans: d.loans, reservations: d.reservations, fees: d.fees, accounts: d.accounts });
  }
  return out;
}
