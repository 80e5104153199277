// Prepares, once per test run, a migrated template of each database, so that every test file
// starts from a fresh, migrated database in milliseconds:
// - PGlite: a dump of a migrated data dir (`dumpDataDir`), loaded by each file;
// - PostgreSQL (when TEST_DATABASE_URL is set): a migrated template database to clone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openDb } from '../db/client';
import { migrate } from '../db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    pgTemplate: { adminUrl: string; template: string } | null;
  }
}

export default async function setup(project: TestProject) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mb-test-'));
  const handle = await openDb({ pgliteDir: path.join(tmp, 'template') });
  await migrate(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  const dumpPath = path.join(tmp, 'template.tar.gz');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDumpPath', dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `mb_template_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    await admin.end();
    const pg = await openDb({ url: withDatabase(url, template), maxConnections: 1 });
    await migrate(pg);
    await pg.close();
    project.provide('pgTemplate', { adminUrl: url, template });
  } else {
    project.provide('pgTemplate', null);
  }

  return async () => {
    rmSync(tmp, { recursive: true, force: true });
    if (url && template) {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
