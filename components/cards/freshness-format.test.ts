import { describe, expect, it } from 'vitest';
import { freshnessLines } from './freshness-format';

// 14:05 in Brussels (winter time, UTC+1) on 20 November 2026.
const now = new Date('2026-11-20T13:05:00Z');
const entry = (fetchedAt: string | null, unreachable = false) => ({ libraryId: 1, libraryName: 'Bibliotheek Zottegem', fetchedAt, unreachable });

describe('L3 freshness sentences', () => {
  it.each([
    ['fetched today: the time in Brussels', entry('2026-11-20T13:05:00Z'), 'nl', { key: 'updatedToday', values: { library: 'Bibliotheek Zottegem', time: '14:05' }, warning: false }],
    ['fetched today in PostgreSQL\'s notation', entry('2026-11-20 13:05:00+00'), 'en', { key: 'updatedToday', values: { library: 'Bibliotheek Zottegem', time: '14:05' }, warning: false }],
    ['just after midnight in Brussels is that day, not the day before in UTC', entry('2026-11-19T23:30:00Z'), 'nl', { key: 'updatedToday', values: { library: 'Bibliotheek Zottegem', time: '00:30' }, warning: false }],
    ['an earlier day: with the date', entry('2026-11-18T08:00:00Z'), 'nl', { key: 'updatedOn', values: { library: 'Bibliotheek Zottegem', time: '09:00', date: '18 november' }, warning: false }],
    ['an earlier year: with the year', entry('2025-07-01T08:00:00Z'), 'en', { key: 'updatedOn', values: { library: 'Bibliotheek Zottegem', time: '10:00', date: '1 July 2025' }, warning: false }],
    ['never fetched', entry(null), 'nl', { key: 'never', values: { library: 'Bibliotheek Zottegem' }, warning: false }],
    ['unreachable now: the age of the copy', entry('2026-11-20T12:00:00Z', true), 'nl', { key: 'unreachable', values: { library: 'Bibliotheek Zottegem', time: '13:00' }, warning: true }],
    ['unreachable, copy from another day', entry('2026-11-10T12:00:00Z', true), 'nl', { key: 'unreachableOn', values: { library: 'Bibliotheek Zottegem', time: '13:00', date: '10 november' }, warning: true }],
    ['unreachable and never fetched', entry(null, true), 'en', { key: 'unreachableNever', values: { library: 'Bibliotheek Zottegem' }, warning: true }],
  ] as const)('%s', (_name, input, locale, expected) => {
    expect(freshnessLines([input], now, locale)).toEqual([{ libraryId: 1, ...expected }]);
  });
});
