import { describe, expect, it } from 'vitest';
import { feeBlocks, formatCents, sumCents } from './money';

const nbsp = '\u00a0';

describe('F1 money: formatCents', () => {
  it.each([
    [150, 'nl-BE', `€${nbsp}1,50`],
    [0, 'nl-BE', `€${nbsp}0,00`],
    [123456, 'nl-BE', `€${nbsp}1.234,56`],
    [5, 'nl-BE', `€${nbsp}0,05`],
    [150, 'en', '€1.50'],
  ])('%i cents in %s → %s', (cents, locale, expected) => {
    expect(formatCents(cents, locale)).toBe(expected);
  });

  it('F1 uses nl-BE by default', () => {
    expect(formatCents(250)).toBe(`€${nbsp}2,50`);
  });

  it('F1 refuses fractional cents', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });
});

describe('F1 money: sums', () => {
  it.each([
    [[], 0],
    [[150], 150],
    [[150, 200, 5], 355],
  ])('sumCents(%j) = %i', (amounts, expected) => {
    expect(sumCents(amounts)).toBe(expected);
  });

  it('F1 sums refuse fractional cents', () => {
    expect(() => sumCents([1, 0.5])).toThrow(RangeError);
  });
});

describe('F1 RN5 feeBlocks', () => {
  it.each([
    ['below the threshold', 499, 500, false],
    ['at the threshold', 500, 500, true],
    ['above the threshold', 501, 500, true],
    ['nothing owed', 0, 500, false],
    ['threshold 0: never blocks', 10_000, 0, false],
    ['threshold 0, nothing owed', 0, 0, false],
  ])('%s', (_name, total, threshold, expected) => {
    expect(feeBlocks(total, threshold)).toBe(expected);
  });
});
