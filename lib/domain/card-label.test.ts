import { describe, expect, it } from 'vitest';
import {
  cardKey,
  cardLabel,
  cardSlug,
  groupMembershipsIntoCards,
  mainMembership,
  type CardLibrary,
  type CardMembership,
} from './card-label';

const zo = { code: 'ZO', name: 'Regio Zottegem-Oosterzele' };
const zottegem: CardLibrary = { id: 10, isil: 'BE-ZOT01', name: 'Bibliotheek Zottegem', region: zo };
const oosterzele: CardLibrary = { id: 11, isil: 'BE-OOS01', name: 'Bibliotheek Oosterzele', region: zo };
const schiermonnikoog: CardLibrary = { id: 20, isil: 'NL-0702881037', name: 'Bibliotheek Schiermonnikoog', region: null };
const odd: CardLibrary = { id: 21, isil: 'XX-AB/C:1', name: 'Oude bibliotheek', region: null };

const m = (id: number, library: CardLibrary, active: boolean, startOn: string, endOn: string | null): CardMembership => ({
  id,
  library,
  active,
  startOn,
  endOn,
});

describe('R2 card key, slug and label', () => {
  it.each([
    ['library in a region', zottegem, 'region:ZO', 'zo', 'Regio Zottegem-Oosterzele – Bibliotheek Zottegem'],
    ['another library of the same region: same card', oosterzele, 'region:ZO', 'zo', 'Regio Zottegem-Oosterzele – Bibliotheek Oosterzele'],
    ['library in no region', schiermonnikoog, 'library:NL-0702881037', 'nl-0702881037', 'Bibliotheek Schiermonnikoog'],
    ['ISIL with URL-unsafe characters', odd, 'library:XX-AB/C:1', 'xx-ab_c_1', 'Oude bibliotheek'],
  ])('%s', (_name, library, key, slug, label) => {
    expect(cardKey(library)).toBe(key);
    expect(cardSlug(library)).toBe(slug);
    expect(cardLabel(library.region, library)).toBe(label);
  });
});

describe('R2 main membership of a card', () => {
  it.each([
    ['the first active membership', [m(1, zottegem, true, '2024-01-01', '2026-12-31'), m(2, oosterzele, true, '2023-05-01', '2026-12-31')], 2],
    ['an inactive earlier membership does not count', [m(1, zottegem, true, '2024-01-01', '2026-12-31'), m(2, oosterzele, false, '2020-01-01', '2021-12-31')], 1],
    ['none active: the one that ended last', [m(1, zottegem, false, '2020-01-01', '2025-12-31'), m(2, oosterzele, false, '2022-01-01', '2024-12-31')], 1],
    ['same start: lower id', [m(5, zottegem, true, '2024-01-01', null), m(3, oosterzele, true, '2024-01-01', null)], 3],
    ['no memberships', [], null],
  ])('%s', (_name, memberships, expectedId) => {
    expect(mainMembership(memberships)?.id ?? null).toBe(expectedId);
  });
});

describe('R2 grouping memberships into cards', () => {
  it.each([
    [
      'one card per region, one per lone library, active cards first',
      [
        m(1, schiermonnikoog, false, '2020-01-01', '2021-01-01'),
        m(2, oosterzele, true, '2025-01-01', '2026-12-31'),
        m(3, zottegem, true, '2024-01-01', '2026-12-31'),
      ],
      [
        { key: 'region:ZO', slug: 'zo', label: 'Regio Zottegem-Oosterzele – Bibliotheek Zottegem', libraries: [11, 10], memberships: [2, 3], active: true },
        { key: 'library:NL-0702881037', slug: 'nl-0702881037', label: 'Bibliotheek Schiermonnikoog', libraries: [20], memberships: [1], active: false },
      ],
    ],
    [
      'two patron records at one library are one card with the library once',
      [m(1, zottegem, true, '2024-01-01', '2026-12-31'), m(2, zottegem, false, '2019-01-01', '2020-12-31')],
      [{ key: 'region:ZO', slug: 'zo', label: 'Regio Zottegem-Oosterzele – Bibliotheek Zottegem', libraries: [10], memberships: [1, 2], active: true }],
    ],
    [
      'equal activity: by label',
      [m(1, schiermonnikoog, true, '2024-01-01', null), m(2, zottegem, true, '2024-01-01', null)],
      [
        { key: 'library:NL-0702881037', slug: 'nl-0702881037', label: 'Bibliotheek Schiermonnikoog', libraries: [20], memberships: [1], active: true },
        { key: 'region:ZO', slug: 'zo', label: 'Regio Zottegem-Oosterzele – Bibliotheek Zottegem', libraries: [10], memberships: [2], active: true },
      ],
    ],
    ['no memberships, no cards', [], []],
  ])('%s', (_name, memberships, expected) => {
    const cards = groupMembershipsIntoCards(memberships).map((c) => ({
      key: c.key,
      slug: c.slug,
      label: c.label,
      libraries: c.libraries.map((l) => l.id),
      memberships: c.memberships.map((x) => x.id),
      active: c.active,
    }));
    expect(cards).toEqual(expected);
  });
});
