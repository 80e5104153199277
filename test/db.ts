// Fresh, migrated databases for integration tests, on PGlite and — when TEST_DATABASE_URL is
// set — on PostgreSQL.
//  - describeOnDatabases(title, { scenario? }, (t) => { … }): the usual shape of a database test —
//    one suite per driver, a fresh database opened before the suite (or each test) and closed after
//    it, a scenario imported into it; `t.db`, `t.queries.reset()`, `t.queries.count`.
//  - freshDb(driver): a database of its own, for the rare test that opens one itself; close it.
// Files that use them are named `*.db.test.ts` (the Vitest project `db`, with test/global-setup.ts).
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import { openDb, type Db, type DbHandle } from '../db/client';
import { importNetwork } from '../db/import/import-network';
import type { NetworkDocument } from '../db/import/schema';
import { withDatabase } from './global-setup';

export type DriverName = 'pglite' | 'postgres';

/** The drivers this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const drivers: DriverName[] = inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];

/** The statements a test database was sent, in order; an array, with a reset and a count. */
export type QueryLog = string[] & {
  /** Forgets the statements sent so far: count from here (P4's round trips). */
  reset(): void;
  /** Statements sent since the last reset. */
  readonly count: number;
  /** The parameters of each statement, in the same order (the plan test explains them with these). */
  readonly params: unknown[][];
};

function queryLog(): QueryLog {
  const log = [] as string[];
  const params: unknown[][] = [];
  // Not enumerable, so that `expect(t.queries).toEqual([])` still compares the statements only.
  Object.defineProperty(log, 'reset', { value: () => void ((log.length = 0), (params.length = 0)) });
  Object.defineProperty(log, 'count', { get: () => log.length });
  Object.defineProperty(log, 'params', { value: params });
  return log as QueryLog;
}

export interface TestDb extends DbHandle {
  /** Statements sent since the last reset; for P4's round-trip counts. */
  queries: QueryLog;
  /** PostgreSQL only: the URL of this test database, for tests that watch it from a second connection. */
  url?: string;
}

/** `maxConnections`: the postgres.js pool size (default 25); tests of pool pressure make it small. */
export async function freshDb(driver: DriverName, options: { maxConnections?: number } = {}): Promise<TestDb> {
  const queries = queryLog();
  const onQuery = (sql: string, params: unknown[]) => {
    queries.push(sql);
    queries.params.push(params);
  };
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

export interface DatabaseSuiteOptions<S> {
  /**
   * Imported into the fresh database before the tests: a network@1 document (through the
   * importer; a refused document fails the suite), or a function of the database that builds one's
   * worth of rows and returns what the tests need (`t.scenario`).
   */
  scenario?: NetworkDocument | ((db: Db, handle: TestDb) => Promise<S>);
  /** 'each': a fresh database (and scenario) for every test instead of one for the suite. */
  fresh?: 'suite' | 'each';
  /** The postgres.js pool size (default 25); tests of pool pressure make it small. */
  maxConnections?: number;
}

/**
 * What a database suite's tests see: the current test database (a TestDb, so it can be passed
 * where one is expected) and the imported scenario. Read it inside hooks and tests only — it is
 * opened in beforeAll (or beforeEach).
 */
export interface DatabaseSuite<S> extends TestDb {
  /** What `options.scenario` returned (the import report for a document). */
  readonly scenario: S;
}

/**
 * `describe.each(drivers)` with a fresh database per driver: `title` may hold `%s` for the driver
 * (else " (%s)" is added). The database is opened, and the scenario imported, before the suite's
 * own hooks run, and closed after them.
 */
export function describeOnDatabases<S = void>(title: string, body: (t: DatabaseSuite<S>) => void): void;
export function describeOnDatabases<S = void>(
  title: string,
  options: DatabaseSuiteOptions<S>,
  body: (t: DatabaseSuite<S>) => void,
): void;
export function describeOnDatabases<S = void>(
  title: string,
  optionsOrBody: DatabaseSuiteOptions<S> | ((t: DatabaseSuite<S>) => void),
  maybeBody?: (t: DatabaseSuite<S>) => void,
): void {
  const options = typeof optionsOrBody === 'function' ? {} : optionsOrBody;
  const body = typeof optionsOrBody === 'function' ? optionsOrBody : maybeBody!;
  describe.each(drivers)(title.includes('%s') ? title : `${title} (%s)`, (driver) => {
    let handle: TestDb | undefined;
    let scenario: S | undefined;
    const current = (): TestDb => {
      if (!handle) throw new Error('the test database is opened in beforeAll/beforeEach: use it inside hooks and tests');
      return handle;
    };
    const open = async () => {
      handle = await freshDb(driver, { maxConnections: options.maxConnections });
      scenario = await importInto(handle, options.scenario);
    };
    const close = async () => {
      const h = handle;
      handle = undefined;
      scenario = undefined;
      await h?.close();
    };
    if (options.fresh === 'each') {
      beforeEach(open);
      afterEach(close);
    } else {
      beforeAll(open);
      afterAll(close);
    }
    const suite: DatabaseSuite<S> = {
      driver,
      get db() {
        return current().db;
      },
      get queries() {
        return current().queries;
      },
      get url() {
        return current().url;
      },
      get scenario() {
        current();
        return scenario as S;
      },
      close: () => current().close(),
    };
    body(suite);
  });
}

async function importInto<S>(handle: TestDb, scenario: DatabaseSuiteOptions<S>['scenario']): Promise<S | undefined> {
  if (!scenario) return undefined;
  if (typeof scenario === 'function') return scenario(handle.db, handle);
  const result = await importNetwork(handle.db, scenario);
  if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result.errors)}`);
  return result as S;
}
