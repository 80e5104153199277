// The views' statements, prepared. Drizzle sends a raw statement (`db.execute`) unnamed, so
// PostgreSQL plans it anew on every call, and planning a view's statement (many CTEs and lateral
// subqueries) costs as much as running it: the loans view took 10 ms to plan and 11 ms to run at
// 150,000 patrons (bench/REPORT.md, the plans' appendix). Sent named instead, the plan is kept:
// after five runs PostgreSQL settles on a generic plan when it is no dearer than the custom ones.
//  - PostgreSQL: through postgres.js's statement cache (per connection, keyed by the text). A
//    client opened with `prepare: false` (DATABASE_PREPARE=off, for a pooler that loses prepared
//    statements) sends them unnamed anyway.
//  - PGlite (one session, in this process): named once per text with the wire protocol's Parse,
//    then Bind/Execute — what PGlite's own `query` does with an unnamed statement, under the same
//    two locks (no statement of another caller's transaction in between, no interleaved protocol).
//    Inside a transaction (drizzle hands a transaction object, not PGlite) it runs as before.
// Only for statements whose text does not vary with the data (the views take everything as
// parameters): each distinct text stays prepared on every connection. And only for results whose
// column types a migration will not change (a json `view`, an int, a bool): a prepared statement
// whose result type changed fails until its connection is opened anew.
import type { PGlite, Results } from '@electric-sql/pglite';
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

/** postgres.js's client; PGlite's has no `unsafe`. */
function preparingClient(client: unknown): PreparingClient | null {
  const c = client as Partial<PreparingClient> | undefined;
  return typeof c?.unsafe === 'function' ? (c as PreparingClient) : null;
}

/** What this needs of a PGlite instance (its own `query` uses the same; a transaction object has none of it). */
interface PgliteSession {
  execProtocolStream: PGlite['execProtocolStream'];
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  syncToFs(): Promise<void>;
  serializers: Record<number, (value: unknown) => string>;
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
}

function pgliteSession(client: unknown): PgliteSession | null {
  const c = client as Partial<PgliteSession> | undefined;
  return typeof c?.execProtocolStream === 'function' && typeof c._runExclusiveTransaction === 'function' && typeof c._runExclusiveQuery === 'function'
    ? (c as PgliteSession)
    : null;
}

/** Runs `statement` prepared where the driver can, else as `db.execute` does; the same result either way. */
export async function executePrepared(db: Executor, statement: SQL): Promise<unknown> {
  const { dialect, session } = db as unknown as DrizzleInternals;
  const client = preparingClient(session?.client);
  const pglite = client ? null : pgliteSession(session?.client);
  if (!client && !pglite) return db.execute(statement);
  const query = dialect.sqlToQuery(statement);
  session.logger?.logQuery(query.sql, query.params);
  return client ? client.unsafe(query.sql, query.params, { prepare: true }) : runPreparedOnPglite(pglite!, query.sql, query.params);
}

// Per PGlite instance: the statements named so far, by text (with their parameter types). On
// globalThis, like the instance itself (db/client.ts): Next.js bundles pages and route handlers
// apart, each with its own copy of this module, and both must know which names the one session
// already holds.
type NamedStatements = WeakMap<PgliteSession, Map<string, { name: string; paramTypes: number[] }>>;
const globalForPrepared = globalThis as unknown as { __mbPgliteStatements?: NamedStatements };
const pgliteStatements: NamedStatements = (globalForPrepared.__mbPgliteStatements ??= new WeakMap());

/**
 * PGlite's protocol helpers, imported on first use (as db/client.ts imports PGlite: a PostgreSQL
 * deployment never loads it), once — this runs on every page view — with the result parsers of
 * drizzle's PGlite driver: dates, times and intervals stay text (their arrays too: date[] 1182,
 * timestamp[] 1115, timestamptz[] 1185, interval[] 1187, numeric[] 1231, by OID as drizzle names
 * them), so a plain column reads alike on both paths.
 */
type PgliteModule = typeof import('@electric-sql/pglite');
interface PgliteHelpers {
  parse: PgliteModule['parse'];
  serialize: PgliteModule['protocol']['serialize'];
  parsers: Record<number, (value: string) => string>;
}
let pgliteHelpers: Promise<PgliteHelpers> | undefined;
function loadPgliteHelpers(): Promise<PgliteHelpers> {
  pgliteHelpers ??= import('@electric-sql/pglite').then(({ parse, protocol, types }) => {
    const asText = (value: string) => value;
    const parsers = Object.fromEntries([types.DATE, types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, 1182, 1115, 1185, 1187, 1231].map((oid) => [oid, asText]));
    return { parse, serialize: protocol.serialize, parsers };
  });
  return pgliteHelpers;
}

async function runPreparedOnPglite(pg: PgliteSession, text: string, params: unknown[]): Promise<Results> {
  const { parse, serialize, parsers } = await loadPgliteHelpers();
  const send = (message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false });
  return pg._runExclusiveTransaction(() =>
    pg._runExclusiveQuery(async () => {
      let statements = pgliteStatements.get(pg);
      if (!statements) pgliteStatements.set(pg, (statements = new Map()));
      try {
        let prepared = statements.get(text);
        if (!prepared) {
          const name = `mb_view_${statements.size + 1}`;
          await send(serialize.parse({ name, text }));
          const paramTypes = parse.parseDescribeStatementResults(await send(serialize.describe({ type: 'S', name })));
          prepared = { name, paramTypes };
          statements.set(text, prepared);
        }
        const types = prepared.paramTypes;
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serializer = pg.serializers[types[i]!];
          return serializer ? serializer(value) : String(value);
        });
        const messages = [
          ...(await send(serialize.bind({ statement: prepared.name, values }))),
          ...(await send(serialize.describe({ type: 'P' }))),
          ...(await send(serialize.execute({}))),
        ];
        return parse.parseResults(messages, pg.parsers, { rowMode: 'object', parsers })[0]!;
      } finally {
        // Ends the extended-protocol exchange, also after an error (which skips to the Sync).
        await send(serialize.sync());
      }
    }),
  ).finally(() => pg.syncToFs());
}
