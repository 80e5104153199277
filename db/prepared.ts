// The views' statements, prepared on PostgreSQL. Drizzle sends a raw statement (`db.execute`)
// unnamed, so PostgreSQL plans it anew on every call, and planning a view's statement (many CTEs
// and lateral subqueries) costs as much as running it: the loans view took 10 ms to plan and 11 ms
// to run at 150,000 patrons (bench/REPORT.md, the plans' appendix). Sent named instead, through
// postgres.js's statement cache (per connection, keyed by the text), the plan is kept: after five
// runs PostgreSQL settles on a generic plan when it is no dearer than the custom ones.
// Only for statements whose text does not vary with the data (the views take everything as
// parameters): each distinct text stays prepared on every connection of the pool. And only for
// results whose column types a migration will not change (a json `view`, an int, a bool): a
// prepared statement whose result type changed fails inside a transaction until the pool reconnects.
// PGlite, and a client opened with `prepare: false` (DATABASE_PREPARE=off, for a pooler that loses
// prepared statements), run the statement as before.
import type { SQL } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * What this needs of postgres.js's client, a pool's or a transaction's. Asking for `prepare: true`
 * is safe on both: a connection opened with `prepare: false` sends the statement unnamed anyway.
 */
interface PreparingClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<unknown>;
}

/** Drizzle's parts of a database or transaction handle used here (not in its public types). */
interface DrizzleInternals {
  dialect: PgDialect;
  session: { client?: unknown; logger?: { logQuery(query: string, params: unknown[]): void } };
}

/** postgres.js's client; PGlite's (which keeps no plans between statements) has no `unsafe`. */
function preparingClient(client: unknown): PreparingClient | null {
  const c = client as Partial<PreparingClient> | undefined;
  return typeof c?.unsafe === 'function' ? (c as PreparingClient) : null;
}

/** Runs `statement` prepared where the driver can, else as `db.execute` does; the same result either way. */
export async function executePrepared(db: Executor, statement: SQL): Promise<unknown> {
  const { dialect, session } = db as unknown as DrizzleInternals;
  const client = preparingClient(session?.client);
  if (!client) return db.execute(statement);
  const query = dialect.sqlToQuery(statement);
  session.logger?.logQuery(query.sql, query.params);
  return client.unsafe(query.sql, query.params, { prepare: true });
}
