// Card numbers (DOMAIN "The network"): a Wise barcode, a Belgian national register number (eID),
// an UiTPAS number, an A-kaart, or an old card without a unique barcode. The kind is derived from
// the number so the import and the portal agree on it; the names match db/schema CARD_KINDS.

export type CardKind = 'wise' | 'eid' | 'uitpas' | 'akaart' | 'other';

/**
 * Strips what people type or print between digits (spaces, dots, dashes, slashes) and upper-cases
 * letters: `85.07.30-033.28` and `2000 1234 56789` are the numbers `85073003328`, `2000123456789`.
 */
export function normaliseCardNumber(value: string): string {
  return value.replace(/[\s.\-/]/g, '').toUpperCase();
}

/**
 * Belgian national register number: YYMMDD + 3-digit serial + 2 check digits, where
 * check = 97 − (first 9 digits mod 97); for people born in 2000 or later the 9 digits are
 * prefixed with `2` before taking the remainder. The birth date is not checked: register numbers
 * for people with an unknown birth date (and bis numbers) use month 00 or month + 20/40.
 */
export function isNationalRegisterNumber(value: string): boolean {
  const digits = normaliseCardNumber(value);
  if (!/^\d{11}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return check === 97 - (base % 97) || check === 97 - ((2_000_000_000 + base) % 97);
}

/**
 * Classifies a card number (after normalising). Checked in this order, first match wins:
 * - `eid`: 11 digits with a valid national-register check (before Wise: an 11-digit number is never
 *   a Wise barcode, which is 13 digits, and the check makes a chance collision unlikely);
 * - `wise`: digits starting with `2000` (the unique Wise library-card barcode);
 * - `uitpas`: 13 digits not starting with `2000` (UiTPAS cards carry a 13-digit number);
 * - `akaart`: `A` followed by 6–16 digits. No public format exists for the Antwerp A-kaart; this is
 *   our assumption, kept narrow so that other letter-prefixed numbers stay `other`;
 * - `other`: everything else (old cards without a unique barcode).
 */
export function classifyCardNumber(value: string): CardKind {
  const n = normaliseCardNumber(value);
  if (isNationalRegisterNumber(n)) return 'eid';
  if (/^2000\d+$/.test(n)) return 'wise';
  if (/^\d{13}$/.test(n)) return 'uitpas';
  if (/^A\d{6,16}$/.test(n)) return 'akaart';
  return 'other';
}

/**
 * For display: the last four characters with a short mask before them (`•••• 6789`). A card
 * number can be a national register number, which is personal data, so it is never shown whole;
 * numbers of four characters or fewer are masked entirely.
 */
export function maskCardNumber(value: string): string {
  const n = normaliseCardNumber(value);
  if (n.length <= 4) return '••••';
  return `•••• ${n.slice(-4)}`;
}

/** Every card kind, in the order a patron meets them (db/schema CARD_KINDS has the same names). */
export const CARD_KINDS: readonly CardKind[] = ['wise', 'eid', 'uitpas', 'akaart', 'other'];

/** Narrows a stored `cards.kind`; anything unknown reads as `other`. */
export function asCardKind(value: string): CardKind {
  return (CARD_KINDS as readonly string[]).includes(value) ? (value as CardKind) : 'other';
}

/**
 * An old card without a unique barcode (`other`): the region's libraries cannot add it as a card
 * of their own, so the kiosk of another library may refuse it and the desk replaces it by a new
 * regional card ("Heeft de lener nog een oud pasje dan moet je dit eerst vervangen"). The Wise
 * barcode (2000…), the national register number (eID), UiTPAS and A-kaart are all accepted.
 */
export function cardNeedsReplacement(kind: CardKind): boolean {
  return kind === 'other';
}
