// Small helpers shared by the demo and scale builders: the document's record types, a document
// under construction, card numbers and a seeded PRNG. No database, no clock.
import { FORMAT, type NetworkDocument } from '../import/schema';

type Item<K extends keyof NetworkDocument> = NonNullable<NetworkDocument[K]> extends readonly (infer T)[] ? T : never;

export type RegionDoc = Item<'regions'>;
export type CollectionDoc = Item<'digitalCollections'>;
export type SubscriptionTypeDoc = Item<'subscriptionTypes'>;
export type LibraryDoc = Item<'libraries'>;
export type PatronDoc = Item<'patrons'>;
export type MembershipDoc = NonNullable<PatronDoc['memberships']>[number];
export type GuestMembershipDoc = NonNullable<PatronDoc['guestMemberships']>[number];
export type CardDoc = NonNullable<PatronDoc['cards']>[number];
export type AccountDoc = Item<'accounts'>;
export type TitleDoc = Item<'titles'>;
export type ItemDoc = Item<'items'>;
export type LoanDoc = Item<'loans'>;
export type ReservationDoc = Item<'reservations'>;
export type FeeDoc = Item<'fees'>;

/** A document whose lists are all present, so builders can push into them. */
export interface FullDocument {
  format: typeof FORMAT;
  regions: RegionDoc[];
  digitalCollections: CollectionDoc[];
  subscriptionTypes: SubscriptionTypeDoc[];
  libraries: LibraryDoc[];
  patrons: PatronDoc[];
  accounts: AccountDoc[];
  titles: TitleDoc[];
  items: ItemDoc[];
  loans: LoanDoc[];
  reservations: ReservationDoc[];
  fees: FeeDoc[];
}

export function emptyDocument(): FullDocument {
  return {
    format: FORMAT,
    regions: [],
    digitalCollections: [],
    subscriptionTypes: [],
    libraries: [],
    patrons: [],
    accounts: [],
    titles: [],
    items: [],
    loans: [],
    reservations: [],
    fees: [],
  };
}

/**
 * A Belgian national register number (eID card number): YYMMDD + 3-digit serial + 2 check digits,
 * check = 97 − (first nine digits mod 97), with a `2` before the nine digits for people born in
 * 2000 or later.
 */
export function nationalRegisterNumber(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const nine = `${y.slice(2)}${m}${d}${String(serial).padStart(3, '0')}`;
  const base = Number(y) >= 2000 ? 2_000_000_000 + Number(nine) : Number(nine);
  return `${nine}${String(97 - (base % 97)).padStart(2, '0')}`;
}

/** A Wise library-card barcode: `2000` + 9 digits. */
export function wiseCardNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new RangeError(`card serial out of range: ${n}`);
  return `2000${String(n).padStart(9, '0')}`;
}

/** A regional item barcode: `3000` + 9 digits (R4: new regional barcodes start with 3000). */
export function itemBarcode(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new RangeError(`barcode serial out of range: ${n}`);
  return `3000${String(n).padStart(9, '0')}`;
}

/** mulberry32: a small, fast, seeded PRNG. Deterministic: same seed, same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
