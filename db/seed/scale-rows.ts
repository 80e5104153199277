// The scale network's N generated patrons as table rows (PostgreSQL COPY text format), built with
// the proportions of scale-calibration.ts. Pure and deterministic: patron i's records come from a
// PRNG seeded by i, and every id is a function of i (sparse, never counted across patrons), so the
// rows of patrons [from, to) are the same whatever the chunking; scale-bulk.ts writes them.
//
// Why no row ever clashes without a lookup: patron i lives in library l = i mod L as its q-th
// patron (q = ⌊i / L⌋) and owns that library's item slots ⌊q·17.24⌋ … ⌊(q+1)·17.24⌋ − 1 (so a
// library holds ~17.24 items per patron, ~82 000 at the calibrated size). Its open loans are on
// its own items (and, past those, on items of its own overflow range), its history rows on its
// own items on distinct days, so "one open loan per item" and (item, lent on) hold by construction.
// Which title a slot holds comes from one shuffled library profile: the head titles with several
// copies, the long tail with one (scale-calibration.ts).
import { addDays, type IsoDate } from '../../lib/domain/dates';
import { itemBarcode, prng, wiseCardNumber } from './network';
import {
  FAMILY,
  GIVEN,
  int,
  LONE_TYPES,
  pick,
  REGION_TYPES,
  SCALE_CARD_BASE,
  SCALE_ITEM_BASE,
  scaleLibraries,
  streamFor,
  type ScaleLibrary,
  type TypeSpec,
} from './scale';
import {
  ACTIVE_CHECKOUTS_MEAN,
  DAYS_OUT,
  FEE_SHARE,
  HEAD_TITLES,
  headCopies,
  HISTORY_YEARS,
  INACTIVE_SHARE,
  ITEMS_PER_PATRON,
  MAX_HISTORY,
  MAX_OPEN_LOANS,
  PATRONS_PER_LIBRARY,
  RESERVATIONS_PER_CHECKOUT,
  SECOND_MEMBERSHIP_SHARE,
  TAIL_HOLDERS,
  TAIL_POOL_LIBRARIES,
  TAIL_RESERVATION_SHARE,
  ZIPF_EXPONENT,
} from './scale-calibration';
import { TITLES } from './titles';

/** The tables the bulk path fills, with their columns in COPY order. */
export const BULK_COLUMNS = {
  titles: ['id', 'key', 'title', 'author', 'year', 'isbn', 'material'],
  patrons: ['id', 'key', 'given_name', 'family_name', 'birth_date', 'email', 'history_enabled'],
  memberships: ['id', 'patron_id', 'library_id', 'subscription_type_id', 'kind', 'start_on', 'end_on', 'auto_renew'],
  cards: ['id', 'patron_id', 'library_id', 'number', 'source_number', 'kind'],
  items: ['id', 'barcode', 'title_id', 'library_id', 'branch_id'],
  loans: ['id', 'item_id', 'patron_id', 'library_id', 'branch_id', 'lent_on', 'due_on', 'renewals', 'returned_on'],
  reservations: ['id', 'title_id', 'patron_id', 'pickup_branch_id', 'placed_on', 'status', 'ready_until'],
  fees: ['id', 'patron_id', 'library_id', 'kind', 'amount_cents', 'description', 'created_on', 'paid_on'],
} as const;
export type BulkTable = keyof typeof BULK_COLUMNS;
export const BULK_TABLES = Object.keys(BULK_COLUMNS) as BulkTable[];

/** Ids already in the database that the rows refer to, and where each table's new ids start. */
export interface ScaleRefs {
  /** Per library of scaleLibraries(n), in that order: its id, its branches' ids, its types' ids by code. */
  libraries: { id: number; branchIds: number[]; typeIds: Record<string, number> }[];
  /** Ids of the seed titles (TITLES, the first ranks of the head), in TITLES order. */
  seedTitleIds: number[];
  /** Every new row's id is base + a number derived from the patron index (or the title rank). */
  base: Record<BulkTable, number>;
}

/** One chunk of rows: COPY text per table, and the row counts. */
export type ScaleRows = Record<BulkTable, string> & { counts: Record<BulkTable, number> };

// Id slots per patron: ids are i × slots + k, so a patron never takes another's id.
const MEMBERSHIP_SLOTS = 2;
const RESERVATION_SLOTS = 8;
const FEE_SLOTS = 2;
const LOAN_SLOTS = MAX_OPEN_LOANS + MAX_HISTORY + 16;

/** Everything derived from n alone: libraries, the library profile, the title pool, the Zipf table. */
export interface ScalePlan {
  n: number;
  libraries: ScaleLibrary[];
  /** One library's items, shuffled: a head rank (≥ 0) or −1 for a tail title, per item slot. */
  profile: Int32Array;
  /** Generated tail titles in the network. */
  tailPool: number;
  /** Cumulative Zipf weights over the head ranks (reservations). */
  zipf: Float64Array;
  /** First item number of the overflow ranges (open loans past a patron's own items). */
  overflowBase: number;
}

const planCache = new Map<number, ScalePlan>();

export function scalePlan(n: number): ScalePlan {
  const cached = planCache.get(n);
  if (cached) return cached;
  const libraries = scaleLibraries(n);
  const L = libraries.length;
  const size = Math.round(PATRONS_PER_LIBRARY * ITEMS_PER_PATRON);
  const profile = new Int32Array(size).fill(-1);
  let at = 0;
  for (let rank = 0; rank < HEAD_TITLES; rank++) for (let c = 0; c < headCopies(rank); c++) profile[at++] = rank;
  const shuffle = prng(0x5eed);
  for (let k = size - 1; k > 0; k--) {
    const j = Math.floor(shuffle() * (k + 1));
    const t = profile[k] as number;
    profile[k] = profile[j] as number;
    profile[j] = t;
  }
  const slots = Math.floor(n * ITEMS_PER_PATRON) + L;
  const tailPool = Math.max(1000, Math.min(Math.ceil((slots * (size - at)) / size / TAIL_HOLDERS), TAIL_POOL_LIBRARIES * (size - at)));
  const zipf = new Float64Array(HEAD_TITLES);
  let sum = 0;
  for (let rank = 0; rank < HEAD_TITLES; rank++) zipf[rank] = sum += 1 / (rank + 1) ** ZIPF_EXPONENT;
  for (let rank = 0; rank < HEAD_TITLES; rank++) zipf[rank] = (zipf[rank] as number) / sum;
  const overflowBase = (Math.floor(Math.ceil(n / L) * ITEMS_PER_PATRON) + 2) * L;
  const plan = { n, libraries, profile, tailPool, zipf, overflowBase };
  planCache.set(n, plan);
  return plan;
}

/** COPY text: tab-separated, \N for null, backslash escapes (seed text has none, kept safe anyway). */
const field = (v: string | number | boolean | null): string =>
  v === null ? '\\N' : typeof v === 'string' ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\')) : String(v);

class Rows {
  readonly lines: Record<BulkTable, string[]> = {
    titles: [], patrons: [], memberships: [], cards: [], items: [], loans: [], reservations: [], fees: [],
  };
  add(table: BulkTable, ...values: (string | number | boolean | null)[]): void {
    this.lines[table].push(values.map(field).join('\t'));
  }
  done(): ScaleRows {
    const out = { counts: {} } as ScaleRows;
    for (const t of BULK_TABLES) {
      out[t] = this.lines[t].length ? `${this.lines[t].join('\n')}\n` : '';
      out.counts[t] = this.lines[t].length;
    }
    return out;
  }
}

/** A 32-bit hash of two integers (which title and branch an item slot holds). */
function mix(a: number, b: number): number {
  let h = Math.imul(a + 0x632be5ab, 0x9e3779b1) ^ Math.imul(b + 0x1b873593, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const WORDS = [
  'De', 'Het', 'Een', 'zee', 'nacht', 'tuin', 'stad', 'reis', 'stilte', 'brief', 'winter', 'zomer', 'rivier',
  'huis', 'spiegel', 'vader', 'moeder', 'dochter', 'zoon', 'oorlog', 'liefde', 'eiland', 'wolf', 'vogel', 'storm',
];

/** The generated titles (head ranks after the seed titles, then the tail pool): written once, with the first chunk. */
export function scaleTitleRows(n: number, refs: ScaleRefs): ScaleRows {
  const plan = scalePlan(n);
  const rows = new Rows();
  const add = (id: number, key: string, k: number) => {
    const name = `${WORDS[k % 3] as string} ${WORDS[3 + (mix(k, 1) % (WORDS.length - 3))] as string} ${k}`;
    const author = `${GIVEN[mix(k, 2) % GIVEN.length] as string} ${FAMILY[mix(k, 3) % FAMILY.length] as string}`;
    rows.add('titles', id, key, name, author, 1950 + (mix(k, 4) % 76), null, 'book');
  };
  for (let rank = TITLES.length; rank < HEAD_TITLES; rank++) add(refs.base.titles + rank, `scale-h-${String(rank).padStart(5, '0')}`, rank);
  for (let t = 0; t < plan.tailPool; t++) add(refs.base.titles + HEAD_TITLES + t, `scale-t-${String(t).padStart(8, '0')}`, HEAD_TITLES + t);
  return rows.done();
}

const headTitleId = (refs: ScaleRefs, rank: number): number =>
  rank < TITLES.length ? (refs.seedTitleIds[rank] as number) : refs.base.titles + rank;

/** Dates relative to today, cached: the rows use a few thousand distinct days. */
function dayTable(today: IsoDate): (offset: number) => IsoDate {
  const cache = new Map<number, IsoDate>();
  return (offset) => {
    let d = cache.get(offset);
    if (d === undefined) cache.set(offset, (d = addDays(today, offset)));
    return d;
  };
}

/** Poisson(mean) by inversion; means here stay below ~40. */
function poisson(r: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > limit && k < 1000) {
    p *= r();
    k++;
  }
  return k;
}

function zipfRank(zipf: Float64Array, u: number): number {
  let lo = 0;
  let hi = zipf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((zipf[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const typeSpec = (lib: ScaleLibrary, code: string): TypeSpec => {
  const types = lib.region === null ? LONE_TYPES : REGION_TYPES;
  return types.find(([c]) => c === code) ?? (types[0] as TypeSpec);
};

export const patronKey = (i: number) => `scale-${String(i).padStart(6, '0')}`;

/** The rows of patrons from ≤ i < to of a network of n patrons. */
export function scaleRows(n: number, today: IsoDate, from: number, to: number, refs: ScaleRefs, seed: number): ScaleRows {
  const plan = scalePlan(n);
  const { libraries, profile } = plan;
  const L = libraries.length;
  const day = dayTable(today);
  const year = Number(today.slice(0, 4));
  const rows = new Rows();
  const B = refs.base;

  /** Item slot s of library l: its id, title and branch (written by its owner only). */
  const addItem = (rel: number, l: number, slot: number): { id: number; branchId: number } => {
    const lib = refs.libraries[l]!;
    const rank = profile[(slot + l * 7919) % profile.length] as number;
    const titleId = rank >= 0 ? headTitleId(refs, rank) : B.titles + HEAD_TITLES + (mix(l, slot) % plan.tailPool);
    const branchId = lib.branchIds[mix(slot, l) % lib.branchIds.length] as number;
    const id = B.items + rel;
    rows.add('items', id, itemBarcode(SCALE_ITEM_BASE + rel), titleId, lib.id, branchId);
    return { id, branchId };
  };

  for (let i = from; i < Math.min(n, to); i++) {
    const r = streamFor(seed, 1, i);
    const l = i % L;
    const q = Math.floor(i / L);
    const home = libraries[l]!;
    const born = int(r, year - 85, year - 6);
    const birthDate = `${born}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
    const type = year - born < 18 ? 'JEUGD' : r() < 0.05 ? 'LEERK' : 'VOLW';
    const patronId = B.patrons + i;
    rows.add('patrons', patronId, patronKey(i), pick(r, GIVEN), pick(r, FAMILY), birthDate, `scale.${i}@example.be`, r() < 0.8);

    const libs = [l];
    if (r() < SECOND_MEMBERSHIP_SHARE) {
      const other = Math.floor(r() * L);
      if (other !== l) libs.push(other);
    }
    let homeEnd = 0;
    libs.forEach((m, k) => {
      const lib = libraries[m]!;
      const code = lib.region === null && type === 'LEERK' ? 'VOLW' : type;
      const start = -int(r, 30, 1500);
      // One in ten has ended; the rest run up to 400 days ahead.
      const end = r() < 0.1 ? -int(r, 1, 120) : int(r, 1, 400);
      if (k === 0) homeEnd = end;
      const id = i * MEMBERSHIP_SLOTS + k;
      const typeId = refs.libraries[m]!.typeIds[code] as number;
      rows.add('memberships', B.memberships + id, patronId, refs.libraries[m]!.id, typeId, 'ordinary', day(start < end ? start : end - 365), day(end), r() < 0.3);
      const number = wiseCardNumber(SCALE_CARD_BASE + i * 4 + k);
      rows.add('cards', B.cards + id, patronId, refs.libraries[m]!.id, number, number, 'wise');
    });

    // Activity: checkouts a year (0 for the inactive third), open loans, history, reservations.
    const checkouts = r() < INACTIVE_SHARE ? 0 : -Math.log(1 - r()) * ACTIVE_CHECKOUTS_MEAN;
    const open = Math.min(MAX_OPEN_LOANS, poisson(r, (checkouts * DAYS_OUT) / 365));
    const history = Math.min(MAX_HISTORY, Math.floor(checkouts * HISTORY_YEARS + r()));
    const first = Math.floor(q * ITEMS_PER_PATRON);
    const own = Math.floor((q + 1) * ITEMS_PER_PATRON) - first;
    const owned = Array.from({ length: own }, (_, k) => addItem((first + k) * L + l, l, first + k));
    const [, , period, maxRenewals] = typeSpec(home, type);
    let loanSlot = i * LOAN_SLOTS;
    for (let k = 0; k < open; k++) {
      const item = k < own ? owned[k]! : addItem(plan.overflowBase + i * MAX_OPEN_LOANS + k, l, first + k);
      const renewals = Math.min(r() < 0.7 ? 0 : r() < 0.7 ? 1 : 2, maxRenewals);
      const span = period * (renewals + 1);
      // Lent at most span + 10 days ago (some overdue), never after the membership ended.
      const lentOn = Math.min(-int(r, 0, span + 10), homeEnd);
      rows.add('loans', B.loans + loanSlot++, item.id, patronId, refs.libraries[l]!.id, item.branchId, day(lentOn), day(lentOn + span), renewals, null);
    }
    // History: returned loans of its own items over the last HISTORY_YEARS, one day per row, each
    // returned before the earliest open loan (≤ 120 days back); the same item again only `own` rows later.
    const step = Math.max(1, Math.floor((365 * HISTORY_YEARS) / Math.max(1, history)));
    for (let h = 0; h < history; h++) {
      const item = owned[h % own]!;
      const lentOn = -(160 + h * step + int(r, 0, step - 1));
      const kept = Math.min(int(r, 3, 35), (own - 1) * step);
      rows.add('loans', B.loans + loanSlot++, item.id, patronId, refs.libraries[l]!.id, item.branchId, day(lentOn), day(lentOn + 28), 0, day(lentOn + kept));
    }
    // Reservations: mostly head titles by Zipf rank (long queues), some tail titles; distinct titles.
    const nRes = Math.min(RESERVATION_SLOTS, poisson(r, checkouts * RESERVATIONS_PER_CHECKOUT));
    const reserved = new Set<number>();
    for (let k = 0; k < nRes; k++) {
      const titleId =
        r() < TAIL_RESERVATION_SHARE ? B.titles + HEAD_TITLES + Math.floor(r() * plan.tailPool) : headTitleId(refs, zipfRank(plan.zipf, r()));
      if (reserved.has(titleId)) continue;
      reserved.add(titleId);
      const x = r();
      const status = x < 0.6 ? 'waiting' : x < 0.75 ? 'in_transit' : x < 0.9 ? 'ready' : x < 0.95 ? 'fulfilled' : 'cancelled';
      const branches = refs.libraries[l]!.branchIds;
      rows.add('reservations', B.reservations + i * RESERVATION_SLOTS + k, titleId, patronId, branches[Math.floor(r() * branches.length)]!, day(-int(r, 0, 60)), status, status === 'ready' ? day(int(r, 1, 7)) : null);
    }
    // Fees: one patron in five has one or two.
    if (r() < FEE_SHARE) {
      const nFees = int(r, 1, 2);
      for (let k = 0; k < nFees; k++) {
        const kind = pick(r, ['late', 'late', 'late', 'reservation', 'damaged', 'lost', 'contribution'] as const);
        const createdOn = -int(r, 1, 200);
        const amount = kind === 'lost' ? int(r, 1000, 3500) : kind === 'contribution' ? 700 : int(r, 20, 400);
        const label = { late: 'Te laat', reservation: 'Reservering', damaged: 'Beschadigd', lost: 'Verloren', contribution: 'Lidgeld' }[kind];
        rows.add('fees', B.fees + i * FEE_SLOTS + k, patronId, refs.libraries[l]!.id, kind, amount, `${label} (${k + 1})`, day(createdOn), r() < 0.5 ? day(createdOn + int(r, 0, 30)) : null);
      }
    }
  }
  return rows.done();
}
