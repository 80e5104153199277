// The private calendar feed (ICS, RFC 5545) of an account: every open loan's due date and every
// ready reservation's last pick-up day, as all-day events, worded in the account's language.
//
// Written by hand rather than with a library (`ics` on npm): what the feed needs is a handful of
// properties on all-day events — a library adds a dependency tree (its input validation) for what is
// here some forty lines, and still leaves the wording, the stable UIDs and the dates to us. What a
// writer must get right is here and tested: CRLF line ends, text escaping (§3.3.11), folding at 75
// octets without splitting a UTF-8 character (§3.1), DATE values, DTSTAMP in UTC. The tests parse
// the output with an independent parser (ical.js).
import { addDays, type IsoDate } from './dates';
import type { ThrottlePolicy } from './throttle';

export type FeedLocale = 'nl' | 'en';

/**
 * Feed requests per client address, every request counted (found or not): 60 in 15 min → 15 min,
 * doubling to 1 h. A calendar app polls a few times an hour at most; guessing a 256-bit secret is
 * hopeless anyway, this keeps anyone from hammering the look-up.
 */
export const CALENDAR_FEED_PER_CLIENT: ThrottlePolicy = { maxFailures: 60, windowMs: 15 * 60_000, lockMs: 15 * 60_000, maxLockMs: 60 * 60_000 };

/** The client's bucket (an address is at most 64 characters of the key). */
export const calendarFeedThrottleKey = (clientAddress: string) => ({
  key: `calendar:client:${clientAddress.slice(0, 64)}`,
  policy: CALENDAR_FEED_PER_CLIENT,
});

/** An open loan of one of the account's patrons: returned by its due date. */
export interface FeedLoan {
  id: number;
  dueOn: IsoDate;
  renewals: number;
  title: string;
  libraryName: string;
}

/** A reservation ready to be picked up, until (and including) `readyUntil`. */
export interface FeedPickup {
  id: number;
  readyUntil: IsoDate;
  title: string;
  libraryName: string;
  branchName: string;
}

export interface CalendarEvent {
  /** Stable per loan or reservation, so a client updates the event when its date moves. */
  uid: string;
  /** The all-day event's day (DTSTART;VALUE=DATE); DTEND is the next day. */
  date: IsoDate;
  summary: string;
  description: string;
  /** Grows with every renewal of a loan: a client sees a newer version of the event. */
  sequence: number;
}

const WORDS = {
  nl: {
    calendarName: 'Mijn Bibliotheek: inleveren en afhalen',
    returnSummary: (title: string, library: string) => `Inleveren: ‘${title}’ (${library})`,
    returnDescription: 'Laatste dag om in te leveren of te verlengen.',
    pickupSummary: (title: string, branch: string) => `Afhalen tot vandaag: ‘${title}’ (${branch})`,
    pickupDescription: (library: string, branch: string) => `Ligt klaar in ${library}, ${branch}. Vandaag is de laatste dag om het af te halen.`,
  },
  en: {
    calendarName: 'Mijn Bibliotheek: returns and pick-ups',
    returnSummary: (title: string, library: string) => `Return: ‘${title}’ (${library})`,
    returnDescription: 'Last day to return or renew.',
    pickupSummary: (title: string, branch: string) => `Pick up by today: ‘${title}’ (${branch})`,
    pickupDescription: (library: string, branch: string) => `Ready at ${library}, ${branch}. Today is the last day to pick it up.`,
  },
} as const;

export const UID_DOMAIN = 'mijn-bibliotheek';

/** The events of a feed, ordered by day, loans before pick-ups on the same day, then by id. */
export function buildCalendarEvents(input: { locale: FeedLocale; loans: FeedLoan[]; pickups: FeedPickup[] }): CalendarEvent[] {
  const words = WORDS[input.locale];
  const loans = input.loans.map((loan) => ({
    order: 0,
    id: loan.id,
    event: {
      uid: `loan-${loan.id}@${UID_DOMAIN}`,
      date: loan.dueOn,
      summary: words.returnSummary(loan.title, loan.libraryName),
      description: words.returnDescription,
      sequence: loan.renewals,
    },
  }));
  const pickups = input.pickups.map((pickup) => ({
    order: 1,
    id: pickup.id,
    event: {
      uid: `reservation-${pickup.id}@${UID_DOMAIN}`,
      date: pickup.readyUntil,
      summary: words.pickupSummary(pickup.title, pickup.branchName),
      description: words.pickupDescription(pickup.libraryName, pickup.branchName),
      sequence: 0,
    },
  }));
  return [...loans, ...pickups]
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.order - b.order || a.id - b.id))
    .map((e) => e.event);
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF and one space before each continuation,
 * never inside a UTF-8 character (nor inside a surrogate pair).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation's leading space counts, so 74 more per line.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (date: IsoDate) => date.replace(/-/g, '');

/** A UTC instant as DATE-TIME in UTC form: `20261129T225500Z`. */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The whole calendar: VCALENDAR with one VEVENT per event; every line folded, CRLF line ends.
 * All-day dates need no time zone (a DATE is the same day everywhere); X-WR-TIMEZONE tells clients
 * the feed's days are Brussels days. DTSTAMP is the moment the feed was made, in UTC.
 */
export function writeCalendar(input: { locale: FeedLocale; events: CalendarEvent[]; now: Date }): string {
  const stamp = utcStamp(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${UID_DOMAIN}//calendar feed//${input.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(WORDS[input.locale].calendarName)}`,
    'X-WR-TIMEZONE:Europe/Brussels',
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
  ];
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
      `SUMMARY;LANGUAGE=${input.locale}:${escapeText(event.summary)}`,
      `DESCRIPTION;LANGUAGE=${input.locale}:${escapeText(event.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
