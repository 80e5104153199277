import { describe, expect, it } from 'vitest';
import { isLocale, matchAcceptLanguage, resolveLocale } from './config';

describe('resolveLocale: cookie, else Accept-Language, else nl', () => {
  it.each([
    [{}, 'nl'],
    [{ cookie: 'en' }, 'en'],
    [{ cookie: 'nl', acceptLanguage: 'en' }, 'nl'],
    [{ cookie: 'fr', acceptLanguage: 'en-GB,en;q=0.9' }, 'en'],
    [{ cookie: 'EN' }, 'nl'],
    [{ acceptLanguage: 'fr-BE,fr;q=0.9,en;q=0.5,nl;q=0.4' }, 'en'],
    [{ acceptLanguage: 'nl-BE' }, 'nl'],
    [{ acceptLanguage: 'de, fr' }, 'nl'],
    [{ acceptLanguage: 'en;q=0, nl;q=0.1' }, 'nl'],
    [{ acceptLanguage: 'nl;q=0.2, en;q=0.8' }, 'en'],
    [{ acceptLanguage: '*' }, 'nl'],
    [{ acceptLanguage: ';;;,,' }, 'nl'],
  ] as const)('%o → %s', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });

  it('keeps header order between equal weights', () => {
    expect(matchAcceptLanguage('en, nl')).toBe('en');
    expect(matchAcceptLanguage('nl, en')).toBe('nl');
  });

  it('accepts only the supported locales', () => {
    expect(isLocale('nl')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
