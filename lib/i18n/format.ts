// Values as patrons read them, in one place for the pages, the card views and the mails. Pure: no
// Next.js APIs. Every function takes an Intl locale tag; patron-facing text uses `intlLocale`
// (Belgian Dutch, British English).

/** The Intl locale of a portal locale: `nl` → nl-BE, `en` → en-GB. */
export function intlLocale(locale: string): 'nl-BE' | 'en-GB' {
  return locale === 'en' ? 'en-GB' : 'nl-BE';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date-only value (`YYYY-MM-DD`, a calendar day, ARCHITECTURE: dates) in long form: "31 december
 * 2026" (nl-BE), "31 December 2026" (en-GB), whether the caller passes the portal's locale (`nl`,
 * `en`: the card pages) or its Intl tag (the mails, Info lidmaatschap) — one way per language
 * everywhere. Formatted in UTC because the value is a day, not an instant: in any zone west of UTC it
 * would otherwise read as the day before. Text that is not such a day is returned as it is, rather
 * than failing the page.
 */
export function formatDateOnly(iso: string, locale: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso) return iso;
  let format = dayFormats.get(locale);
  if (!format) {
    const tag = locale === 'nl' || locale === 'en' ? intlLocale(locale) : locale;
    format = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(day);
}

// One ListFormat per locale and type: building one costs far more than using it, and a loans
// table asks once per row (issue 16).
const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(locale: string, type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  const key = `${locale} ${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type });
    listFormats.set(key, format);
  }
  return format;
}

/** "A, B en C" / "A, B and C". */
export function formatList(items: readonly string[], locale: string): string {
  return listFormat(locale, 'conjunction').format(items);
}

/** "A, B of C" / "A, B or C". */
export function formatAlternatives(items: readonly string[], locale: string): string {
  return listFormat(locale, 'disjunction').format(items);
}
