// R2 One card per region: a region's memberships show as one card, labelled with the region name
// before the library name; a library outside any region is a card of its own.
import { compareDates, type IsoDate } from './dates';

export interface CardRegion {
  code: string;
  name: string;
}

export interface CardLibrary {
  id: number;
  isil: string;
  name: string;
  region: CardRegion | null;
}

export type CardKey = `region:${string}` | `library:${string}`;

/** R2: the identity of the card a library's memberships fall under. */
export function cardKey(library: Pick<CardLibrary, 'isil' | 'region'>): CardKey {
  return library.region ? `region:${library.region.code}` : `library:${library.isil}`;
}

/**
 * The card's URL segment (`/cards/zo/loans`, `/cards/nl-0702881037/loans`): the region code or the
 * ISIL, lower-cased, with anything but letters, digits and `-` turned into `_` so it is a safe path
 * segment (ISILs may contain `/` and `:`). Not reversible on purpose: the data layer finds a card by
 * comparing slugs of the account's own cards (P3), never by parsing one.
 */
export function cardSlug(library: Pick<CardLibrary, 'isil' | 'region'>): string {
  const source = library.region ? library.region.code : library.isil;
  return source.toLowerCase().replace(/[^a-z0-9-]/g, '_');
}

/** R2: "Regio Zottegem-Oosterzele – Bibliotheek Zottegem" (en dash), or just the library's name. */
export function cardLabel(region: Pick<CardRegion, 'name'> | null, mainLibrary: Pick<CardLibrary, 'name'>): string {
  return region ? `${region.name} – ${mainLibrary.name}` : mainLibrary.name;
}

export interface CardMembership {
  id: number;
  library: CardLibrary;
  /** Effective today (see effective-membership). */
  active: boolean;
  /** For a guest membership: its registration date. */
  startOn: IsoDate;
  endOn: IsoDate | null;
}

/**
 * The patron's main library on a card: the library of the first (earliest started) active
 * membership, as that is where the patron joined the region; when none is active, the one that
 * ended last, as the library the patron most recently belonged to. Ties go to the lower id.
 */
export function mainMembership<T extends CardMembership>(memberships: readonly T[]): T | null {
  const active = memberships.filter((m) => m.active);
  if (active.length > 0) {
    return [...active].sort((a, b) => compareDates(a.startOn, b.startOn) || a.id - b.id)[0] ?? null;
  }
  const byLatestEnd = [...memberships].sort((a, b) => {
    if (a.endOn !== b.endOn) {
      if (a.endOn === null) return -1;
      if (b.endOn === null) return 1;
      const byEnd = compareDates(b.endOn, a.endOn);
      if (byEnd !== 0) return byEnd;
    }
    return a.id - b.id;
  });
  return byLatestEnd[0] ?? null;
}

export interface Card<T extends CardMembership> {
  key: CardKey;
  slug: string;
  label: string;
  region: CardRegion | null;
  mainLibrary: CardLibrary;
  /** The libraries of the patron's memberships on this card, by name (the card also covers the rest of the region). */
  libraries: CardLibrary[];
  memberships: T[];
  /** R9: some membership on the card is active. */
  active: boolean;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'nl');

/**
 * R2: groups memberships (of every linked patron record) into cards, one per region or lone
 * library. Cards with an active membership come first, then by label, so the card the patron
 * uses is at the top and the order is stable.
 */
export function groupMembershipsIntoCards<T extends CardMembership>(memberships: readonly T[]): Card<T>[] {
  const groups = new Map<CardKey, T[]>();
  for (const m of memberships) {
    const key = cardKey(m.library);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const cards: Card<T>[] = [];
  for (const [key, members] of groups) {
    const main = mainMembership(members);
    if (!main) continue;
    const libraries = [...new Map(members.map((m) => [m.library.id, m.library])).values()].sort((a, b) => byName(a.name, b.name));
    cards.push({
      key,
      slug: cardSlug(main.library),
      label: cardLabel(main.library.region, main.library),
      region: main.library.region,
      mainLibrary: main.library,
      libraries,
      memberships: members,
      active: members.some((m) => m.active),
    });
  }
  return cards.sort((a, b) => Number(b.active) - Number(a.active) || byName(a.label, b.label));
}
