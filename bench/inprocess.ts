// In-process figures on a seeded database (run by bench/run.ts with DATABASE_URL or PGLITE_DIR):
// - round trips per view: the lib/data function each page calls (test/support/view-plans.ts
//   VIEW_CASES: every page, the session check a page adds, the renew read), counted with
//   openDb({ onQuery });
// - their latency (median of repeated calls, no HTTP);
// - renewing the bench account's ~200 open loans in ONE renewLoansForAccount call: latency and
//   round trips, then the same request key again (the stored answer).
// Prints one line `BENCH_JSON <json>` for bench/run.ts.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { configuredDbOptions, openDb } from '../db/client';
import { accountPatrons, accounts, loans } from '../db/schema';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import { renewLoansForAccount } from '../lib/actions/renew-loans-core';
import { listCards } from '../lib/data/cards';
import { getLoansView } from '../lib/data/loans';
import { todayInBrussels } from '../lib/domain/dates';
import { VIEW_CASES, type PlanContext } from '../test/support/view-plans';

const renew = process.argv.includes('--renew');
const queries: string[] = [];
const handle = await openDb({ ...configuredDbOptions(), onQuery: (sql: string) => queries.push(sql) });
const db = handle.db;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; queries: number }> {
  queries.length = 0;
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t, queries: queries.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const [row] = await db.select({ id: accounts.id, sv: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, BENCH_ACCOUNT.username));
  if (!row) throw new Error('no bench account: seed with --scale');
  const account = { accountId: row.id, sessionVersion: row.sv };
  const today = todayInBrussels(new Date());
  const cards = await listCards(db, account, today);
  const patronIds = (await db.select({ id: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, account.accountId))).map((r) => r.id);
  const open = await db.select({ id: loans.id, patronId: loans.patronId }).from(loans).where(and(inArray(loans.patronId, patronIds), isNull(loans.returnedOn)));

  // The card with the most open loans is the one the HTTP bench requests.
  const perCard: { slug: string; loans: number }[] = [];
  for (const c of cards) perCard.push({ slug: c.slug, loans: (await getLoansView(db, account, c.slug, today))?.byDueDate.length ?? 0 });
  perCard.sort((a, b) => b.loans - a.loans);
  const slug = perCard[0]!.slug;

  const views: Record<string, { queries: number; medianMs: number }> = {};
  // Every page's statement, the session check and the renew read (the cases the plan test judges).
  const ctx: PlanContext = { db, account, sessionId: 'bench-inprocess-session-0000', slug, today, loanIds: open.map((l) => l.id) };
  const measure = async (name: string, fn: () => Promise<unknown>) => {
    const runs: number[] = [];
    let q = 0;
    for (let i = 0; i < 15; i += 1) {
      const r = await timed(fn);
      runs.push(r.ms);
      q = r.queries;
    }
    views[name] = { queries: q, medianMs: median(runs.slice(3)) };
  };
  for (const view of VIEW_CASES.filter((v) => !v.writes)) await measure(view.name, () => view.run(ctx));

  let renewal: unknown = null;
  if (renew) {
    const requestKey = randomUUID();
    const input = { requestKey, loanIds: open.map((l) => l.id) };
    const first = await timed(() => renewLoansForAccount(db, account, input, today));
    const replay = await timed(() => renewLoansForAccount(db, account, input, today));
    const data = first.value.ok ? first.value.data : null;
    renewal = {
      loans: open.length,
      ms: first.ms,
      queries: first.queries,
      renewed: data?.renewed ?? null,
      refused: data?.refused ?? null,
      failure: first.value.ok ? null : first.value.code,
      replayMs: replay.ms,
      replayQueries: replay.queries,
    };
  }
  console.log(`BENCH_JSON ${JSON.stringify({ driver: handle.driver, cards: perCard, slug, openLoans: open.length, views, renewal })}`);
} finally {
  await handle.close();
}
