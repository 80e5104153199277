// L3 sentences for a card's freshness, decided without React so they can be tested: per linked
// library, when its copy was last fetched ("bijgewerkt om 14:05", with the date when not today, in
// Europe/Brussels time) or, after a failed attempt, that it cannot be reached and how old the copy is.
import { todayInBrussels } from '@/lib/domain/dates';
import { intlLocale } from '@/lib/i18n/format';

/** What a card page knows per library (lib/data/cards LibraryFreshness, as plain props). */
export interface FreshnessEntry {
  libraryId: number;
  libraryName: string;
  fetchedAt: string | null;
  unreachable: boolean;
}

export type FreshnessKey = 'updatedToday' | 'updatedOn' | 'never' | 'unreachable' | 'unreachableOn' | 'unreachableNever';

export interface FreshnessLine {
  libraryId: number;
  key: FreshnessKey;
  values: { library: string; time?: string; date?: string };
  /** Shown as a warning: the library could not be reached. */
  warning: boolean;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function format(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat) {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function freshnessLines(entries: readonly FreshnessEntry[], now: Date, locale: string): FreshnessLine[] {
  const tag = intlLocale(locale);
  const time = format(timeFormats, tag, () => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Brussels' }));
  const today = todayInBrussels(now);
  return entries.map((entry) => {
    const library = entry.libraryName;
    if (entry.fetchedAt === null) {
      return entry.unreachable
        ? { libraryId: entry.libraryId, key: 'unreachableNever', values: { library }, warning: true }
        : { libraryId: entry.libraryId, key: 'never', values: { library }, warning: false };
    }
    const at = new Date(entry.fetchedAt);
    const day = todayInBrussels(at);
    const sameDay = day === today;
    const sameYear = day.slice(0, 4) === today.slice(0, 4);
    const date = format(dateFormats, `${tag}:${sameYear}`, () =>
      new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'Europe/Brussels' }),
    ).format(at);
    const values = sameDay ? { library, time: time.format(at) } : { library, time: time.format(at), date };
    if (entry.unreachable) return { libraryId: entry.libraryId, key: sameDay ? 'unreachable' : 'unreachableOn', values, warning: true };
    return { libraryId: entry.libraryId, key: sameDay ? 'updatedToday' : 'updatedOn', values, warning: false };
  });
}
