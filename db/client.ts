// The one place that picks the database driver: DATABASE_URL → postgres.js pool, else PGlite on
// disk in PGLITE_DIR; DATABASE_REPLICA_URL → a second pool on a streaming replica for the views
// (getReadDb; which read may go there is lib/auth/read-routing.ts's decision). Lazy: nothing opens
// at import time, so `next build` never touches a database.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from 'drizzle-orm/logger';
import { env } from '../lib/env';
import { lockPgliteDir } from './pglite-lock';
import * as schema from './schema';

export { DatabaseInUseError, DATABASE_IN_USE_EXIT_CODE } from './pglite-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; it offers the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** A postgres:// URL; without it, PGlite. */
  url?: string;
  /**
   * PGlite data directory; created when missing. Ignored with `url`. Opening it takes `<dir>.lock`
   * (db/pglite-lock.ts): a second opener, in this process or another, gets DatabaseInUseError.
   */
  pgliteDir?: string;
  /** PGlite: start from this dump (`dumpDataDir`) instead of an empty cluster — tests use it. */
  loadDataDir?: Blob | File;
  /**
   * Called once per statement sent, with its parameters; tests count round trips with it, and the
   * plan test (test/support/view-plans.ts) explains the statement with the same parameters.
   */
  onQuery?: (sql: string, params: unknown[]) => void;
  /** postgres.js pool size. */
  maxConnections?: number;
  /**
   * postgres.js: prepare the views' statements (db/prepared.ts; default true). False behind a pooler
   * that loses prepared statements between transactions.
   */
  prepare?: boolean;
  /** postgres.js: give up connecting after this many seconds (default 30; the replica's is short). */
  connectTimeoutSeconds?: number;
}

export async function openDb(options: OpenDbOptions = {}): Promise<DbHandle> {
  const logger: Logger | undefined = options.onQuery
    ? { logQuery: (query, params) => options.onQuery?.(query, params) }
    : undefined;

  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      ...(options.connectTimeoutSeconds ? { connect_timeout: options.connectTimeoutSeconds } : {}),
      onnotice: () => {},
      // Whether a statement asked to be prepared (db/prepared.ts) is; false sends every one unnamed.
      prepare: options.prepare !== false,
      // Dates stay 'YYYY-MM-DD' strings end to end, as on PGlite.
      types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
    });
    const db = drizzle({ client, schema, casing: 'snake_case', logger }) as unknown as Db;
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // `memory://…` is PGlite's in-memory store, not a folder: pass it through untouched.
  const inMemory = !options.pgliteDir || options.pgliteDir.startsWith('memory://');
  const dir = inMemory ? options.pgliteDir : path.resolve(/* turbopackIgnore: true */ options.pgliteDir!);
  // PGlite does not create missing parent folders.
  if (!inMemory && dir) mkdirSync(dir, { recursive: true });
  // One process owns a directory: taken before PGlite touches it.
  const unlock = !inMemory && dir ? lockPgliteDir(dir, options.pgliteDir) : () => {};
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dir, {
      loadDataDir: options.loadDataDir,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzle({ client, schema, casing: 'snake_case', logger }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Options for the configured database (the app's, the CLI scripts'). */
export function configuredDbOptions(): OpenDbOptions {
  const e = env();
  return e.DATABASE_URL ? { url: e.DATABASE_URL, prepare: e.DATABASE_PREPARE === 'on' } : { pgliteDir: e.PGLITE_DIR };
}

/** Options for the configured replica, or null without one (then every read is the primary's). */
export function configuredReplicaOptions(): OpenDbOptions | null {
  const e = env();
  if (!e.DATABASE_URL || !e.DATABASE_REPLICA_URL) return null;
  // A replica that does not answer must not hold a page for postgres.js's default 30 s.
  return { url: e.DATABASE_REPLICA_URL, prepare: e.DATABASE_PREPARE === 'on', connectTimeoutSeconds: Math.max(1, Math.ceil(e.DATABASE_REPLICA_TIMEOUT_MS / 1000)) };
}

/** Whether a replica is configured: without one nothing reads or records a WAL position. */
export function hasReplica(): boolean {
  return configuredReplicaOptions() !== null;
}

// One handle per process, kept on globalThis so that dev-mode module reloading does not open a
// second PGlite on the same directory (one process owns a PGlite directory).
const globalForDb = globalThis as unknown as { __mbDb?: Promise<DbHandle>; __mbReplica?: Promise<DbHandle> };

/** The process-wide database of the app, opened on first use. */
export function getDb(): Promise<Db> {
  // A failed open (e.g. DatabaseInUseError while an import holds PGlite) is not remembered: the
  // next request tries again.
  globalForDb.__mbDb ??= openDb(configuredDbOptions()).catch((error: unknown) => {
    globalForDb.__mbDb = undefined;
    throw error;
  });
  return globalForDb.__mbDb.then((h) => h.db);
}

/**
 * The database the views read from: the replica when one is configured, else the primary itself.
 * Callers go through lib/auth/read-routing.ts, which sends a patron with a write the replica has not
 * replayed yet, and every read while the replica fails, to getDb() instead.
 */
export function getReadDb(): Promise<Db> {
  const options = configuredReplicaOptions();
  if (!options) return getDb();
  globalForDb.__mbReplica ??= openDb(options).catch((error: unknown) => {
    globalForDb.__mbReplica = undefined;
    throw error;
  });
  return globalForDb.__mbReplica.then((h) => h.db);
}
