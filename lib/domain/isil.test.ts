import { describe, expect, it } from 'vitest';
import { isilSystemPrefix, lookupLibraryByIsil, parseIsil } from './isil';

describe('R13 parseIsil', () => {
  it.each([
    ['NL-0702881037', { isil: 'NL-0702881037', prefix: 'NL', identifier: '0702881037' }],
    [' nl-0702881037 ', { isil: 'NL-0702881037', prefix: 'NL', identifier: '0702881037' }],
    ['BE-ZOT01', { isil: 'BE-ZOT01', prefix: 'BE', identifier: 'ZOT01' }],
    ['NL-070288', { isil: 'NL-070288', prefix: 'NL', identifier: '070288' }],
    ['0702881037', null],
    ['NL-', null],
    ['NL-012345678901', null], // identifier longer than 11
    ['NL 0702881037', null],
    ['', null],
  ])('%j → %j', (value, expected) => {
    expect(parseIsil(value)).toEqual(expected);
  });
});

describe('R13 isilSystemPrefix drops the last four digits', () => {
  it.each([
    ['NL-0702881037', 'NL-070288'],
    ['NL-0702881045', 'NL-070288'],
    ['nl-0401230001', 'NL-040123'],
    ['BE-ZOT01', null],
    ['NL-1037', null], // nothing would be left
    ['NL-07028810AB', null],
    ['not an isil', null],
  ])('%s → %s', (isil, expected) => {
    expect(isilSystemPrefix(isil)).toBe(expected);
  });
});

describe('R13 lookupLibraryByIsil falls back to the system prefix', () => {
  const schiermonnikoog = { isil: 'NL-0702881037', name: 'Schiermonnikoog' };
  const ameland = { isil: 'NL-0702881045', name: 'Ameland' };
  const system = { isil: 'NL-070288', name: 'Bibliotheekstelsel 070288' };
  const zottegem = { isil: 'BE-ZOT01', name: 'Bibliotheek Zottegem' };

  it.each([
    ['exact match', 'NL-0702881037', [ameland, schiermonnikoog, zottegem], schiermonnikoog, 'exact'],
    ['exact match, case-insensitive', 'be-zot01', [zottegem], zottegem, 'exact'],
    ['unknown branch → branch of the same system', 'NL-0702881046', [zottegem, schiermonnikoog], schiermonnikoog, 'system'],
    ['unknown branch → lowest ISIL of the system', 'NL-0702881046', [ameland, schiermonnikoog], schiermonnikoog, 'system'],
    ['unknown branch → system entry wins over a branch', 'NL-0702881046', [ameland, system], system, 'system'],
    ['unknown system', 'NL-0999991037', [ameland, system, zottegem], null, null],
    ['unknown ISIL without system prefix', 'BE-OOS01', [zottegem], null, null],
    ['malformed input', 'garbage', [zottegem], null, null],
  ])('%s', (_name, isil, known, library, match) => {
    const result = lookupLibraryByIsil(isil, known);
    expect(result).toEqual(library ? { library, match } : null);
  });

  it.each([
    ['NL-0702881037', schiermonnikoog, 'exact'],
    ['NL-0702881099', system, 'system'],
  ] as const)('with a Map keyed by ISIL: %s', (isil, library, match) => {
    const known = new Map([schiermonnikoog, system].map((l) => [l.isil, l]));
    expect(lookupLibraryByIsil(isil, known)).toEqual({ library, match });
  });
});
