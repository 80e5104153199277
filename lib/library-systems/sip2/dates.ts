// SIP2 dates are 18 characters: YYYYMMDDZZZZHHMMSS. ZZZZ is the time zone: four blanks mean the
// local time of the sender; "   Z" (or "Z   ", seen in the field) means UTC. Requests carry the
// terminal's local time, as the spec asks, so the clock is injectable for tests.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date as a SIP2 date in local time with a blank zone. */
export function formatSipDate(date: Date): string {
  return (
    `${pad(date.getFullYear(), 4)}${pad(date.getMonth() + 1)}${pad(date.getDate())}` +
    `    ${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/** The 18 blanks a request puts in an optional fixed date (e.g. the no-block due date). */
export const BLANK_SIP_DATE = ' '.repeat(18);

const SIP_DATE = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/;

/**
 * A SIP2 date as a Date, or null when the text is blank or not a valid 18-character date (due
 * dates, AH, are free text in the spec and some systems send other formats: keep the raw text).
 */
export function parseSipDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const m = SIP_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, zone, h, mi, s] = m as unknown as [string, string, string, string, string, string, string, string];
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const z = zone.trim();
  let date: Date;
  if (z === '') date = new Date(...parts);
  else if (z === 'Z' || z === 'UTC' || z === 'GMT') date = new Date(Date.UTC(...parts));
  else return null;
  // Reject 20261345…: the Date constructor would roll it over silently.
  const check = z === '' ? [date.getFullYear(), date.getMonth(), date.getDate()] : [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  if (check[0] !== parts[0] || check[1] !== parts[1] || check[2] !== parts[2]) return null;
  if (parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  return date;
}
