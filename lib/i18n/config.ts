// Locales of the portal and how a request's locale is chosen. No locale in the URL: the `locale`
// cookie (set by the language switcher) wins, then the browser's Accept-Language, then Dutch.
// Pure: no Next.js APIs here, so it is unit-tested directly and shared by the server action.

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

/** Name of the cookie that keeps the patron's choice. */
export const LOCALE_COOKIE = 'locale';
/** One year: the choice should survive browser restarts. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The time zone of every library of the network (ARCHITECTURE: dates). */
export const timeZone = 'Europe/Brussels';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The supported locale the browser prefers most, from an Accept-Language header
 * (`en-GB,en;q=0.9,nl;q=0.8`). Region subtags match their language (`nl-BE` → `nl`); `q=0` means
 * "not this one". Undefined when nothing supported is asked for.
 */
export function matchAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}

/** The locale of a request: cookie, else Accept-Language, else Dutch. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return matchAcceptLanguage(input.acceptLanguage) ?? defaultLocale;
}
