// The report's appendix (issue 16 point 2): EXPLAIN (ANALYZE, BUFFERS) of each view's statement,
// the session check and the renew action's read, for the bench account on a seeded database
// (DATABASE_URL or PGLITE_DIR), with a one-line verdict per view: the full scans (sequential, or
// through an index with no condition) of network-sized tables (test/support/view-plans.ts, the same cases and the same judge as the plan
// test lib/data/view-plans.db.test.ts). Run in a child process by bench/explain-report.ts
// (`--slug S`: the card to read; default the bench account's card with the most open loans).
// Reads only: the renewal itself (which writes) is left to bench/inprocess.ts.
// Prints one line `BENCH_JSON <json>` (ExplainResult).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { configuredDbOptions, openDb } from '../db/client';
import { rowsOf } from '../db/rows';
import { accountPatrons, accounts, loans } from '../db/schema';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import { listCards } from '../lib/data/cards';
import { getLoansView } from '../lib/data/loans';
import { todayInBrussels } from '../lib/domain/dates';
import {
  explainGenericStatement,
  explainStatement,
  fullScansOnNetworkTables,
  VIEW_CASES,
  type CapturedStatement,
  type PlanContext,
} from '../test/support/view-plans';
import type { ExplainResult } from './explain-report';

const slugArg = process.argv.indexOf('--slug');
const captured: CapturedStatement[] = [];
const handle = await openDb({ ...configuredDbOptions(), onQuery: (text, params) => captured.push({ sql: text, params }) });
const db = handle.db;

try {
  const [row] = await db
    .select({ id: accounts.id, sv: accounts.sessionVersion })
    .from(accounts)
    .where(eq(accounts.username, BENCH_ACCOUNT.username));
  if (!row) throw new Error('no bench account: seed with --scale');
  const account = { accountId: row.id, sessionVersion: row.sv };
  const today = todayInBrussels(new Date());
  const patronIds = (
    await db.select({ id: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, account.accountId))
  ).map((r) => r.id);
  const loanIds = (
    await db.select({ id: loans.id }).from(loans).where(and(inArray(loans.patronId, patronIds), isNull(loans.returnedOn)))
  ).map((r) => r.id);
  let slug = slugArg >= 0 ? process.argv[slugArg + 1] : undefined;
  if (!slug) {
    let most = -1;
    for (const card of await listCards(db, account, today)) {
      const n = (await getLoansView(db, account, card.slug, today))?.byDueDate.length ?? 0;
      if (n > most) [most, slug] = [n, card.slug];
    }
  }
  if (!slug) throw new Error('the bench account has no card');
  const ctx: PlanContext = { db, account, sessionId: 'bench-explain-session-0000', slug, today, loanIds };

  // A scan of a table the seeded network leaves small (the generator creates few accounts, no change
  // log) says little: the verdict gives each scanned table's size on this network.
  const sizes = new Map(
    rowsOf<{ name: string; n: number }>(
      await db.execute(sql`select relname as name, reltuples::bigint::int as n from pg_class where relkind = 'r'`),
    ).map((r) => [r.name, Number(r.n)]),
  );
  const sized = (scan: string) => {
    const n = sizes.get(scan.split(' ')[0]!) ?? -1;
    // -1: never analysed (the seed ran no ANALYZE and autovacuum has not come by): the planner guesses too.
    return `${scan}: ${n < 0 ? 'never analysed' : `${n.toLocaleString('en')} rows`}`;
  };
  const views: ExplainResult['views'] = [];
  for (const view of VIEW_CASES.filter((v) => !v.writes)) {
    captured.length = 0;
    await view.run(ctx);
    const statements = [...captured];
    captured.length = 0;
    const plans = [];
    for (const statement of statements) {
      // The plain JSON plan for the verdict (what the plan test judges); the ANALYZE text for the reader.
      const seqScans = fullScansOnNetworkTables(await explainStatement(db, statement, 'json')).map(sized);
      // The generic plan the prepared statement may settle on (db/prepared.ts), judged alike.
      const genericScans = handle.driver === 'postgres' ? fullScansOnNetworkTables(await explainGenericStatement(db, statement)).map(sized) : null;
      const analyzed = await explainStatement(db, statement, 'analyze-text');
      plans.push({ seqScans, genericScans, text: analyzed });
    }
    views.push({ name: view.name, statements: statements.length, plans });
  }
  const result: ExplainResult = { driver: handle.driver, slug, openLoans: loanIds.length, views };
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
} finally {
  await handle.close();
}
