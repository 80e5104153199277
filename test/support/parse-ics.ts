// An ICS document read by an independent parser (ical.js, not the portal's writer), as plain
// values the tests compare: the calendar's properties and one object per VEVENT.
import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  /** `YYYY-MM-DD` */
  start: string;
  end: string;
  /** Whether DTSTART is a DATE (an all-day event). */
  allDay: boolean;
  sequence: number;
  /** DTSTAMP as an ISO instant; its zone must be UTC. */
  stamp: string;
  stampIsUtc: boolean;
  language: string | null;
}

export interface ParsedCalendar {
  version: string;
  prodId: string;
  name: string | null;
  events: ParsedEvent[];
}

export function parseIcs(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    const summary = vevent.getFirstProperty('summary');
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(summary?.getFirstValue() ?? ''),
      description: String(vevent.getFirstPropertyValue('description') ?? ''),
      start: start.toString().slice(0, 10),
      end: end.toString().slice(0, 10),
      allDay: start.isDate && end.isDate,
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      stamp: stamp.toJSDate().toISOString(),
      stampIsUtc: stamp.zone === ICAL.Timezone.utcTimezone,
      language: (summary?.getParameter('language') as string | undefined) ?? null,
    };
  });
  return {
    version: String(calendar.getFirstPropertyValue('version')),
    prodId: String(calendar.getFirstPropertyValue('prodid')),
    name: (calendar.getFirstPropertyValue('x-wr-calname') as string | null) ?? null,
    events,
  };
}
