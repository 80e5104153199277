// Date-only values (`YYYY-MM-DD`) as patrons read them: "31 december 2026" (nl-BE) or
// "31 December 2026" (en-GB). Formatted in UTC because the value is a calendar day, not an instant
// (formatting it in a zone west of UTC would show the day before).
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDay(iso: string, locale: string): string {
  const tag = locale === 'en' ? 'en-GB' : 'nl-BE';
  let f = formatters.get(tag);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(tag, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** "A, B en C" / "A, B and C". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { type: 'conjunction' }).format(items);
}

/** "A, B of C" / "A, B or C". */
export function formatAlternatives(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { type: 'disjunction' }).format(items);
}
