// Date-only helpers on `YYYY-MM-DD` strings (ARCHITECTURE: dates and money).
// Library dates have no time of day, so all arithmetic runs on UTC midnights: a day is always
// 86 400 000 ms there, which keeps daylight-saving changes out of due dates and periods.

/** A calendar date as `YYYY-MM-DD` (a Postgres `date` in string mode). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30, 2026-2-1, …). */
export function isValidIsoDate(value: string): boolean {
  return parse(value) !== null;
}

// Plain arithmetic, no Date objects: these run several times per loan row on every page (sorting,
// due-date rules), and inside a Next.js server every `new Date` goes through its instrumented
// Date (issue 16: the loans page's per-row cost).
function parse(value: string): [number, number, number] | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? [y, m, d] : null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of daysFromCivil (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function toUtcMs(date: IsoDate): number {
  const parts = parse(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return daysFromCivil(...parts) * DAY_MS;
}

function fromUtcMs(ms: number): IsoDate {
  const [y, m, d] = civilFromDays(Math.floor(ms / DAY_MS));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * `date` plus `months` calendar months, clamped to the last day of the target month
 * (R11's "three months": 2026-11-30 + 3 months = 2027-02-28), as a patron would count.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const parts = parse(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [y, m, d] = parts;
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** -1, 0 or 1, for sorting. Validates both, since a lexical compare of garbage would "work". */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  if (!parse(a) || !parse(b)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(parse(a) ? b : a)}`);
  // Valid dates are fixed-width YYYY-MM-DD: their text order is their calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earliest of one or more dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

/** The latest of one or more dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Europe/Brussels at instant `now` — the "today" of every rule. Europe/Amsterdam
 * is the same zone, so Dutch libraries share it. The clock is the caller's, so rules stay pure.
 */
export function todayInBrussels(now: Date): IsoDate {
  const parts = brusselsDate.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
