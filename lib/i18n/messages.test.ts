// Every user-facing string exists in both languages: nl.json and en.json have exactly the same keys.
import { describe, expect, it } from 'vitest';
import { catalogs } from './messages';

const { nl, en } = catalogs;

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n messages', () => {
  it('nl and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('each message has the same {placeholders} in both languages', () => {
    const args = (text: unknown) =>
      [...String(text).matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    for (const [key, dutch] of leaves(nl)) {
      expect(args(english.get(key)), key).toEqual(args(dutch));
    }
  });

  it('every message is a non-empty string', () => {
    for (const [key, value] of [...leaves(nl), ...leaves(en)]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });
});
