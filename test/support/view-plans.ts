// The plans of the portal's statements (issue 16: a page costs what its patron has, not what the
// network holds). Shared by the plan test (lib/data/view-plans.db.test.ts: EXPLAIN on a generated
// network, no full scan of a network-sized table) and the bench appendix (bench/explain.ts:
// EXPLAIN (ANALYZE, BUFFERS) on the bench database), so both judge the same statements alike:
// - VIEW_CASES: each view's data function as its page calls it, plus the session check and the
//   renew action's read; each sends its statement(s) through a database opened with `onQuery`,
//   which hands over the SQL text and its parameters;
// - explainStatement: EXPLAIN of one captured statement with those same parameters (a custom plan
//   for these values, as the view itself got);
// - explainGenericStatement: EXPLAIN of the generic plan PostgreSQL may settle on for a statement
//   it runs prepared (db/prepared.ts: after five runs, when no dearer than the custom ones);
// - fullScansOnNetworkTables: the pure verdict on a JSON plan (sequential scans, and index reads
//   with no Index Cond, which walk the whole index).
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { renewLoansForAccount } from '../../lib/actions/renew-loans-core';
import type { SignedInAccount } from '../../lib/auth/session';
import { sessionStillCounts } from '../../lib/auth/session-store';
import { listCards } from '../../lib/data/cards';
import { getFeesView } from '../../lib/data/fees';
import { getHistoryView } from '../../lib/data/history';
import { getLibraryCardView } from '../../lib/data/library-card';
import { getLoansView } from '../../lib/data/loans';
import { getMembershipsRows } from '../../lib/data/memberships';
import { getOverview } from '../../lib/data/overview';
import { getRenewalInputsRows } from '../../lib/data/renewal-inputs';
import { getReservationsView } from '../../lib/data/reservations';
import type { IsoDate } from '../../lib/domain/dates';

export { fullScansOnNetworkTables, NETWORK_TABLES } from './plan-judge';

/** One statement as the driver was sent it. */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** Who asks, about which card, and which loans the renewal names. */
export interface PlanContext {
  db: Db;
  account: SignedInAccount;
  /** The session id the session check looks up (any well-formed id; it need not be ended). */
  sessionId: string;
  slug: string;
  today: IsoDate;
  /** The account's open loans: what the renew read and renew-all name. */
  loanIds: number[];
}

export interface ViewCase {
  name: string;
  /** Sends the statement(s) of this view through ctx.db. */
  run(ctx: PlanContext): Promise<unknown>;
  /** It writes (renews): run it last, and the bench explains it inside a rolled-back transaction. */
  writes?: true;
}

/** Every page's statement (as the loaders of lib/data/loaders.ts call it), the session check and the renewal. */
export const VIEW_CASES: readonly ViewCase[] = [
  {
    name: 'session check',
    run: (c) => sessionStillCounts(c.db, { accountId: c.account.accountId, sessionVersion: c.account.sessionVersion, sessionId: c.sessionId }),
  },
  { name: 'overview', run: (c) => getOverview(c.db, c.account, c.today) },
  { name: 'card chooser', run: (c) => listCards(c.db, c.account, c.today) },
  { name: 'loans', run: (c) => getLoansView(c.db, c.account, c.slug, c.today) },
  { name: 'reservations', run: (c) => getReservationsView(c.db, c.account, c.slug, c.today) },
  { name: 'fees', run: (c) => getFeesView(c.db, c.account, c.slug, c.today) },
  { name: 'history', run: (c) => getHistoryView(c.db, c.account, c.slug, { page: 1 }, c.today) },
  { name: 'history search', run: (c) => getHistoryView(c.db, c.account, c.slug, { page: 1, search: 'de' }, c.today) },
  { name: 'memberships', run: (c) => getMembershipsRows(c.db, c.account) },
  { name: 'library card', run: (c) => getLibraryCardView(c.db, c.account) },
  { name: 'renew read', run: (c) => getRenewalInputsRows(c.db, c.account, { kind: 'ids', loanIds: c.loanIds }) },
  {
    name: 'renew-all',
    writes: true,
    run: (c) => renewLoansForAccount(c.db, c.account, { requestKey: crypto.randomUUID(), loanIds: c.loanIds }, c.today),
  },
];

/** The captured statement again, its `$n` placeholders bound to the captured parameters. */
export function rebuildStatement(statement: CapturedStatement): SQL {
  // Drizzle numbers every parameter occurrence ($1, $2, … in order); `$` followed by a digit
  // appears nowhere else in the project's SQL (no dollar-quoting, regexes end in `$'`).
  const parts = statement.sql.split(/\$(\d+)/);
  const chunks = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.param(statement.params[Number(part) - 1])));
  return sql.join(chunks, sql.raw(''));
}

/** EXPLAIN of one captured statement: the JSON plan, or with `analyze` the text of EXPLAIN (ANALYZE, BUFFERS). */
export async function explainStatement(db: Executor, statement: CapturedStatement, format: 'json'): Promise<unknown>;
export async function explainStatement(db: Executor, statement: CapturedStatement, format: 'analyze-text' | 'analyze-json'): Promise<string>;
export async function explainStatement(
  db: Executor,
  statement: CapturedStatement,
  format: 'json' | 'analyze-text' | 'analyze-json',
): Promise<unknown> {
  const options = { json: sql.raw('(format json)'), 'analyze-text': sql.raw('(analyze, buffers)'), 'analyze-json': sql.raw('(analyze, buffers, format json)') }[format];
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`explain ${options} ${rebuildStatement(statement)}`));
  if (format === 'analyze-text') return rows.map((r) => String(r['QUERY PLAN'])).join('\n');
  const plan = rows[0]?.['QUERY PLAN'];
  return format === 'analyze-json' && typeof plan !== 'string' ? JSON.stringify(plan) : plan;
}

/** A parameter written as an SQL literal, for EXECUTE (the prepared statement's types decide its type). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  if (Array.isArray(value)) return quote(`{${value.map((v) => (typeof v === 'string' ? `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : String(v))).join(',')}}`);
  if (value instanceof Date) return quote(value.toISOString());
  return quote(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * EXPLAIN (FORMAT JSON) of the generic plan of one captured statement: prepared under a name of
 * its own and executed with `plan_cache_mode = force_generic_plan`, in a transaction (one
 * connection), deallocated after. PostgreSQL only: the prepared path is postgres.js's.
 */
export async function explainGenericStatement(db: Db, statement: CapturedStatement): Promise<unknown> {
  const name = `mb_generic_${Math.random().toString(36).slice(2, 10)}`;
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw('set local plan_cache_mode = force_generic_plan'));
    await tx.execute(sql.raw(`prepare ${name} as ${statement.sql}`));
    const args = statement.params.length === 0 ? '' : `(${statement.params.map(literal).join(', ')})`;
    const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql.raw(`explain (format json) execute ${name}${args}`)));
    // Not in a `finally`: after a failed EXPLAIN the transaction is aborted, and a deallocate there
    // would hide the real error behind its own (the name is random; the statement dies with the connection).
    await tx.execute(sql.raw(`deallocate ${name}`));
    return rows[0]?.['QUERY PLAN'];
  });
}
