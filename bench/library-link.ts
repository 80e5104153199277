// The library-link figures of `npm run bench`, in-process, on fresh embedded
// databases. Run by bench/run.ts (node --import tsx --import ./bench/server-only-hook.mjs); prints
// one line `BENCH_JSON <json>`.
//
// Every SIP2 message is counted on the wire by a proxy in front of the ACS (bench/sip-counting-proxy.ts),
// so the counts are what a library system would receive, not what the code meant to send.
//  A. The reference SIP2 server (../shared/sip2-reference-server), on loopback: its sample ILS has
//     three items, so 30 loans cannot exist there. Refresh and renew-all are measured with 1 and with
//     3 loans, and one item information (17) and one renew (29) alone: each further loan adds one
//     of each, which gives the extrapolation to 30.
//  B. A scripted ACS (bench/scripted-acs.ts) with 30 items charged to the patron: the same two
//     measurements, so the 30-loan figures are measured too; and both again through a second proxy
//     that holds every answer WAN_LATENCY_MS (20 ms), as a library system across the internet would.
// Each row splits its time on the wire: the library's (request → answer, seen by the proxy) and the
// portal's (the rest: statements, reconcile, SIP encoding) — see bench/sip-counting-proxy.ts.
//  C. Page views with and without the link: the loans page's data (getLoansView + linkedFreshness,
//     what app/(portal)/cards/[card]/loans/page.tsx calls) on the linked scenario, with no library
//     configured and with BE-REF01 linked — statements, latency and SIP messages; and the card's
//     after-the-response refresh check (refreshOpenedCard → refreshAccount onlyStale) on a fresh copy.
//
// Between renew-all runs the loans' renewal counters are put back to 0 (the scenario allows 10), so
// that every run asks the library for every loan; the due dates are left as the library set them.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { openDb, type Db } from '../db/client';
import { importNetwork } from '../db/import/import-network';
import type { NetworkDocument } from '../db/import/schema';
import { migrate } from '../db/migrate';
import { accounts, items, libraries, loans, patrons } from '../db/schema';
import {
  IMPORT_ONLY_ISIL,
  LINKED_ISIL,
  LINKED_REGION_SLUG,
  SAMPLE_ITEMS,
  linkedLibraryConfig,
  linkedLibraryScenario,
} from '../db/seed/reference-library';
import { renewLoansForAccount } from '../lib/actions/renew-loans-core';
import { getLoansView } from '../lib/data/loans';
import { addDays, todayInBrussels } from '../lib/domain/dates';
import { resetEnvForTests } from '../lib/env';
import { linkedFreshness } from '../lib/library-systems/freshness';
import { refreshAccount, refreshPatronAtLibrary, type RefreshTarget } from '../lib/library-systems/refresh';
import { librarySystems, resetLibrarySystemsForTests } from '../lib/library-systems/registry';
import { Sip2Client } from '../lib/library-systems/sip2';
import { sipDueDate } from '../lib/library-systems/sip2-adapter';
import { createLibrarySystems } from '../lib/library-systems/systems';
import { startSip2ReferenceServer } from '../test/support/sip2-reference-server';
import type { Figure, LibraryLinkResult } from './library-link-report';
import { startScriptedAcs } from './scripted-acs';
import { startCountingProxy, type CountingProxy } from './sip-counting-proxy';

const RUNS = Number(process.env.BENCH_LINK_RUNS ?? 15);
const SCRIPTED_LOANS = 30;
/** The latency the second proxy adds to every answer: a library system across the internet. */
const WAN_LATENCY_MS = Number(process.env.BENCH_LINK_LATENCY_MS ?? 20);
/** Fewer runs for the rows with latency: each costs ~0.7 s of waiting, and they vary only by the portal's part. */
const WAN_RUNS = Math.min(RUNS, 7);
const today = todayInBrussels(new Date());

const queries: string[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `runs` timed runs of `fn`, each counted on `proxy` and in the statement log. */
async function measure(loansCount: number, runs: number, proxy: CountingProxy, before: () => Promise<void>, fn: () => Promise<string>): Promise<Figure> {
  const times: number[] = [];
  const library: number[] = [];
  const portal: number[] = [];
  let messages = 0;
  let byId: Record<string, number> = {};
  let connections = 0;
  let statements = 0;
  let outcome = '';
  for (let i = 0; i < runs; i += 1) {
    await before();
    proxy.reset();
    queries.length = 0;
    const t = performance.now();
    outcome = await fn();
    const ms = performance.now() - t;
    times.push(ms);
    const c = proxy.counts();
    // On the wire: request seen by the proxy → answer handed back. The rest of the call is the portal's.
    library.push(c.libraryMs);
    portal.push(ms - c.libraryMs);
    if (c.total >= messages) {
      messages = c.total;
      byId = c.byId;
    }
    connections = Math.max(connections, c.connections);
    statements = Math.max(statements, queries.length);
  }
  return {
    loans: loansCount, runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times),
    libraryMs: median(library), portalMs: median(portal), latencyMs: proxy.latencyMs,
    messages, byId, connections, statements, outcome,
  };
}

async function freshDatabase(document: NetworkDocument): Promise<{ db: Db; close: () => Promise<void> }> {
  const handle = await openDb({ onQuery: (sql) => queries.push(sql) });
  await migrate(handle);
  const imported = await importNetwork(handle.db, document, { today, linkedIsils: [LINKED_ISIL] });
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported.errors.slice(0, 5))}`);
  return { db: handle.db, close: () => handle.close() };
}

async function davidAt(db: Db): Promise<{ account: { accountId: number; sessionVersion: number }; target: RefreshTarget }> {
  const [account] = await db.select().from(accounts).where(eq(accounts.username, 'david.fiander'));
  const [patron] = await db.select({ id: patrons.id }).from(patrons).where(eq(patrons.key, 'david'));
  const [library] = await db.select({ id: libraries.id }).from(libraries).where(eq(libraries.isil, LINKED_ISIL));
  if (!account || !patron || !library) throw new Error('scenario incomplete');
  return {
    account: { accountId: account.id, sessionVersion: account.sessionVersion },
    target: { patronId: patron.id, libraryId: library.id, isil: LINKED_ISIL, libraryPatronId: 'djfiander' },
  };
}

/** The production-like configuration of BE-REF01 pointing at `port` (default idle timeout: the pool stays warm between runs). */
const configAt = (port: number) => linkedLibraryConfig(port, 10_000, 30_000);

interface LinkSetup {
  db: Db;
  proxy: CountingProxy;
  account: { accountId: number; sessionVersion: number };
  target: RefreshTarget;
  /** Each refresh a minute after the last: the 30-second claim interval is not what is measured. */
  clock: { now: number };
}

async function measureRefresh(s: LinkSetup, loansCount: number, systems: ReturnType<typeof createLibrarySystems>, runs: number): Promise<Figure> {
  return measure(loansCount, runs, s.proxy, async () => {}, async () => {
    s.clock.now += 60_000;
    const outcome = await refreshPatronAtLibrary(s.db, systems, s.target, new Date(s.clock.now));
    if (outcome.status !== 'fetched') throw new Error(`refresh: ${JSON.stringify(outcome)}`);
    return `fetched, ${outcome.written} rows written`;
  });
}

async function measureRenewAll(s: LinkSetup, loansCount: number, systems: ReturnType<typeof createLibrarySystems>, runs: number): Promise<Figure> {
  const [library] = await s.db.select({ id: libraries.id }).from(libraries).where(eq(libraries.isil, LINKED_ISIL));
  return measure(
    loansCount,
    runs,
    s.proxy,
    async () => {
      await s.db.update(loans).set({ renewals: 0 }).where(and(eq(loans.patronId, s.target.patronId), eq(loans.libraryId, library!.id)));
    },
    async () => {
      const result = await renewLoansForAccount(s.db, s.account, { requestKey: randomUUID(), cardSlug: LINKED_REGION_SLUG, all: true }, today, systems);
      if (!result.ok) throw new Error(`renew-all: ${result.code}`);
      const failed = result.data.items.filter((i) => i.outcome === 'refused' && i.reason.startsWith('library'));
      if (failed.length > 0) throw new Error(`renew-all: the library refused or was unreachable: ${JSON.stringify(failed[0])}`);
      return `${result.data.renewed} of ${result.data.items.length} renewed`;
    },
  );
}

/** The loans page's data with and without the link, and the after-response check of a fresh card. */
async function measureViews(s: LinkSetup, linkedConfigJson: string) {
  const view = async () => {
    const v = await getLoansView(s.db, s.account, LINKED_REGION_SLUG, today);
    if (!v) throw new Error('no loans view');
    return `${v.byDueDate.length} loans, ${linkedFreshness(v.freshness).length} linked freshness line(s)`;
  };
  const configure = (json: string | null) => {
    if (json === null) delete process.env.LIBRARY_SYSTEMS;
    else process.env.LIBRARY_SYSTEMS = json;
    resetEnvForTests();
    resetLibrarySystemsForTests();
  };
  configure(null);
  await view(); // warm-up
  const withoutLink = await measure(0, 15, s.proxy, async () => {}, view);
  configure(linkedConfigJson);
  await view();
  const withLink = await measure(0, 15, s.proxy, async () => {}, view);
  // What the card layout starts after the response (refreshOpenedCard): on a copy fetched within
  // refreshAfterMinutes it only looks, and asks the library nothing.
  const afterResponse = await measure(0, 15, s.proxy, async () => {}, async () => {
    const results = await refreshAccount(s.db, librarySystems(), { accountId: s.account.accountId }, { cardSlug: LINKED_REGION_SLUG, onlyStale: true, staleAfterMinutes: 15 }, new Date(s.clock.now));
    return `${results.length} librar${results.length === 1 ? 'y' : 'ies'} refreshed`;
  });
  configure(null);
  return { withoutLink, withLink, afterResponse };
}

/** A: the reference server, 1 then 3 loans; C: the views. */
async function referenceServer() {
  const server = await startSip2ReferenceServer();
  const desk = () =>
    new Sip2Client({
      host: server.host, port: server.port, tls: false, charset: 'ascii', institutionId: 'UWOLS',
      login: { user: 'scclient', password: 'clientpwd' }, timeoutMs: 10_000,
    });
  const lend = async (barcodes: string[]) => {
    const d = desk();
    try {
      const lent = [];
      for (const barcode of barcodes) {
        const answer = await d.checkout('djfiander', barcode);
        if (!answer.ok) throw new Error(`checkout of ${barcode} refused: ${answer.screenMessages.join(' ')}`);
        lent.push({ item: barcode, patron: 'david' as const, dueOn: sipDueDate(answer.dueDate)! });
      }
      return lent;
    } finally {
      await d.close();
    }
  };
  const proxy = await startCountingProxy({ host: server.host, port: server.port });
  let database: { db: Db; close: () => Promise<void> } | null = null;
  try {
    const first = await lend([SAMPLE_ITEMS.perl]);
    database = await freshDatabase(linkedLibraryScenario({ today, linkedLoans: first }));
    const s: LinkSetup = { db: database.db, proxy, ...(await davidAt(database.db)), clock: { now: Date.now() } };

    // One loan. The first refresh opens the connection and logs in (cold); the others reuse it.
    let systems = createLibrarySystems(configAt(proxy.port));
    const coldRefresh1 = await measureRefresh(s, 1, systems, 1);
    const refresh1 = await measureRefresh(s, 1, systems, RUNS);
    const renew1 = await measureRenewAll(s, 1, systems, RUNS);
    // The reference server serves one connection at a time: the portal lets go before the desk lends.
    await systems.closeAll();
    await lend([SAMPLE_ITEMS.alibi, SAMPLE_ITEMS.potter]);

    // Three loans (the two new ones reach the copy through the first refresh, not measured).
    systems = createLibrarySystems(configAt(proxy.port));
    const coldRefresh3 = await measureRefresh(s, 3, systems, 1);
    const refresh3 = await measureRefresh(s, 3, systems, RUNS);
    const renew3 = await measureRenewAll(s, 3, systems, RUNS);
    // One message of each kind a further loan adds (17 to refresh, 29 to renew), through the
    // adapter on the warm pool: what 27 more loans would add in SIP round trips.
    const system = systems.forLibrary(LINKED_ISIL)!;
    const itemInformation = await measure(1, 30, proxy, async () => {}, async () => {
      await system.getItem(SAMPLE_ITEMS.perl);
      return 'item information';
    });
    const renewOne = await measure(1, 30, proxy, async () => {}, async () => {
      const answer = await system.renew('djfiander', SAMPLE_ITEMS.perl);
      if (!answer.ok) throw new Error(`renew at the reference server refused: ${answer.message}`);
      return 'renewed';
    });
    await systems.closeAll();

    const views = await measureViews(s, JSON.stringify(configAt(proxy.port)));
    return { coldRefresh1, refresh1, renew1, coldRefresh3, refresh3, renew3, itemInformation, renewOne, views };
  } finally {
    await database?.close();
    await proxy.close();
    await server.stop();
  }
}

/** B: the scripted ACS with 30 loans charged. */
async function scripted30() {
  const lent = Array.from({ length: SCRIPTED_LOANS }, (_, i) => ({
    barcode: `3100000${String(i + 1).padStart(6, '0')}`,
    title: `Bench title ${i + 1}`,
    dueOn: addDays(today, 7),
  }));
  const acs = await startScriptedAcs({ patron: 'djfiander', institutionId: 'UWOLS', loans: lent, renewTo: addDays(today, 14) });
  const proxy = await startCountingProxy({ host: '127.0.0.1', port: acs.port });
  const wanProxy = await startCountingProxy({ host: '127.0.0.1', port: acs.port }, { latencyMs: WAN_LATENCY_MS });
  let database: { db: Db; close: () => Promise<void> } | null = null;
  try {
    // The reference-library scenario, with the 30 loans as the library's last export had them.
    const doc = linkedLibraryScenario({ today });
    doc.titles = [...(doc.titles ?? []), ...lent.map((l) => ({ key: `bench-${l.barcode}`, title: l.title, material: 'book' as const }))];
    doc.items = [...(doc.items ?? []), ...lent.map((l) => ({ barcode: l.barcode, title: `bench-${l.barcode}`, library: LINKED_ISIL, branch: 'CENTRAL' }))];
    doc.loans = [
      ...(doc.loans ?? []),
      ...lent.map((l) => ({ item: l.barcode, patron: 'david', library: LINKED_ISIL, branch: 'CENTRAL', lentOn: addDays(today, -21), dueOn: l.dueOn, renewals: 0, returnedOn: null })),
    ];
    database = await freshDatabase(doc);
    const s: LinkSetup = { db: database.db, proxy, ...(await davidAt(database.db)), clock: { now: Date.now() } };
    const systems = createLibrarySystems(configAt(proxy.port));
    try {
      const coldRefresh = await measureRefresh(s, SCRIPTED_LOANS, systems, 1);
      const refresh = await measureRefresh(s, SCRIPTED_LOANS, systems, RUNS);
      const renew = await measureRenewAll(s, SCRIPTED_LOANS, systems, RUNS);
      // The same two through a proxy that holds every answer WAN_LATENCY_MS (its own pool, warmed by
      // one unmeasured refresh so that the login is not in the rows).
      const wanSystems = createLibrarySystems(configAt(wanProxy.port));
      const wan = { ...s, proxy: wanProxy };
      let wanRefresh: Figure;
      let wanRenew: Figure;
      try {
        await measureRefresh(wan, SCRIPTED_LOANS, wanSystems, 1);
        wanRefresh = await measureRefresh(wan, SCRIPTED_LOANS, wanSystems, WAN_RUNS);
        wanRenew = await measureRenewAll(wan, SCRIPTED_LOANS, wanSystems, WAN_RUNS);
      } finally {
        await wanSystems.closeAll();
      }
      const open = await database.db
        .select({ dueOn: loans.dueOn })
        .from(loans)
        .innerJoin(items, eq(items.id, loans.itemId))
        .where(inArray(items.barcode, lent.map((l) => l.barcode)));
      const agreed = open.filter((l) => l.dueOn === addDays(today, 14)).length;
      return { coldRefresh, refresh, renew, wanRefresh, wanRenew, dueDatesAsLibrary: `${agreed} of ${open.length}` };
    } finally {
      await systems.closeAll();
    }
  } finally {
    await database?.close();
    await proxy.close();
    await wanProxy.close();
    await acs.close();
  }
}

const started = performance.now();
const reference = await referenceServer();
const scripted = await scripted30();
const result: LibraryLinkResult = { today, runs: RUNS, importOnlyIsil: IMPORT_ONLY_ISIL, reference, scripted, seconds: (performance.now() - started) / 1000 };
console.log(`BENCH_JSON ${JSON.stringify(result)}`);
process.exit(0);
