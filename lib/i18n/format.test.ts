import { describe, expect, it } from 'vitest';
import { formatAlternatives, formatDateOnly, formatList, intlLocale } from './format';

describe('dates and lists as patrons read them', () => {
  it('formats a calendar day in nl-BE and en-GB, the same day in any zone', () => {
    expect(formatDateOnly('2026-12-31', intlLocale('nl'))).toBe('31 december 2026');
    expect(formatDateOnly('2026-01-01', intlLocale('en'))).toBe('1 January 2026');
  });
  it('joins names', () => {
    expect(formatList(['A', 'B', 'C'], intlLocale('nl'))).toBe('A, B en C');
    expect(formatAlternatives(['A', 'B'], intlLocale('en'))).toBe('A or B');
  });
});

describe('one formatter for date-only values', () => {
  // Every day of two years (both changes of summer time), at both ends of a month and a year.
  const days = Array.from({ length: 731 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

  it.each(['nl', 'en'] as const)('one way per language: the portal locale %s and its Intl tag give the same day (nl-BE, en-GB in UTC)', (locale) => {
    const expected = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (const iso of days) {
      expect(formatDateOnly(iso, locale)).toBe(expected.format(new Date(`${iso}T00:00:00Z`)));
      expect(formatDateOnly(iso, intlLocale(locale))).toBe(formatDateOnly(iso, locale));
    }
  });

  it('the card pages in English read as the mails do: day first', () => {
    expect(formatDateOnly('2026-12-18', 'en')).toBe('18 December 2026');
    expect(formatDateOnly('2026-12-18', 'nl')).toBe('18 december 2026');
  });

  it('text that is not a day is shown as it is', () => {
    expect(formatDateOnly('junk', 'nl')).toBe('junk');
    expect(formatDateOnly('2026-13-45', 'nl')).toBe('2026-13-45');
  });
});
