// One process owns a PGlite directory. Every open takes `<dir>.lock`; a second opener,
// in this process or another, is refused with DatabaseInUseError (and the CLIs print its message
// and exit 75); a lock left by a dead process is taken over. PGlite only: PostgreSQL has no lock.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError, openDb } from './client';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mb-pglite-lock-'));

describe('issue 13 §6: a PGlite directory has one owner', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses a second open in the same process while the first is open, and allows it after close', async () => {
    const dir = path.join(tmp, 'same', 'nested', 'pglite'); // parents are created
    const first = await openDb({ pgliteDir: dir });
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    const second = await openDb({ pgliteDir: dir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(DatabaseInUseError.is(second)).toBe(true);
    expect((second as Error).message).toContain(`The embedded database in ${dir} is in use`);
    // The refused open did not take or remove the owner's lock.
    expect(existsSync(`${dir}.lock`)).toBe(true);
    await first.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);

    // As the serve script does: migrate/seed, close, then the server opens it again.
    const again = await openDb({ pgliteDir: dir });
    await again.db.execute('select 1');
    await again.close();
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dir = path.join(tmp, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: gone, startedAt: new Date().toISOString(), token: 'dead' }));
    const handle = await openDb({ pgliteDir: dir });
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await handle.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a lock naming this pid that this process does not hold (a restarted container)', async () => {
    const dir = path.join(tmp, 'same-pid');
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.pid, startedAt: '2026-01-01T00:00:00.000Z', token: 'earlier-life' }));
    const handle = await openDb({ pgliteDir: dir });
    await handle.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses a lock held by another live process', async () => {
    const dir = path.join(tmp, 'other');
    // pid 1 is always alive (and not us).
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 1, startedAt: '2026-01-01T00:00:00.000Z', token: 'init' }));
    const error = await openDb({ pgliteDir: dir }).then(() => null, (e: unknown) => e);
    expect(DatabaseInUseError.is(error)).toBe(true);
    expect((error as Error).message).toContain('(pid 1, probably the running portal)');
    expect(readFileSync(`${dir}.lock`, 'utf8')).toContain('"token":"init"');
    rmSync(`${dir}.lock`);
  });

  it('never takes over a lock written on another host (a shared volume): its pid means nothing here', async () => {
    const dir = path.join(tmp, 'other-host');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: gone, startedAt: '2026-01-01T00:00:00.000Z', host: 'portal-7f9c', token: 'there' }));
    const error = await openDb({ pgliteDir: dir }).then(() => null, (e: unknown) => e);
    expect(DatabaseInUseError.is(error)).toBe(true);
    expect((error as Error).message).toContain(`(pid ${gone} on host portal-7f9c, probably the running portal)`);
    rmSync(`${dir}.lock`);
  });

  it('an in-memory database takes no lock', async () => {
    const a = await openDb({});
    const b = await openDb({ pgliteDir: 'memory://x' });
    await Promise.all([a.close(), b.close()]);
  });

  it('a CLI in another process is refused with the message, no stack trace and exit 75, while this one holds it', async () => {
    const dir = path.join(tmp, 'cli');
    const file = path.join(tmp, 'empty.json');
    writeFileSync(file, JSON.stringify({ format: 'mijn-bibliotheek/network@1' }));
    const handle = await openDb({ pgliteDir: dir });
    try {
      const env = { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' };
      const cli = async (args: string[]) =>
        run('npx', ['tsx', ...args], { cwd: root, env, timeout: 120_000 }).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code?: number; stderr?: string }) => ({ code: e.code, stderr: e.stderr ?? '' }),
        );
      const runs = await Promise.all([
        cli(['db/import/cli.ts', file]),
        cli(['db/migrate-cli.ts']),
        cli(['db/export/cli.ts', '--library', 'BE-ZOT01']),
      ]);
      for (const r of runs) {
        expect(r.code).toBe(DATABASE_IN_USE_EXIT_CODE);
        expect(r.stderr).toContain(`The embedded database in ${dir} is in use by another process (pid ${process.pid}, probably the running portal).`);
        expect(r.stderr).toContain('Stop the portal (Ctrl+C), run the import, then start it again');
        expect(r.stderr).toContain('PostgreSQL (DATABASE_URL)');
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      // Ours still.
      expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await handle.close();
    }
    // Released: now the import runs.
    const after = await run('npx', ['tsx', 'db/import/cli.ts', file], {
      cwd: root,
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
      timeout: 120_000,
    });
    expect(after.stdout).toContain('Imported:');
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 180_000);
});
