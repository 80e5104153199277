// `npm run db:import -- FILE.json` as a child process, on a PGlite directory of its own: exit 0 and
// a summary for a valid file; non-zero and each error's path for a broken one. The CLI always
// opens its own database (PGLITE_DIR), so this file runs once, not per driver.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { networkFixture } from '@/test/scenarios/network-fixture';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mb-import-cli-'));

async function cli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PGLITE_DIR: path.join(tmp, 'pglite'), DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'db/import/cli.ts', file], { cwd: root, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('db:import CLI', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('imports a valid file and exits 0', async () => {
    const file = path.join(tmp, 'network.json');
    writeFileSync(file, JSON.stringify(networkFixture()));
    const { code, stdout } = await cli(file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/loans\s+4 inserted, 0 updated, 0 unchanged/);
    expect(stdout).toMatch(/portal changes\s+0 confirmed, 0 rejected/);
    expect(stdout).toContain('note: the document has no exportedAt'); // the notes follow the summary
  });

  it('refuses a broken file with a non-zero exit and the path of each error', async () => {
    const doc = networkFixture();
    doc.loans[0]!.item = '3000000000099';
    doc.fees[0]!.amountCents = -1;
    const file = path.join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify(doc));
    const { code, stderr } = await cli(file);
    expect(code).not.toBe(0);
    expect(stderr).toContain('fees[0].amountCents:');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports a file that is not JSON', async () => {
    const file = path.join(tmp, 'not-json.json');
    writeFileSync(file, '{ "format": ');
    const { code, stderr } = await cli(file);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/not valid JSON/);
  });
});
