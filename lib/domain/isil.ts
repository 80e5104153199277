// R13 ISIL (ISO 15511): `<prefix>-<identifier>`, e.g. `NL-0702881037`. In the Dutch scheme an ISIL
// names a branch; without its last four digits it names the library system ("stelsel"), so
// `NL-0702881037` belongs to system `NL-070288`. A lookup by an unknown branch ISIL falls back
// to that system.

export interface ParsedIsil {
  /** Canonical form: prefix upper-cased, e.g. `NL-0702881037`. */
  isil: string;
  /** Country code or other agency prefix, e.g. `NL`, `BE`. */
  prefix: string;
  /** The library identifier after the first hyphen, e.g. `0702881037`. */
  identifier: string;
}

// ISO 15511: a prefix of 1–4 letters, a hyphen, an identifier of up to 11 characters (letters, digits,
// `-`, `/`, `:`), at most 16 characters in all.
const ISIL = /^([A-Za-z]{1,4})-([A-Za-z0-9/:-]{1,11})$/;
const SYSTEM_SUFFIX_DIGITS = 4;

/**
 * Parses an ISIL; null when the text is not one. ISIL comparison is case-insensitive in practice
 * (catalogues write `nl-…` and `NL-…` alike), so the canonical form is upper case.
 */
export function parseIsil(value: string): ParsedIsil | null {
  const trimmed = value.trim();
  if (trimmed.length > 16) return null;
  const match = ISIL.exec(trimmed);
  if (!match) return null;
  const prefix = (match[1] ?? '').toUpperCase();
  const identifier = (match[2] ?? '').toUpperCase();
  return { isil: `${prefix}-${identifier}`, prefix, identifier };
}

/**
 * R13: the library-system prefix of a branch ISIL — the ISIL without its last four digits
 * (`NL-0702881037` → `NL-070288`). Null when the ISIL does not end in four digits after at least
 * one more identifier character (e.g. `BE-ZOT01`): such an ISIL names no system of branches.
 */
export function isilSystemPrefix(isil: string): string | null {
  const parsed = parseIsil(isil);
  if (!parsed) return null;
  const { prefix, identifier } = parsed;
  if (identifier.length <= SYSTEM_SUFFIX_DIGITS) return null;
  if (!/^\d{4}$/.test(identifier.slice(-SYSTEM_SUFFIX_DIGITS))) return null;
  return `${prefix}-${identifier.slice(0, -SYSTEM_SUFFIX_DIGITS)}`;
}

export interface HasIsil {
  isil: string;
}

export type IsilMatch<T> = { library: T; match: 'exact' | 'system' };

const canonical = (isil: string): string => parseIsil(isil)?.isil ?? isil.trim().toUpperCase();

/**
 * R13 lookup. First the full ISIL; when unknown, its system prefix: a known entry keyed by the
 * prefix itself (a system registered as such) wins over a known branch of the same system;
 * among several branches the lowest ISIL is taken so the answer does not depend on input order.
 * `known` is a list of libraries or a map keyed by ISIL.
 */
export function lookupLibraryByIsil<T extends HasIsil>(
  isil: string,
  known: readonly T[] | ReadonlyMap<string, T>,
): IsilMatch<T> | null {
  const entries: [string, T][] = Array.isArray(known)
    ? (known as readonly T[]).map((library) => [canonical(library.isil), library])
    : [...(known as ReadonlyMap<string, T>)].map(([key, library]) => [canonical(key), library]);
  const wanted = canonical(isil);

  const exact = entries.find(([key]) => key === wanted);
  if (exact) return { library: exact[1], match: 'exact' };

  const system = isilSystemPrefix(wanted);
  if (!system) return null;
  const systemEntry = entries.find(([key]) => key === system);
  if (systemEntry) return { library: systemEntry[1], match: 'system' };
  const branches = entries
    .filter(([key]) => isilSystemPrefix(key) === system)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = branches[0];
  return first ? { library: first[1], match: 'system' } : null;
}
