// `npm run db:export-changes` as a child process, on a PGlite directory of its own: wrong usage
// exits 2 with a clear message, an unknown library exits 1, and the happy path — import a
// network, record a change, export it to a file and to stdout, acknowledge it — exits 0. The CLI
// always opens its own database (PGLITE_DIR), so this file runs once, not per driver.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../client';
import { accounts, libraries, patrons, portalChanges } from '../schema';
import { networkFixture } from '@/test/scenarios/network-fixture';
import { CHANGES_FORMAT } from './changes-schema';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mb-export-cli-'));
const pgliteDir = path.join(tmp, 'pglite');

async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run('npx', ['tsx', script, ...args], { cwd: root, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const exportCli = (...args: string[]) => cli('db/export/cli.ts', args);

describe('db:export-changes CLI', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    [[], /either --library ISIL \(export\) or --ack FILE is required/],
    [['--library', 'not an isil'], /--library: must be an ISIL/],
    [['--library', 'BE-ZOT01', '--since', 'yesterday'], /--since: must be an ISO 8601 timestamp/],
    [['--ack', 'x.json', '--out', 'y.json'], /--out does not go with --ack/],
    [['--library', 'BE-ZOT01', '--format', 'csv'], /Unknown option '--format'/],
  ])('wrong usage %j exits 2 with a message and the usage', async (args, message) => {
    const { code, stdout, stderr } = await exportCli('--', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage: npm run db:export-changes');
    expect(stdout).toBe('');
  });

  it('exports to a file and to stdout, acknowledges, and refuses an unknown library or a bad document', async () => {
    // The network, through the importer's own CLI; then one change, as the portal's actions write it.
    const network = path.join(tmp, 'network.json');
    writeFileSync(network, JSON.stringify(networkFixture()));
    expect((await cli('db/import/cli.ts', [network])).code).toBe(0);
    const handle = await openDb({ pgliteDir });
    try {
      const [lib] = await handle.db.select().from(libraries).where(eq(libraries.isil, 'BE-ZOT01'));
      const [an] = await handle.db.select().from(patrons).where(eq(patrons.key, 'an'));
      const [account] = await handle.db.select().from(accounts);
      await handle.db.insert(portalChanges).values({
        kind: 'history_disabled', accountId: account!.id, patronId: an!.id, libraryId: lib!.id, details: { pausedOn: '2026-11-29' },
      });
    } finally {
      await handle.close();
    }

    const unknown = await exportCli('--library', 'BE-NOPE01');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no library with ISIL "BE-NOPE01"');

    const out = path.join(tmp, 'changes.json');
    const toFile = await exportCli('--', '--library', 'be-zot01', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toContain(`exported 1 unconfirmed change of BE-ZOT01 to ${out}`);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc).toMatchObject({ format: CHANGES_FORMAT, library: 'BE-ZOT01', since: null });
    expect(doc.changes).toEqual([
      { id: expect.any(Number), kind: 'history_disabled', at: expect.any(String), patron: 'an', card: '2000123456789', pausedOn: '2026-11-29' },
    ]);

    // To stdout: the document alone (the summary goes to stderr), so it can be redirected.
    const toStdout = await exportCli('--library', 'BE-ZOT01', '--since', '2026-01-01');
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toMatchObject({ since: '2026-01-01T00:00:00.000Z', changes: [{ id: doc.changes[0].id }] });
    expect(toStdout.stderr).toContain('exported 1 unconfirmed change of BE-ZOT01');

    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...doc, changes: [{ ...doc.changes[0], pausedOn: 'gisteren' }] }));
    const refused = await exportCli('--ack', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('changes[0].pausedOn:');
    expect(refused.stderr).toContain('nothing was changed');

    const acked = await exportCli('--ack', out);
    expect(acked.code).toBe(0);
    expect(acked.stdout).toContain('BE-ZOT01: 1 acknowledged, 0 already settled, 0 unknown');
    const again = await exportCli('--ack', out, '--library', 'BE-ZOT01');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('BE-ZOT01: 0 acknowledged, 1 already settled, 0 unknown');

    const after = await exportCli('--library', 'BE-ZOT01');
    expect(JSON.parse(after.stdout).changes).toEqual([]);
  }, 300_000);
});
