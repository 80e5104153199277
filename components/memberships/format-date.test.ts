import { describe, expect, it } from 'vitest';
import { formatAlternatives, formatDay, formatList } from './format-date';

describe('dates and lists as patrons read them', () => {
  it('formats a calendar day in nl-BE and en-GB, the same day in any zone', () => {
    expect(formatDay('2026-12-31', 'nl')).toBe('31 december 2026');
    expect(formatDay('2026-01-01', 'en')).toBe('1 January 2026');
  });
  it('joins names', () => {
    expect(formatList(['A', 'B', 'C'], 'nl')).toBe('A, B en C');
    expect(formatAlternatives(['A', 'B'], 'en')).toBe('A or B');
  });
});
