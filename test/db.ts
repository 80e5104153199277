// Fresh, migrated databases for integration tests, on PGlite and — when TEST_DATABASE_URL is
// set — on PostgreSQL. Each call gives a database of its own; close it in afterAll.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '../db/client';
import { withDatabase } from './global-setup';

export type DriverName = 'pglite' | 'postgres';

/** The drivers this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const drivers: DriverName[] = inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb extends DbHandle {
  /** Statements sent since the last reset; for P4's round-trip counts. */
  queries: string[];
  /** PostgreSQL only: the URL of this test database, for tests that watch it from a second connection. */
  url?: string;
}

/** `maxConnections`: the postgres.js pool size (default 25); tests of pool pressure make it small. */
export async function freshDb(driver: DriverName, options: { maxConnections?: number } = {}): Promise<TestDb> {
  const queries: string[] = [];
  const onQuery = (sql: string) => queries.push(sql);
  if (driver === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const handle = await openDb({ loadDataDir: dump, onQuery });
    return { ...handle, queries };
  }
  const pg = inject('pgTemplate');
  if (!pg) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mb_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${pg.template}`);
  await admin.end();
  const url = withDatabase(pg.adminUrl, name);
  const handle = await openDb({ url, onQuery, maxConnections: options.maxConnections ?? 25 });
  return {
    ...handle,
    queries,
    url,
    close: async () => {
      await handle.close();
      const a = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
