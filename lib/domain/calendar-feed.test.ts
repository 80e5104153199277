import { describe, expect, it } from 'vitest';
import { parseIcs } from '@/test/support/parse-ics';
import {
  buildCalendarEvents,
  calendarFeedThrottleKey,
  CALENDAR_FEED_PER_CLIENT,
  escapeText,
  foldLine,
  utcStamp,
  writeCalendar,
  type FeedLoan,
  type FeedLocale,
  type FeedPickup,
} from './calendar-feed';

const loan = (over: Partial<FeedLoan> = {}): FeedLoan => ({ id: 7, dueOn: '2026-12-03', renewals: 1, title: 'Kuifje in Tibet', libraryName: 'Bibliotheek Zottegem', ...over });
const pickup = (over: Partial<FeedPickup> = {}): FeedPickup => ({
  id: 9,
  readyUntil: '2026-12-01',
  title: 'Het gouden ei',
  libraryName: 'Bibliotheek Oosterzele',
  branchName: 'Oosterzele',
  ...over,
});
const NOW = new Date('2026-11-29T22:55:00.123Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('Calendar feed events: one all-day event per due date and last pick-up day, in the account language', () => {
  it.each<{ name: string; locale: FeedLocale; loans: FeedLoan[]; pickups: FeedPickup[]; expected: { uid: string; date: string; summary: string; sequence: number }[] }>([
    { name: 'nothing', locale: 'nl', loans: [], pickups: [], expected: [] },
    {
      name: 'a loan in Dutch',
      locale: 'nl',
      loans: [loan()],
      pickups: [],
      expected: [{ uid: 'loan-7@mijn-bibliotheek', date: '2026-12-03', summary: 'Inleveren: ‘Kuifje in Tibet’ (Bibliotheek Zottegem)', sequence: 1 }],
    },
    {
      name: 'a loan in English',
      locale: 'en',
      loans: [loan({ renewals: 0 })],
      pickups: [],
      expected: [{ uid: 'loan-7@mijn-bibliotheek', date: '2026-12-03', summary: 'Return: ‘Kuifje in Tibet’ (Bibliotheek Zottegem)', sequence: 0 }],
    },
    {
      name: 'a pick-up in Dutch',
      locale: 'nl',
      loans: [],
      pickups: [pickup()],
      expected: [{ uid: 'reservation-9@mijn-bibliotheek', date: '2026-12-01', summary: 'Afhalen tot vandaag: ‘Het gouden ei’ (Oosterzele)', sequence: 0 }],
    },
    {
      name: 'a pick-up in English',
      locale: 'en',
      loans: [],
      pickups: [pickup()],
      expected: [{ uid: 'reservation-9@mijn-bibliotheek', date: '2026-12-01', summary: 'Pick up by today: ‘Het gouden ei’ (Oosterzele)', sequence: 0 }],
    },
    {
      name: 'by day; on one day loans first, then by id',
      locale: 'nl',
      loans: [loan({ id: 12, dueOn: '2026-12-01' }), loan({ id: 3, dueOn: '2026-12-05' }), loan({ id: 5, dueOn: '2026-12-01' })],
      pickups: [pickup({ id: 1, readyUntil: '2026-12-01' })],
      expected: [
        { uid: 'loan-5@mijn-bibliotheek', date: '2026-12-01', summary: expect.any(String), sequence: 1 },
        { uid: 'loan-12@mijn-bibliotheek', date: '2026-12-01', summary: expect.any(String), sequence: 1 },
        { uid: 'reservation-1@mijn-bibliotheek', date: '2026-12-01', summary: expect.any(String), sequence: 0 },
        { uid: 'loan-3@mijn-bibliotheek', date: '2026-12-05', summary: expect.any(String), sequence: 1 },
      ],
    },
  ])('$name', ({ locale, loans, pickups, expected }) => {
    const events = buildCalendarEvents({ locale, loans, pickups });
    expect(events.map(({ uid, date, summary, sequence }) => ({ uid, date, summary, sequence }))).toEqual(expected);
  });

  it('the UID follows the loan, not its date: a renewal moves the same event and raises its SEQUENCE', () => {
    const [before] = buildCalendarEvents({ locale: 'nl', loans: [loan({ dueOn: '2026-12-03', renewals: 0 })], pickups: [] });
    const [after] = buildCalendarEvents({ locale: 'nl', loans: [loan({ dueOn: '2026-12-24', renewals: 1 })], pickups: [] });
    expect(after!.uid).toBe(before!.uid);
    expect(after!.sequence).toBeGreaterThan(before!.sequence);
  });
});

describe('Calendar feed text (RFC 5545): escaping and folding', () => {
  it.each([
    ['plain', 'Kuifje', 'Kuifje'],
    ['comma and semicolon', 'Ik, Jan; en jij', 'Ik\\, Jan\\; en jij'],
    ['backslash', 'a\\b', 'a\\\\b'],
    ['line breaks', 'een\ntwee\r\ndrie', 'een\\ntwee\\ndrie'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it.each([
    ['short line, unchanged', 'SUMMARY:kort', 1],
    ['exactly 75 octets, unchanged', `SUMMARY:${'x'.repeat(67)}`, 1],
    ['76 octets, two lines', `SUMMARY:${'x'.repeat(68)}`, 2],
    ['multi-byte characters never split', `SUMMARY:${'é'.repeat(100)}`, 3],
    ['emoji (surrogate pairs) never split', `SUMMARY:${'📚'.repeat(40)}`, 3],
  ])('folds %s', (_name, line, lines) => {
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts).toHaveLength(lines);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    // Unfolding gives the line back, character for character.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(parts[0]!))).not.toThrow();
  });

  it('DTSTAMP in UTC form, without milliseconds', () => {
    expect(utcStamp(NOW)).toBe('20261129T225500Z');
  });
});

describe('Calendar feed document, read back by an independent parser (ical.js)', () => {
  it('all-day events with stable UIDs, the account language, a UTC DTSTAMP; long titles with commas survive', () => {
    const longTitle = 'De ontdekking van de hemel, deel één; een roman over Amsterdam, liefde en "Gödel" — met \\ en nog veel meer tekst';
    const events = buildCalendarEvents({ locale: 'nl', loans: [loan({ title: longTitle })], pickups: [pickup()] });
    const text = writeCalendar({ locale: 'nl', events, now: NOW });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    const parsed = parseIcs(text);
    expect(parsed.version).toBe('2.0');
    expect(parsed.name).toBe('Mijn Bibliotheek: inleveren en afhalen');
    expect(parsed.events).toEqual([
      {
        uid: 'reservation-9@mijn-bibliotheek',
        summary: 'Afhalen tot vandaag: ‘Het gouden ei’ (Oosterzele)',
        description: 'Ligt klaar in Bibliotheek Oosterzele, Oosterzele. Vandaag is de laatste dag om het af te halen.',
        start: '2026-12-01',
        end: '2026-12-02',
        allDay: true,
        sequence: 0,
        stamp: '2026-11-29T22:55:00.000Z',
        stampIsUtc: true,
        language: 'nl',
      },
      {
        uid: 'loan-7@mijn-bibliotheek',
        summary: `Inleveren: ‘${longTitle}’ (Bibliotheek Zottegem)`,
        description: 'Laatste dag om in te leveren of te verlengen.',
        start: '2026-12-03',
        end: '2026-12-04',
        allDay: true,
        sequence: 1,
        stamp: '2026-11-29T22:55:00.000Z',
        stampIsUtc: true,
        language: 'nl',
      },
    ]);
  });

  it('an empty feed is still a valid calendar; the last day of a month ends on the next month', () => {
    expect(parseIcs(writeCalendar({ locale: 'en', events: [], now: NOW }))).toMatchObject({ name: 'Mijn Bibliotheek: returns and pick-ups', events: [] });
    const events = buildCalendarEvents({ locale: 'en', loans: [loan({ dueOn: '2026-12-31' })], pickups: [] });
    expect(parseIcs(writeCalendar({ locale: 'en', events, now: NOW })).events[0]).toMatchObject({ start: '2026-12-31', end: '2027-01-01', allDay: true });
  });
});

describe('Calendar feed throttle: per client address', () => {
  it('one bucket per address, cut to 64 characters', () => {
    expect(calendarFeedThrottleKey('203.0.113.9')).toEqual({ key: 'calendar:client:203.0.113.9', policy: CALENDAR_FEED_PER_CLIENT });
    expect(calendarFeedThrottleKey('x'.repeat(100)).key).toBe(`calendar:client:${'x'.repeat(64)}`);
  });
});
