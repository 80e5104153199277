// `npm run bench`: reproducible speed figures, written to bench/REPORT.md.
//
//  1. seeds a scale network on PostgreSQL (`--scale 150000`, bulk-loaded; BENCH_SCALE changes it), a
//     network of 200 patrons from the same generator on a second PostgreSQL database, and one of
//     20 000 on embedded PGlite (BENCH_PGLITE_SCALE). With BENCH_DATABASE_URL naming a database that
//     already holds the BENCH_SCALE patrons, the seed keeps them (e.g. the 1.5 million loaded by hand);
//  2. builds (`next build`) and, per network, starts the production server (`next start` in its own
//     process group, on BENCH_PORT, default 3250), signs in as bench.user (6 linked memberships,
//     ~200 open loans) and measures with autocannon, BENCH_DURATION seconds each (15): every portal
//     page of the account at 10 connections, the floor (/icon.svg, a static route of the same app:
//     same proxy, no database work), the overview and the loans page also at 50 (bench/pages.ts);
//  3. in-process on the big and the small network (bench/inprocess.ts): round trips and latency per
//     view, and renewing ~200 loans in one request;
//  4. first-load JS per route (gzip) from the build (bench/first-load.ts);
//  5. (run first, as it needs neither database nor build) the linked library (SIP2,
//     bench/library-link.ts): refresh and renew-all against the reference SIP2 server and a scripted
//     30-loan ACS, SIP messages counted on the wire, and the loans view with and without a link;
//  6. writes bench/REPORT.md (figures + machine) and removes its databases and temp files.
//
// BENCH_ONLY=library-link runs step 5 alone (under a minute, no PostgreSQL, no build) and replaces
// only its section of an existing bench/REPORT.md.
//  7. (imported PIN hashes, bench/import.ts, after step 5) importing 100 000 patrons whose cards carry PIN
//     hashes, first import and re-import, on PGlite and PostgreSQL (BENCH_IMPORT_PATRONS).
// `npm run bench -- --only import` (or BENCH_ONLY=import) runs step 7 alone (no build) and replaces
// only its section; PostgreSQL is skipped when BENCH_ADMIN_URL cannot be reached.
// PostgreSQL: BENCH_DATABASE_URL (used as is, never dropped; the 200-patron network then goes to a
// database created beside it) or, by default, fresh databases on postgres://postgres@127.0.0.1:5432
// that are dropped at the end. BENCH_QUICK=1: scale 5 000, PGlite 1 000, 5 s runs (a smoke run, same report).
// BENCH_SKIP_BUILD=1 reuses an existing .next. The build and the servers run while holding
// /tmp/mb-e2e.lock, the lock the e2e runs take around `next build` in the same .next folder.
// Not part of the test run.
//
// This file is the sequence; the parts: settings.ts (the environment variables), processes.ts
// (commands, the build lock, `next start`), databases.ts (databases and seeds), pages.ts (pages under
// load), child-runs.ts (in-process views and renewal, the linked library, the import) and report.ts
// (bench/REPORT.md, whole or one section).
import { closeSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { importBench, inProcess, libraryLink, type ImportRuns } from './child-runs';
import { createDatabase, dropDatabase, seed } from './databases';
import { explainViews } from './explain-report';
import { firstLoadJs } from './first-load';
import { loansSplitRun, loansSplitSection } from './loans-split';
import type { LibraryLinkResult } from './library-link-report';
import { measurePages } from './pages';
import { replicaBench } from './replica';
import { canMakeClusters } from '../test/support/replica-cluster';
import { run, takeLock } from './processes';
import { machineInfo, writeImportOnly, writeLibraryLinkOnly, writeReport } from './report';
import { log, PGLITE_SCALE, ROOT, SCALE, SMALL_SCALE, started, TMP } from './settings';

const require = createRequire(import.meta.url);

/** `--only SECTION` (after `npm run bench --`) or BENCH_ONLY=SECTION. */
function onlySection(): string | undefined {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const i = args.indexOf('--only');
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith('--only='));
  return eq ? eq.slice('--only='.length) : process.env.BENCH_ONLY || undefined;
}

async function main() {
  const only = onlySection();
  if (only === 'library-link') {
    writeLibraryLinkOnly(libraryLink());
    log('wrote the library-link section of bench/REPORT.md');
    return;
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  if (only === 'import') {
    mkdirSync(TMP, { recursive: true });
    writeImportOnly(await importBench(suffix, false));
    log('wrote the import section of bench/REPORT.md');
    return;
  }
  if (only) throw new Error(`--only ${only}: only "library-link" and "import" are known`);
  await runAll(suffix);
}

/** The full bench: every section, then the whole of bench/REPORT.md. */
async function runAll(suffix: string): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const created: string[] = [];
  const lock: { fd: number | null } = { fd: null };
  // First: it needs no database, no lock and no .next, only loopback ports and the reference SIP2
  // server, so a missing server fails the run in a minute rather than after the seeds.
  const link = libraryLink();
  try {
    // The import section: its own databases, no build.
    const imports = await importBench(suffix, true);
    await runNetworks(suffix, created, lock, link, imports);
    log(`wrote bench/REPORT.md in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    if (lock.fd !== null) closeSync(lock.fd);
    for (const name of created) await dropDatabase(name).catch((e) => log(`could not drop ${name}: ${(e as Error).message}`));
    if (process.env.BENCH_KEEP_TMP !== '1') rmSync(path.join(TMP, 'pglite'), { recursive: true, force: true });
  }
}

/** 1. The three networks: databases (the ones made here listed in `created`, to drop) and seeds. */
async function seedNetworks(suffix: string, created: string[]) {
  // No lock needed: nothing here touches .next.
  let bigUrl = process.env.BENCH_DATABASE_URL;
  if (!bigUrl) {
    const name = `mb_bench_${suffix}`;
    bigUrl = await createDatabase(name);
    created.push(name);
  }
  const smallName = `mb_bench_small_${suffix}`;
  const smallUrl = await createDatabase(smallName);
  created.push(smallName);
  const pgliteDir = path.join(TMP, 'pglite');
  const seedSeconds = {
    big: seed(SCALE, { DATABASE_URL: bigUrl }, `PostgreSQL, ${SCALE} patrons`),
    small: seed(SMALL_SCALE, { DATABASE_URL: smallUrl }, `PostgreSQL, ${SMALL_SCALE} patrons`),
    pglite: seed(PGLITE_SCALE, { DATABASE_URL: '', PGLITE_DIR: pgliteDir }, `PGlite, ${PGLITE_SCALE} patrons`),
  };
  return { bigUrl, smallUrl, pgliteDir, seedSeconds };
}

/** 2. Build and serve each network, holding the e2e build lock so nobody rebuilds .next under the servers. */
async function buildAndLoad(urls: { bigUrl: string; smallUrl: string; pgliteDir: string }, slug: string, lock: { fd: number | null }) {
  lock.fd = takeLock();
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('next build');
    const t = Date.now();
    run(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { NEXT_TELEMETRY_DISABLED: '1' }, path.join(TMP, 'build.log'));
    log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  const js = firstLoadJs(path.join(ROOT, '.next'));
  const big = await measurePages(`PostgreSQL ${SCALE}`, { DATABASE_URL: urls.bigUrl }, slug);
  const small = await measurePages(`PostgreSQL ${SMALL_SCALE}`, { DATABASE_URL: urls.smallUrl }, slug);
  // Where the loans page's time and bytes go (issue 16 point 3), on the small network: the bench
  // card against the account's card with about half as many loans.
  // A failure of one of these later sections is reported in its place instead of losing the run.
  const loansSplit = await loansSplitRun({ DATABASE_URL: urls.smallUrl }, slug).then(
    (split) => loansSplitSection(split, `PostgreSQL, ${SMALL_SCALE} patrons`),
    (error: unknown) => failedSection('Where the loans page’s time and bytes go', error),
  );
  const lite = await measurePages(`PGlite ${PGLITE_SCALE}`, { PGLITE_DIR: urls.pgliteDir }, slug);
  // Issue 16 point 7: the views with one streaming replica (root and Debian's cluster tools needed).
  const replica = canMakeClusters()
    ? await replicaBench(urls.bigUrl, slug).catch((error: unknown) => {
        log(`replica section failed: ${(error as Error).message}`);
        return undefined;
      })
    : undefined;
  closeSync(lock.fd);
  lock.fd = null;
  log('lock released');
  return { js, big, small, lite, replica, loansSplit };
}

function failedSection(title: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  log(`${title}: failed: ${message}`);
  return `## ${title}\n\nNot measured in this run: ${message.split('\n')[0]}`;
}

/** Steps 1–3 on the seeded networks, then the report. */
async function runNetworks(
  suffix: string,
  created: string[],
  lock: { fd: number | null },
  link: LibraryLinkResult,
  imports: ImportRuns,
): Promise<void> {
  const networks = await seedNetworks(suffix, created);
  const { bigUrl, smallUrl } = networks;

  // Round trips per view in-process, and the card with the most open loans (the same account,
  // so the same cards, on every network).
  log('in-process: round trips per view');
  const views = inProcess({ DATABASE_URL: bigUrl }, false);
  const viewsSmall = inProcess({ DATABASE_URL: smallUrl }, false);

  const { js, big, small, lite, replica, loansSplit } = await buildAndLoad(networks, views.slug, lock);

  // 3. In-process: the 200-loan renewal (after the load runs: it renews), on the big and the small
  // network, the same account and loans, so the report sets them side by side.
  log('in-process: renewing ~200 loans in one request (big, then small network)');
  const inproc = { ...views, renewal: inProcess({ DATABASE_URL: bigUrl }, true).renewal };
  // The same renewal on the 200-patron network: the ratio says whether its cost follows the network.
  const inprocSmall = { ...viewsSmall, renewal: inProcess({ DATABASE_URL: smallUrl }, true).renewal };
  // The appendix: EXPLAIN (ANALYZE, BUFFERS) of each view's statement on the big network.
  log('plans: EXPLAIN of each view');
  const plans = explainViews({ DATABASE_URL: bigUrl }, views.slug);
  const machine = await machineInfo(bigUrl);
  writeReport({ machine, big, small, lite, js, inproc, inprocSmall, seedSeconds: networks.seedSeconds, link, imports, replica, plans, loansSplit });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
