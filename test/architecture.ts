// The rooms of docs/architecture.md and the arrows between them, as data, and the checker that
// test/architecture.test.ts runs over the project's files (and over small made-up file sets, to show
// that it catches a wrong import). The list is drawn in docs/architecture.md ("Arrows"); a test keeps
// the two the same.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Room {
  /** A folder or a module, project-relative, without extension: `lib/data`, `lib/env`. */
  path: string;
  /**
   * What its modules may import besides the room itself: rooms or single modules (`db/client`). A
   * target is allowed when it is, or lies under, one of these.
   */
  mayImport: string[];
  /** Single files allowed more: file → extra targets (each one a documented exception). */
  exceptions?: Record<string, string[]>;
}

/**
 * Most specific first: a file belongs to the first room whose path is, or contains, its own.
 * Test files (`*.test.ts`) are not checked: a test may reach into what it tests.
 */
export const ROOMS: Room[] = [
  { path: 'app', mayImport: ['components', 'lib/actions', 'lib/data', 'lib/auth', 'lib/i18n', 'lib/domain', 'lib/library-systems', 'lib/security', 'lib/env'],
    exceptions: {
      // The e2e-only test routes (404 unless lib/security/scenario-endpoint.ts allows them).
      'app/api/test/scenario/route.ts': ['db/app-db'],
      'app/api/test/changes/route.ts': ['db/app-db'],
    } },
  { path: 'components', mayImport: ['lib/domain', 'lib/i18n', 'lib/actions', 'lib/auth/session'] },
  { path: 'lib/domain', mayImport: [] },
  { path: 'lib/data', mayImport: ['db', 'lib/domain', 'lib/auth', 'lib/mail'] },
  { path: 'lib/actions', mayImport: ['lib/data', 'lib/domain', 'lib/auth', 'db', 'lib/library-systems', 'lib/mail', 'lib/i18n', 'lib/security', 'lib/log'] },
  { path: 'lib/jobs', mayImport: ['db', 'lib/data', 'lib/domain', 'lib/mail', 'lib/env', 'lib/log', 'lib/actions/change-log', 'lib/actions/renew-loans-core', 'lib/library-systems'] },
  { path: 'lib/auth', mayImport: ['db', 'lib/domain', 'lib/env', 'lib/library-systems', 'lib/security', 'lib/log'] },
  { path: 'lib/library-systems', mayImport: ['db', 'lib/data', 'lib/domain', 'lib/env', 'lib/log'] },
  { path: 'lib/mail', mayImport: ['lib/env', 'lib/i18n', 'lib/domain'] },
  { path: 'lib/security', mayImport: [] },
  { path: 'lib/i18n', mayImport: [] },
  { path: 'lib/log', mayImport: ['lib/env', 'lib/domain'] },
  { path: 'lib/env', mayImport: [] },
  { path: 'db/export', mayImport: ['db', 'lib/domain', 'lib/env'] },
  { path: 'db', mayImport: ['lib/env', 'lib/domain', 'lib/auth/hash', 'lib/auth/pin-hash-format', 'lib/library-systems/config'],
    // The test-only routes' one door to the app's database: import and export.
    exceptions: { 'db/app-db.ts': ['db/export'] } },
  { path: 'proxy', mayImport: ['lib/auth', 'lib/security', 'lib/env', 'lib/log'] },
  { path: 'e2e', mayImport: ['test/scenarios', 'test/support', 'lib/domain', 'lib/security', 'lib/library-systems', 'db/seed', 'db/export'] },
  { path: 'test/scenarios', mayImport: ['db', 'lib/domain', 'lib/auth'] },
  { path: 'test/support', mayImport: ['lib', 'db'] },
  { path: 'test', mayImport: ['test/scenarios', 'test/support', 'db', 'lib', 'app', 'components'] },
  { path: 'scripts', mayImport: ['db', 'lib'],
    exceptions: { 'scripts/serve-e2e.ts': ['e2e', 'test/scenarios'] } },
  { path: 'bench', mayImport: ['db', 'lib', 'test/support'] },
];

/** The environment is a leaf any room may import (docs/architecture.md), but the pure rules. */
export const LEAF = 'lib/env';

/** Production code never imports test code, whatever the rooms above say. */
export const PRODUCTION = ['app', 'components', 'lib', 'db', 'proxy'];
export const TEST_CODE = ['test', 'e2e'];

/** Package rules: what a room must not import from npm. */
export const PACKAGE_RULES: { from: string; forbidden: RegExp; why: string }[] = [
  { from: 'lib/domain', forbidden: /^(next|react|drizzle-orm|postgres|@electric-sql)(\/|$)/, why: 'rules are pure' },
  { from: 'components', forbidden: /^(drizzle-orm|postgres|@electric-sql)(\/|$)/, why: 'components get plain props' },
  { from: 'db', forbidden: /^next(\/|$)/, why: 'the database layer knows nothing of the app' },
];

const withoutExtension = (p: string) => p.replace(/\.(ts|tsx|mts|js|mjs)$/, '').replace(/\/index$/, '');
const under = (p: string, prefix: string) => p === prefix || p.startsWith(`${prefix}/`);

export function roomOf(file: string): Room | undefined {
  const p = withoutExtension(file);
  return ROOMS.find((r) => under(p, r.path));
}

export function importsOf(text: string): string[] {
  const pattern =
    /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** A project-relative path without extension, or `null` for a package. */
export function resolveImport(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return withoutExtension(spec.slice(2));
  if (spec.startsWith('.')) return withoutExtension(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  return null;
}

export const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file) && !file.startsWith('e2e/');

/**
 * Every import that breaks an arrow, as `file → target (why)`. `files` maps project-relative paths
 * (with `/`) to their text; test files are skipped, e2e specs are not.
 */
export function checkImports(files: Map<string, string>): string[] {
  const violations: string[] = [];
  for (const [file, text] of files) {
    if (isTestFile(file)) continue;
    const room = roomOf(file);
    if (!room) continue; // tooling at the root (next.config.ts, vitest.config.ts …): no room
    for (const spec of importsOf(text)) {
      const target = resolveImport(file, spec);
      if (target === null) {
        for (const rule of PACKAGE_RULES) {
          if (room.path === rule.from && rule.forbidden.test(spec)) violations.push(`${file} → ${spec} (${rule.why})`);
        }
        continue;
      }
      if (PRODUCTION.some((p) => under(withoutExtension(file), p)) && TEST_CODE.some((t) => under(target, t))) {
        violations.push(`${file} → ${target} (production code never imports test code)`);
        continue;
      }
      if (under(target, room.path) && roomOf(target) === room) continue;
      if (under(target, LEAF) && room.path !== 'lib/domain') continue;
      const allowed = [...room.mayImport, ...(room.exceptions?.[file] ?? [])];
      if (!allowed.some((a) => under(target, a))) violations.push(`${file} → ${target} (${room.path} may import ${room.mayImport.join(', ') || 'nothing of the project'})`);
    }
  }
  return violations;
}

/** The project's source files (`.ts`, `.tsx`) under `dirs`, as checkImports wants them. */
export function projectFiles(root: string, dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(abs)) if (name !== 'node_modules' && !name.startsWith('.')) walk(path.posix.join(rel, name));
    } else if (/\.(ts|tsx)$/.test(rel) && !rel.endsWith('.d.ts')) {
      files.set(rel, readFileSync(abs, 'utf8'));
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}
