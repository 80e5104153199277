// The digital library card's barcode: which symbology a card number is drawn in, and the drawing's
// measures (quiet zones, module width, bar height) for a desk or kiosk scanner reading a phone.
// Pure: the renderer (bwip-js, in components/card/) takes these options as they are, and the test
// that decodes the drawing with a real reader (zbarimg) uses the same ones.
import { normaliseCardNumber } from './card-number';

export type BarcodeSymbology = 'ean13' | 'code128';

/**
 * The value a card's barcode encodes: the number as the library exported it (`sourceNumber`, the
 * spelling its own system knows the card by — a desk scanner types exactly what is encoded), with
 * the separators people print between digits (spaces, dots, dashes, slashes) left out as the
 * normalised number does, but letters in the library's own case; the normalised number when the
 * library's spelling was not kept.
 */
export function barcodeValue(card: { number: string; sourceNumber: string | null }): string {
  if (card.sourceNumber === null) return card.number;
  const stripped = card.sourceNumber.replace(/[\s.\-/]/g, '');
  // Only a spelling that is the same card number (up to case) stands in for it.
  return normaliseCardNumber(stripped) === card.number ? stripped : card.number;
}

/** The GS1 check digit of the first 12 digits of an EAN-13: weights 1, 3, 1, 3, … from the left. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error('ean13CheckDigit: 12 digits expected');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** 13 digits whose last one is the GS1 check digit of the first twelve. */
export function isValidEan13(value: string): boolean {
  return /^\d{13}$/.test(value) && ean13CheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/**
 * EAN-13 when the value is a valid EAN-13 (what the library printed on a Wise or UiTPAS card, and
 * what every desk scanner reads); otherwise Code 128, which encodes any printable ASCII text (digits
 * in pairs, so it stays short); null when the value cannot be drawn (empty, too long for a phone's
 * width, or a character outside printable ASCII) — the page then shows the number only.
 */
export function chooseSymbology(value: string): BarcodeSymbology | null {
  if (isValidEan13(value)) return 'ean13';
  if (value.length === 0 || value.length > MAX_CODE128_LENGTH) return null;
  return /^[\x20-\x7e]+$/.test(value) ? 'code128' : null;
}

/** Longer numbers make modules too narrow to scan from a phone held at a desk scanner. */
export const MAX_CODE128_LENGTH = 32;

/** bwip-js options of a card's barcode; the units are modules (the narrowest bar). */
export interface BarcodeDrawing {
  bcid: BarcodeSymbology;
  text: string;
  /** Pixels per module in a PNG (an SVG scales with the page; see the component). */
  scale: number;
  /** Bar height in millimetres at scale 1 (bwip-js): tall enough for a hand-held scanner's line. */
  height: number;
  /** Quiet zones in modules: Code 128 needs 10 each side; EAN-13 needs 11 left and 7 right. */
  paddingleft: number;
  paddingright: number;
  paddingtop: number;
  paddingbottom: number;
  /** White behind the bars, quiet zones included (a dark page must not show through). */
  backgroundcolor: string;
}

/** The drawing of a card number's barcode, or null when it cannot be drawn (see chooseSymbology). */
export function barcodeDrawing(value: string): BarcodeDrawing | null {
  const bcid = chooseSymbology(value);
  if (bcid === null) return null;
  const quiet = bcid === 'ean13' ? { left: 11, right: 7 } : { left: 10, right: 10 };
  return {
    bcid,
    text: value,
    scale: 3,
    height: 18,
    paddingleft: quiet.left,
    paddingright: quiet.right,
    paddingtop: 4,
    paddingbottom: 4,
    backgroundcolor: 'FFFFFF',
  };
}
