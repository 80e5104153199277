import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isValidIsoDate,
  maxDate,
  minDate,
  todayInBrussels,
} from './dates';

describe('R7 RN6 dates: isValidIsoDate (date-only fields)', () => {
  it.each([
    ['2026-11-30', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['2026-11-30T00:00:00Z', false],
    ['', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe('RN6 dates: addDays across month, year and DST boundaries', () => {
  it.each([
    ['2026-11-01', 28, '2026-11-29'],
    ['2026-12-20', 14, '2027-01-03'],
    ['2026-03-28', 1, '2026-03-29'], // Brussels switches to summer time overnight
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'], // and back to winter time
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-05-05', 0, '2026-05-05'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects a malformed date instead of computing garbage', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('R11 dates: addMonths clamps to the end of the month', () => {
  it.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-09-01', 3, '2026-12-01'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-05', 0, '2026-05-05'],
    ['2026-05-05', 24, '2028-05-05'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('R7 dates: daysBetween', () => {
  it.each([
    ['2026-11-01', '2026-11-29', 28],
    ['2026-11-29', '2026-11-01', -28],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-06-01', '2026-06-01', 0],
  ])('%s → %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('R6 RN6 dates: compareDates, minDate, maxDate', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ] as const)('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it.each([
    [['2026-05-01'], '2026-05-01', '2026-05-01'],
    [['2026-05-01', '2026-04-30', '2026-06-01'], '2026-04-30', '2026-06-01'],
    [['2027-01-01', '2026-12-31'], '2026-12-31', '2027-01-01'],
  ])('min/max of %j = %s / %s', (dates, min, max) => {
    const [first, ...rest] = dates as [string, ...string[]];
    expect(minDate(first, ...rest)).toBe(min);
    expect(maxDate(first, ...rest)).toBe(max);
  });
});

describe('R7 RN6 dates: todayInBrussels uses the Brussels calendar day', () => {
  it.each([
    ['2026-11-20T12:00:00Z', '2026-11-20'],
    ['2026-11-20T22:59:59Z', '2026-11-20'], // 23:59:59 in winter (UTC+1)
    ['2026-11-20T23:00:00Z', '2026-11-21'], // midnight in Brussels, still the 20th in UTC
    ['2026-06-30T21:59:59Z', '2026-06-30'], // 23:59:59 in summer (UTC+2)
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s → %s', (instant, expected) => {
    expect(todayInBrussels(new Date(instant))).toBe(expected);
  });
});
