// Money is integer euro cents everywhere (ARCHITECTURE: dates and money); F1 outstanding amounts.

/** Throws on a non-integer amount: a fractional cent means a bug upstream, not a rounding choice. */
function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an integer amount of cents: ${cents}`);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** `150` → `€ 1,50` (nl-BE) or `€1.50` (en). Formatters are cached per locale. */
export function formatCents(cents: number, locale = 'nl-BE'): string {
  assertCents(cents);
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    formatters.set(locale, formatter);
  }
  return formatter.format(cents / 100);
}

/** Sum of amounts in cents. */
export function sumCents(amounts: readonly number[]): number {
  return amounts.reduce((total, cents) => {
    assertCents(cents);
    return total + cents;
  }, 0);
}

/**
 * F1/RN5: outstanding fees in a region block renewal once they reach the region's threshold.
 * A threshold of 0 means the region does not block on fees: read literally ("0 reached") it would
 * block every patron, even one who owes nothing, which no library intends.
 */
export function feeBlocks(totalCents: number, thresholdCents: number): boolean {
  assertCents(totalCents);
  assertCents(thresholdCents);
  return thresholdCents > 0 && totalCents >= thresholdCents;
}
