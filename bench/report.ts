// bench/REPORT.md: the full report of `npm run bench`, and the replacement of one section
// (`--only library-link`, `--only import`) in an existing report. The figures come from the runs
// (bench/pages.ts, bench/child-runs.ts); this file only writes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import path from 'node:path';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import type { ImportRuns, InProcess } from './child-runs';
import { serverVersion } from './databases';
import { explainSection, type ExplainResult } from './explain-report';
import type { RouteJs } from './first-load';
import { IMPORT_SECTION_END, IMPORT_SECTION_START, importSection } from './import-report';
import { libraryLinkSection, SECTION_END, SECTION_START, type LibraryLinkResult } from './library-link-report';
import type { LoadResult, PageRuns } from './pages';
import type { ReplicaRuns } from './replica';
import { replicaSection } from './replica-report';
import { DURATION, PGLITE_SCALE, QUICK, ROOT, SCALE, SMALL_SCALE } from './settings';

const REPORT = path.join(ROOT, 'bench', 'REPORT.md');
const now = () => new Date().toISOString().slice(0, 16).replace('T', ' ');
const machineLine = () => `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;

/** Replaces the section between `start` and `end` in bench/REPORT.md (or appends it), keeping the rest. */
function replaceSection(start: string, end: string, section: string): void {
  let text = '';
  try {
    text = readFileSync(REPORT, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  const next = a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(REPORT, next);
}

/** BENCH_ONLY=library-link: this section of bench/REPORT.md replaced (or appended), the rest kept. */
export function writeLibraryLinkOnly(result: LibraryLinkResult): void {
  const stamp = `_This section: \`BENCH_ONLY=library-link npm run bench\` on ${now()} UTC, same machine (${machineLine()}); the rest of the report is from the run dated at the top._`;
  const heading = '## Linked library (SIP2, issue 12)\n';
  replaceSection(SECTION_START, SECTION_END, libraryLinkSection(result).replace(heading, `${heading}\n${stamp}\n`));
}

/** `--only import`: this section of bench/REPORT.md replaced (or appended), the rest kept. */
export function writeImportOnly(d: ImportRuns): void {
  const stamp = `_This section: \`npm run bench -- --only import\` on ${now()} UTC, same machine (${machineLine()}, 1-minute load ${loadavg()[0]!.toFixed(1)} at the end); the rest of the report is from the run dated at the top._`;
  replaceSection(IMPORT_SECTION_START, IMPORT_SECTION_END, importSection(d.results, d.skipped, stamp));
}

const f1 = (n: number) => n.toFixed(1);
const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;

function pageTable(run: { label: string; results: LoadResult[] }): string {
  const lines = [
    `| page | conns | req/s | p50 ms | p99 ms | requests | errors | non-2xx | × floor | load |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const r of run.results) {
    const floor = run.results.find((x) => x.connections === r.connections && x.page.startsWith('floor'))!;
    lines.push(
      `| ${r.page} | ${r.connections} | ${f1(r.rps)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.non2xx} | ${(r.rps / floor.rps).toFixed(2)} | ${r.load.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

/**
 * Per page and concurrency, how network A compares with network B on the same account: req/s and
 * p50 side by side with their ratios, and whether both stay within `limit` (issue 16: the big
 * network within 10 % of the small one; PGlite 20 000 within a factor 2 of PostgreSQL). The floor
 * is kept as the run's noise reference (it does no database work).
 */
function ratioTable(a: PageRuns, b: PageRuns, limit: { factor: number; label: string }): string {
  const lines = [
    `| page | conns | req/s ${a.label} | req/s ${b.label} | req/s ÷ | p50 ms ${a.label} | p50 ms ${b.label} | p50 ÷ | ${limit.label} |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---|`,
  ];
  for (const r of a.results) {
    const o = b.results.find((x) => x.page === r.page && x.connections === r.connections);
    if (!o) continue;
    if (r.requests === 0 || o.requests === 0) {
      // A run in which no request completed has no latency: a ratio of it would read as a result.
      lines.push(`| ${r.page} | ${r.connections} | ${f1(r.rps)} | ${f1(o.rps)} | – | – | – | – | no request completed in ${DURATION} s |`);
      continue;
    }
    const within = r.rps * limit.factor >= o.rps && r.p50 <= o.p50 * limit.factor;
    lines.push(
      `| ${r.page} | ${r.connections} | ${f1(r.rps)} | ${f1(o.rps)} | ${ratio(r.rps, o.rps)} | ${r.p50} | ${o.p50} | ${ratio(r.p50, o.p50)} | ${within ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  next: string;
  react: string;
  postgres: string;
  pglite: string;
  autocannon: string;
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The machine the bench ran on, read at the end of the run. */
export async function machineInfo(postgresUrl: string): Promise<Machine> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
    os: `${platform()} ${release()}`,
    node: process.version,
    next: versionOf('next'),
    react: versionOf('react'),
    postgres: await serverVersion(postgresUrl),
    pglite: versionOf('@electric-sql/pglite'),
    autocannon: versionOf('autocannon'),
  };
}

export interface ReportData {
  machine: Machine;
  big: PageRuns;
  small: PageRuns;
  lite: PageRuns;
  js: RouteJs[];
  inproc: InProcess;
  inprocSmall: InProcess;
  seedSeconds: Record<string, number>;
  link: LibraryLinkResult;
  imports: ImportRuns;
  /** One read replica (bench/replica.ts); absent when the machine cannot make clusters. */
  replica?: ReplicaRuns;
  /** The appendix: plans of each view's statement on the big network (bench/explain-report.ts). */
  plans: ExplainResult;
  /** Where the loans page's time and bytes go (bench/loans-split.ts), already in markdown. */
  loansSplit?: string;
}

const thousands = (n: number) => n.toLocaleString('en');

export function writeReport(d: ReportData) {
  const sections = [
    heading(),
    machineSection(d),
    loadSections(d),
    ...(d.loansSplit ? [d.loansSplit] : []),
    roundTripSection(d),
    renewalSection(d),
    libraryLinkSection(d.link),
    importSection(d.imports.results, d.imports.skipped),
    firstLoadSection(d.js),
    ...(d.replica ? [replicaSection(d.replica)] : []),
    explainSection(d.plans, `PostgreSQL, ${thousands(SCALE)} patrons`),
  ];
  writeFileSync(REPORT, `${sections.join('\n\n')}\n`);
}

function heading(): string {
  return `# Benchmarks

Written by \`npm run bench\`${QUICK ? ' in **quick mode** (`BENCH_QUICK=1`: smaller network, 5 s runs — a smoke run, not the reference figures)' : ''} on ${now()} UTC. How to run it and what each figure means: [docs/benchmarks.md](../docs/benchmarks.md).`;
}

function machineSection(d: ReportData): string {
  const m = d.machine;
  return `## Machine

| | |
|---|---|
| CPU | ${m.cpu}, **${m.cores} cores** (the server, PostgreSQL and autocannon share them) |
| memory | ${m.memory} |
| OS | ${m.os} |
| Node.js | ${m.node} |
| Next.js / React | ${m.next} / ${m.react} (production build, \`next start\`) |
| PostgreSQL | ${m.postgres} (local, default settings) |
| PGlite | ${m.pglite} |
| load generator | autocannon ${m.autocannon}, ${DURATION} s per run, after 10 warm-up requests per page |

Networks: **${thousands(SCALE)} patrons** on PostgreSQL (seeded in ${d.seedSeconds.big!.toFixed(0)} s), **${SMALL_SCALE} patrons** on PostgreSQL (${d.seedSeconds.small!.toFixed(0)} s), **${thousands(PGLITE_SCALE)} patrons** on embedded PGlite (${d.seedSeconds.pglite!.toFixed(0)} s); each also holds the demo network and the bench account \`${BENCH_ACCOUNT.username}\` (6 linked memberships, ${d.inproc.openLoans} open loans). Card measured: \`${d.big.slug}\` (loans per card: ${d.inproc.cards.map((c) => `${c.slug} ${c.loans}`).join(', ')}).`;
}

/** The three networks under load, and how the big one compares with the small one. */
function loadSections(d: ReportData): string {
  return `## Pages under load — PostgreSQL, ${thousands(SCALE)} patrons

Signed in as \`${BENCH_ACCOUNT.username}\` (every request carries the session cookie; the floor does not need it). "× floor" is the page's throughput as a fraction of the static floor's at the same concurrency. Latencies in ms. "load" is the machine's 1-minute load average at the end of the run: on ${cpus().length} cores, the bench itself accounts for about 2; more means other work shared the machine and the row is pessimistic.

${pageTable(d.big)}

## Does the cost grow with the data? — ${thousands(SCALE)} vs ${SMALL_SCALE} patrons

Same account, same pages; only the rest of the network differs.

${pageTable(d.small)}

Per page, big ÷ small (issue 16 point 2: req/s ÷ ≥ 0.90 and p50 ÷ ≤ 1.10, the same run, the same account; runs of ${DURATION} s on a shared machine carry a few per cent of noise — compare with the floor's row):

${ratioTable(d.big, d.small, { factor: 1.1, label: 'within 10 %' })}

## Embedded PGlite — ${thousands(PGLITE_SCALE)} patrons

PGlite runs inside the server process (one connection, WASM): the default set-up without a database server.

${pageTable(d.lite)}

Per page, PGlite ${thousands(PGLITE_SCALE)} ÷ PostgreSQL ${thousands(SCALE)} (issue 16 point 6: within a factor 2, i.e. req/s ÷ ≥ 0.50 and p50 ÷ ≤ 2):

${ratioTable(d.lite, d.big, { factor: 2, label: 'within × 2' })}`;
}

function roundTripSection(d: ReportData): string {
  const viewRows = Object.entries(d.inproc.views).map(([name, v]) => {
    const s = d.inprocSmall.views[name];
    return `| ${name} | ${v.queries} | ${f1(v.medianMs)} | ${s ? `${s.queries} / ${f1(s.medianMs)}` : '–'} |`;
  });
  return `## Round trips per view (P4)

In-process, with the query-counting hook (\`openDb({ onQuery })\`) around the lib/data function each page calls; latency is the median of 12 calls without HTTP. Every portal page adds **one** round trip for the session check (\`getSignedInAccount\`: the session version), so a page costs the view's count + 1.

| view | round trips | median ms (${thousands(SCALE)}) | round trips / ms (${SMALL_SCALE}) |
|---|---:|---:|---:|
${viewRows.join('\n')}`;
}

function renewalSection(d: ReportData): string {
  const big = d.inproc.renewal;
  const small = d.inprocSmall.renewal;
  type R = NonNullable<InProcess['renewal']>;
  const row = (label: string, value: (r: R) => string) => `| ${label} | ${big ? value(big) : '–'} | ${small ? value(small) : '–'} |`;
  return `## Renewing ${big?.loans ?? '?'} loans in one request — ${thousands(SCALE)} vs ${SMALL_SCALE} patrons

\`renewLoansForAccount\` (the core of the renew server action) with every open loan of the bench account, once per network, on PostgreSQL, after the page runs (the same account and loans on both):

| | ${thousands(SCALE)} patrons | ${SMALL_SCALE} patrons |
|---|---:|---:|
${row('loans in the request', (r) => String(r.loans))}
${row('latency ms', (r) => `**${f1(r.ms)}**`)}
${row('round trips (statements; begin/commit not counted)', (r) => `**${r.queries}**`)}
${row('renewed / refused', (r) => `${r.renewed ?? '–'} / ${r.refused ?? '–'}${r.failure ? ` (failure: ${r.failure})` : ''}`)}
${row('the same request key again: ms / round trips', (r) => `${f1(r.replayMs)} / ${r.replayQueries}`)}

Big ÷ small latency: **${big && small ? ratio(big.ms, small.ms) : '–'}** (issue 16: within 10 %).`;
}

const INTERESTING_ROUTES = ['/overview', '/cards/[card]/loans', '/cards/[card]/reservations', '/cards/[card]/history', '/cards/[card]/fees', '/memberships', '/account', '/login', '/activate', '/'];

const rank = (route: string) => (INTERESTING_ROUTES.includes(route) ? INTERESTING_ROUTES.indexOf(route) : INTERESTING_ROUTES.length);

function firstLoadSection(js: RouteJs[]): string {
  const jsRows = js
    // Every route (issue 16: each at most 150 kB), the most visited first.
    .sort((a, b) => rank(a.route) - rank(b.route) || a.route.localeCompare(b.route))
    .map((x) => `| \`${x.route}\` | ${kb(x.gzipBytes)} | ${kb(x.rawBytes)} | ${x.files} |`);
  return `## First-load JS per route (gzip)

From the build in \`.next\`: the root main chunks plus every entry chunk of the route's layouts, page and boundaries, each gzipped (level 9).

| route | gzip | raw | chunks |
|---|---:|---:|---:|
${jsRows.join('\n')}`;
}
