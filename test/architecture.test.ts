// The arrows of docs/architecture.md, checked on every run rather than remembered:
// app → components, lib/actions, lib/data → lib/domain, db.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

/** Resolves an import to a project-relative path, or returns the package name. */
function target(file: string, spec: string): string {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.relative(root, path.resolve(root, path.dirname(file), spec));
  return spec;
}

const rules: { from: string; forbidden: RegExp; why: string }[] = [
  { from: 'lib/domain', forbidden: /^(next|react|drizzle-orm|postgres|@electric-sql|db\/|lib\/(data|actions|auth|i18n)|app\/|components\/)/, why: 'rules are pure' },
  { from: 'components', forbidden: /^(db\/|db$|drizzle-orm|postgres|@electric-sql|lib\/data)/, why: 'components get plain props' },
  { from: 'lib/data', forbidden: /^(app\/|components\/|lib\/(actions|jobs))/, why: 'data layer sits below the UI' },
  { from: 'lib/jobs', forbidden: /^(app\/|components\/|lib\/actions|next)/, why: 'jobs run outside any request' },
  { from: 'db', forbidden: /^(app\/|components\/|lib\/(data|actions)|next)/, why: 'the database layer knows nothing of the app' },
  { from: 'app', forbidden: /^db\/(client|schema)$/, why: 'routes read through lib/data loaders (lib/data/loaders.ts), never the database itself' },
];

describe('architecture: direction of imports', () => {
  for (const rule of rules) {
    it(`${rule.from} does not import what it must not (${rule.why})`, () => {
      const offending = sourceFiles(rule.from).flatMap((file) =>
        importsOf(file)
          .map((spec) => target(file, spec))
          .filter((t) => rule.forbidden.test(t))
          .map((t) => `${file} → ${t}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it("lib/data, lib/actions and lib/jobs modules are 'server-only'", () => {
    const files = [...sourceFiles('lib/data'), ...sourceFiles('lib/actions'), ...sourceFiles('lib/jobs')];
    const missing = files.filter((f) => !/^import 'server-only';/m.test(readFileSync(path.join(root, f), 'utf8')));
    expect(missing).toEqual([]);
  });

  it('lib/data only reads: its writes live in lib/actions and lib/jobs', () => {
    const writes = /\.(insert|update|delete)\(|\.transaction\(|\b(insert\s+into|delete\s+from|on\s+conflict)\b|\bupdate\s+\w+\s+set\b/i;
    const offending = sourceFiles('lib/data').filter((f) => writes.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});
