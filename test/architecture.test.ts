// The arrows of docs/architecture.md, checked on every run rather than remembered: every room's
// "may import" (test/architecture.ts, drawn in the doc's "Arrows" section), and no production code
// (app/, components/, lib/, db/, proxy.ts) importing test/ or e2e/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, projectFiles, ROOMS } from './architecture';

const root = path.resolve(import.meta.dirname, '..');
const CHECKED = ['app', 'components', 'lib', 'db', 'e2e', 'test', 'scripts', 'bench', 'proxy.ts'];

describe('architecture: direction of imports', () => {
  const files = projectFiles(root, CHECKED);

  it('finds the project (the check is not vacuous)', () => {
    for (const room of ['app', 'components', 'lib/domain', 'lib/data', 'lib/actions', 'lib/mail', 'db', 'e2e', 'test/scenarios']) {
      expect([...files.keys()].some((f) => f.startsWith(`${room}/`)), room).toBe(true);
    }
  });

  it('every import follows an arrow of the rooms table', () => {
    expect(checkImports(files)).toEqual([]);
  });

  it("lib/data, lib/actions and lib/jobs modules are 'server-only'", () => {
    const missing = [...files]
      .filter(([f]) => /^lib\/(data|actions|jobs)\//.test(f) && !/\.test\.tsx?$/.test(f))
      .filter(([, text]) => !/^import 'server-only';/m.test(text))
      .map(([f]) => f);
    expect(missing).toEqual([]);
  });

  it('lib/data only reads: its writes live in lib/actions and lib/jobs', () => {
    const writes = /\.(insert|update|delete)\(|\.transaction\(|\b(insert\s+into|delete\s+from|on\s+conflict)\b|\bupdate\s+\w+\s+set\b/i;
    const offending = [...files]
      .filter(([f]) => /^lib\/data\//.test(f) && !/\.test\.tsx?$/.test(f))
      .filter(([, text]) => writes.test(text))
      .map(([f]) => f);
    expect(offending).toEqual([]);
  });

  it('docs/architecture.md draws the same arrows as the check', () => {
    const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const block = /## Arrows[\s\S]*?```text\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'docs/architecture.md has an "Arrows" section with a ```text block').toBeDefined();
    const drawn = Object.fromEntries(
      block!
        .split('\n')
        .map((line) => /^(\S+?)\/?\s+→\s+(.*)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!.replace(/\.ts$/, ''), m[2]!.trim() === '—' ? [] : m[2]!.split(',').map((t) => t.trim().replace(/\/$/, ''))]),
    );
    expect(drawn).toEqual(Object.fromEntries(ROOMS.map((r) => [r.path, r.mayImport])));
  });
});

describe('architecture: the checker catches a wrong import', () => {
  const check = (files: Record<string, string>) => checkImports(new Map(Object.entries(files)));

  it('lib/ importing test/ or e2e/', () => {
    expect(
      check({
        'lib/data/loans.ts': "import 'server-only';\nimport { freshDb } from '@/test/db';\n",
        'lib/mail/sink.ts': "import { startSmtpSink } from '../../test/support/smtp-sink';\n",
        'db/seed/demo.ts': "import { cardScenario } from '@/e2e/cards-scenario';\n",
        'components/x.tsx': "export { thing } from '@/test/scenarios/cards';\n",
      }),
    ).toEqual([
      'lib/data/loans.ts → test/db (production code never imports test code)',
      'lib/mail/sink.ts → test/support/smtp-sink (production code never imports test code)',
      'db/seed/demo.ts → e2e/cards-scenario (production code never imports test code)',
      'components/x.tsx → test/scenarios/cards (production code never imports test code)',
    ]);
  });

  it('an arrow the table does not draw, relative or aliased, static or dynamic', () => {
    const violations = check({
      'lib/domain/renewal.ts': "import { db } from '../../db/client';\n",
      'lib/data/cards.ts': "import { renewLoans } from '@/lib/actions/renew-loans';\n",
      'components/loans/list.tsx': "const m = await import('@/lib/data/loans');\n",
      'db/import/write.ts': "import type { Db } from '../export/export-changes';\n",
      'app/page.tsx': "import { importNetwork } from '@/db/import/import-network';\n",
      'lib/domain/dates.ts': "import { cache } from 'react';\n",
    });
    expect(violations).toHaveLength(6);
    expect(violations[0]).toMatch(/^lib\/domain\/renewal\.ts → db\/client \(lib\/domain may import nothing/);
    expect(violations[1]).toMatch(/^lib\/data\/cards\.ts → lib\/actions\/renew-loans /);
    expect(violations[2]).toMatch(/^components\/loans\/list\.tsx → lib\/data\/loans /);
    expect(violations[3]).toMatch(/^db\/import\/write\.ts → db\/export\/export-changes /);
    expect(violations[4]).toMatch(/^app\/page\.tsx → db\/import\/import-network /);
    expect(violations[5]).toBe('lib/domain/dates.ts → react (rules are pure)');
  });

  it('allows the drawn arrows, a room importing itself, and a test reaching into what it tests', () => {
    expect(
      check({
        'app/page.tsx': "import { loadNetwork } from '@/lib/data/loaders';\nimport { listNetwork } from '@/lib/data/network';\n",
        'lib/data/loans.ts': "import 'server-only';\nimport { cardScope } from './cards';\nimport { decideRenewal } from '@/lib/domain/renewal';\n",
        'lib/data/loans.db.test.ts': "import { describeOnDatabases } from '@/test/db';\n",
        'app/api/test/scenario/route.ts': "import { importIntoAppDb } from '@/db/app-db';\n",
        'e2e/renew-loans.spec.ts': "import { renewScenario } from '../test/scenarios/renew-loans';\n",
        'next.config.ts': "import anything from './test/whatever';\n",
      }),
    ).toEqual([]);
  });
});
