import { describe, expect, it } from 'vitest';
import { barcodeDrawing, barcodeValue, chooseSymbology, ean13CheckDigit, isValidEan13 } from './card-barcode';

describe('digital card: the EAN-13 check digit', () => {
  it.each([
    ['400638133393', 1],
    ['978020137962', 4],
    ['200012345678', 2],
    ['000000000000', 0],
    ['590123412345', 7],
  ])('%s → %i', (first12, check) => {
    expect(ean13CheckDigit(first12)).toBe(check);
  });

  it.each([
    ['4006381333931', true],
    ['9780201379624', true],
    ['2000123456782', true],
    ['2000123456789', false],
    ['4006381333932', false],
    ['400638133393', false],
    ['40063813339310', false],
    ['400638133393A', false],
    ['', false],
  ])('%s is a valid EAN-13: %s', (value, valid) => {
    expect(isValidEan13(value)).toBe(valid);
  });
});

describe('digital card: Code 128 or EAN-13', () => {
  it.each([
    ['Wise number with a valid check digit', '2000123456782', 'ean13'],
    ['Wise number whose last digit is no check digit', '2000123456789', 'code128'],
    ['UiTPAS number, valid EAN-13', '4006381333931', 'ean13'],
    ['13 digits, wrong check digit', '4006381333932', 'code128'],
    ['national register number (11 digits)', '85073003328', 'code128'],
    ['A-kaart', 'A1234567', 'code128'],
    ['old card with letters in lower case', 'oud-42x', 'code128'],
    ['12 digits (UPC-A length) is not an EAN-13', '036000291452', 'code128'],
    ['32 characters', 'X'.repeat(32), 'code128'],
    ['33 characters: too long to scan from a phone', 'X'.repeat(33), null],
    ['empty', '', null],
    ['outside printable ASCII', 'Ø123', null],
    ['a control character', 'A\t1', null],
  ])('%s: %s → %s', (_what, value, symbology) => {
    expect(chooseSymbology(value)).toBe(symbology);
  });
});

describe('digital card: the value encoded', () => {
  it.each([
    ['no library spelling kept: the normalised number', { number: '2000123456782', sourceNumber: null }, '2000123456782'],
    ['printed separators left out', { number: '85073003328', sourceNumber: '85.07.30-033.28' }, '85073003328'],
    ['spaces left out', { number: '2000123456782', sourceNumber: '2000 1234 56782' }, '2000123456782'],
    ["the library's case kept", { number: 'OUD42X', sourceNumber: 'oud42x' }, 'oud42x'],
    ['a spelling of another number is not used', { number: 'A1234567', sourceNumber: 'A7654321' }, 'A1234567'],
  ])('%s', (_what, card, value) => {
    expect(barcodeValue(card)).toBe(value);
  });
});

describe('digital card: the drawing', () => {
  it('EAN-13 gets its quiet zones of 11 and 7 modules', () => {
    expect(barcodeDrawing('4006381333931')).toMatchObject({ bcid: 'ean13', paddingleft: 11, paddingright: 7, backgroundcolor: 'FFFFFF' });
  });
  it('Code 128 gets 10 modules each side', () => {
    expect(barcodeDrawing('A1234567')).toMatchObject({ bcid: 'code128', text: 'A1234567', paddingleft: 10, paddingright: 10 });
  });
  it('nothing to draw for a value no symbology takes', () => {
    expect(barcodeDrawing('')).toBeNull();
  });
});
