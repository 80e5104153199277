import { describe, expect, it } from 'vitest';
import {
  asCardKind,
  cardNeedsReplacement,
  classifyCardNumber,
  isNationalRegisterNumber,
  maskCardNumber,
  normaliseCardNumber,
} from './card-number';

describe('P1 P2 card numbers: normaliseCardNumber', () => {
  it.each([
    ['2000 1234 56789', '2000123456789'],
    ['85.07.30-033.28', '85073003328'],
    [' a123-4567 ', 'A1234567'],
    ['2000/123', '2000123'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(normaliseCardNumber(value)).toBe(expected);
  });
});

describe('P1 P2 card numbers: isNationalRegisterNumber (eID mod-97 check)', () => {
  it.each([
    ['85073003328', true], // born 1985
    ['85.07.30-033.28', true],
    ['85041200194', true],
    ['00010112377', true], // born 2000: `2` prefixed before mod 97
    ['12031545675', true], // born 2012
    ['00010112348', true], // same digits, valid with the pre-2000 check
    ['85073003329', false],
    ['12031545646', true],
    ['12031545600', false],
    ['8507300332', false], // 10 digits
    ['850730033280', false], // 12 digits
    ['8507300332A', false],
  ])('%s → %s', (value, expected) => {
    expect(isNationalRegisterNumber(value)).toBe(expected);
  });
});

describe('P1 P2 card numbers: classifyCardNumber', () => {
  it.each([
    ['2000123456789', 'wise'],
    ['2000 1234 56789', 'wise'],
    ['20001234', 'wise'],
    ['85073003328', 'eid'],
    ['85.07.30-033.28', 'eid'],
    ['00010112377', 'eid'],
    ['85073003329', 'other'], // 11 digits, bad check
    ['4123456789012', 'uitpas'],
    ['0930000420206', 'uitpas'],
    ['A1234567', 'akaart'],
    ['a-123456', 'akaart'],
    ['A12345', 'other'], // too short for an A-kaart
    ['B1234567', 'other'],
    ['12345', 'other'],
    ['', 'other'],
  ])('%s → %s', (value, expected) => {
    expect(classifyCardNumber(value)).toBe(expected);
  });
});

describe('P1 P2 card numbers: maskCardNumber', () => {
  it.each([
    ['2000123456789', '•••• 6789'],
    ['85.07.30-033.28', '•••• 3328'],
    ['A1234567', '•••• 4567'],
    ['12345', '•••• 2345'],
    ['1234', '••••'],
    ['', '••••'],
  ])('%s → %s', (value, expected) => {
    expect(maskCardNumber(value)).toBe(expected);
  });
});

describe('card kinds: an old card without a unique barcode needs a new regional card', () => {
  it.each([
    ['wise', false],
    ['eid', false],
    ['uitpas', false],
    ['akaart', false],
    ['other', true],
  ] as const)('%s → needs replacement %s', (kind, expected) => {
    expect(cardNeedsReplacement(asCardKind(kind))).toBe(expected);
  });

  it.each([
    ['wise', 'wise'],
    ['akaart', 'akaart'],
    ['', 'other'],
    ['barcode', 'other'],
  ])('stored kind %j reads as %s', (stored, kind) => {
    expect(asCardKind(stored)).toBe(kind);
  });

  it.each([
    ['2000123456789', 'wise', false],
    ['85073003328', 'eid', false],
    ['1234567890123', 'uitpas', false],
    ['A1234567', 'akaart', false],
    ['ZOT-004711', 'other', true],
  ] as const)('number %s is a %s card; needs replacement %s', (number, kind, needs) => {
    expect(classifyCardNumber(number)).toBe(kind);
    expect(cardNeedsReplacement(classifyCardNumber(number))).toBe(needs);
  });
});
