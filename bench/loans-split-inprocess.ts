// In-process parts of the loans page's cost (run by bench/loans-split.ts as a child process, with
// DATABASE_URL, the session cookie's token in LOANS_SPLIT_TOKEN and the server's secret in
// NEXTAUTH_SECRET): what the page does outside React, each timed without HTTP.
//  - the view's one statement and its TypeScript mapping (getLoansView) for each card asked;
//  - the session check's two halves: decoding the next-auth JWT (done twice per page request: once
//    in proxy.ts for the sliding idle limit, once in getSignedInAccount) and sessionStillCounts
//    (one statement).
// Prints one line `BENCH_JSON <json>`.
import { eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { configuredDbOptions, openDb } from '../db/client';
import { accounts } from '../db/schema';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import { sessionStillCounts } from '../lib/auth/session-store';
import { getLoansView } from '../lib/data/loans';
import { todayInBrussels } from '../lib/domain/dates';

const RUNS = 25;
const WARM = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS + WARM; i += 1) {
    const t = performance.now();
    await fn();
    if (i >= WARM) runs.push(performance.now() - t);
  }
  return median(runs);
}

const slugs = (process.env.LOANS_SPLIT_CARDS ?? '').split(',').filter(Boolean);
const token = process.env.LOANS_SPLIT_TOKEN ?? '';
const secret = process.env.NEXTAUTH_SECRET ?? '';
const handle = await openDb(configuredDbOptions());
const db = handle.db;
try {
  const [row] = await db.select({ id: accounts.id, sv: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, BENCH_ACCOUNT.username));
  if (!row) throw new Error('no bench account: seed with --scale');
  const account = { accountId: row.id, sessionVersion: row.sv };
  const today = todayInBrussels(new Date());
  const views: { slug: string; loans: number; medianMs: number }[] = [];
  for (const slug of slugs) {
    const view = await getLoansView(db, account, slug, today);
    views.push({ slug, loans: view?.byDueDate.length ?? 0, medianMs: await medianMs(() => getLoansView(db, account, slug, today)) });
  }
  const claims = token ? await decode({ token, secret }) : null;
  if (!claims || typeof claims.sid !== 'string') throw new Error('the session token given does not decode with the secret given');
  const jwtDecodeMs = await medianMs(() => decode({ token, secret }));
  const stillCountsMs = await medianMs(() => sessionStillCounts(db, { accountId: account.accountId, sessionVersion: account.sessionVersion, sessionId: claims.sid as string }));
  console.log(`BENCH_JSON ${JSON.stringify({ views, jwtDecodeMs, stillCountsMs })}`);
} finally {
  await handle.close();
}
