import { describe, expect, it } from 'vitest';
import { formatSipDate, parseSipDate } from './dates';

describe('formatSipDate', () => {
  it('writes local time with a blank zone (YYYYMMDDZZZZHHMMSS)', () => {
    expect(formatSipDate(new Date(2026, 10, 29, 9, 5, 7))).toBe('20261129    090507');
    expect(formatSipDate(new Date(2026, 0, 1, 0, 0, 0))).toHaveLength(18);
  });
});

describe('parseSipDate', () => {
  it.each([
    ['20261129    090507', new Date(2026, 10, 29, 9, 5, 7)],
    ['20261129   Z090507', new Date(Date.UTC(2026, 10, 29, 9, 5, 7))],
    ['20261129Z   090507', new Date(Date.UTC(2026, 10, 29, 9, 5, 7))],
  ])('%s', (text, date) => {
    expect(parseSipDate(text)).toEqual(date);
  });

  it.each([
    [''],
    [null],
    ['                  '],
    ['2026-11-29 09:05:07'], // free-format AH some systems send: not a SIP date
    ['20261345    090507'],
    ['20260230    090507'],
    ['20261129    250000'],
    ['20261129 EST090507'],
    ['20261129    0905'],
  ])('%s → null', (text) => {
    expect(parseSipDate(text)).toBeNull();
  });
});
