// The import section of bench/REPORT.md, from what bench/import.ts printed per
// database. Shared by the full run and `npm run bench -- --only import`, which replaces only this
// section of an existing report (between the two markers below).
import type { ImportBenchResult } from './import';

export const IMPORT_SECTION_START = '<!-- import: start -->';
export const IMPORT_SECTION_END = '<!-- import: end -->';

const s1 = (n: number) => `${n.toFixed(1)} s`;
const rows = (c: ImportBenchResult['first']['counts']) =>
  ['patrons', 'memberships', 'cards']
    .map((t) => {
      const x = c[t];
      return x ? `${t} ${x.inserted}/${x.updated}/${x.unchanged ?? 0}` : '';
    })
    .join(', ');

export function importSection(results: ImportBenchResult[], skipped: string[] = [], stamp = ''): string {
  const first = results[0];
  const lines = [
    IMPORT_SECTION_START,
    `## Importing ${(first?.patrons ?? 100_000).toLocaleString('en')} patrons with PIN hashes (issue 13 §7)`,
    '',
    ...(stamp ? [stamp, ''] : []),
    first
      ? `One network@1 document (\`bench/import.ts\`): ${first.patrons.toLocaleString('en')} patrons, each with a membership and a card whose PIN comes as \`pinHash\` (${first.distinctHashes} distinct precomputed hashes, bcrypt cost 10 and argon2id, so that building the fixture does not dominate), imported into a freshly migrated database, then the same document again. Counts are inserted/updated/unchanged. "Plain PINs" imports patrons whose cards carry a plain \`pin\` (one argon2id hash each, on libuv's pool) and extrapolates to ${first.patrons.toLocaleString('en')}.`
      : 'No database was measured.',
    '',
    '| database | first import | re-import (same document) | rows (first; re-import) | plain PINs: hashes/s in the import (bare hashPin, 8 in flight) | plain PINs, extrapolated | peak RSS |',
    '|---|---:|---:|---|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.driver === 'pglite' ? 'PGlite (embedded, on disk)' : 'PostgreSQL'} | **${s1(r.first.seconds)}** | **${s1(r.again.seconds)}** | ${rows(r.first.counts)}; ${rows(r.again.counts)} | ${r.plain.hashesPerSecond.toFixed(0)} (${r.plain.bareHashesPerSecond.toFixed(0)}) over ${r.plain.patrons} | ${(r.plain.extrapolatedSeconds / 60).toFixed(0)} min | ${r.rssMiB.toFixed(0)} MiB |`,
    ),
    ...(skipped.length ? ['', ...skipped.map((s) => `_${s}_`)] : []),
    IMPORT_SECTION_END,
  ];
  return lines.join('\n');
}
