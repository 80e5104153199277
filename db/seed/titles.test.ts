import { describe, expect, it } from 'vitest';
import { slugify, TITLES } from './titles';

describe('seed titles', () => {
  it('has a few hundred titles with unique slug keys and no invented ISBNs', () => {
    expect(TITLES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(TITLES.map((t) => t.key)).size).toBe(TITLES.length);
    for (const t of TITLES) {
      expect(t.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.isbn).toBeNull();
    }
  });

  it('covers every material', () => {
    const materials = new Set(TITLES.map((t) => t.material));
    for (const m of ['book', 'comic', 'dvd', 'cd', 'game', 'magazine']) expect(materials.has(m as never)).toBe(true);
  });

  it('slugifies Dutch titles', () => {
    expect(slugify('Het verdriet van België')).toBe('het-verdriet-van-belgie');
    expect(slugify("Kuifje en de Picaro's")).toBe('kuifje-en-de-picaro-s');
  });
});
