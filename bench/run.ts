// `npm run bench` (issue 6, point 1): reproducible speed figures, written to bench/REPORT.md.
//
//  1. seeds a scale network on PostgreSQL (`--scale 20000`; BENCH_SCALE changes it), a network of
//     200 patrons on a second PostgreSQL database, and one on embedded PGlite (BENCH_PGLITE_SCALE);
//  2. builds (`next build`) and, per network, starts the production server (`next start` in its own
//     process group, on BENCH_PORT, default 3250), signs in as bench.user (6 linked memberships,
//     ~200 open loans) and measures with autocannon, BENCH_DURATION seconds each (20) at 10 and 50
//     connections: the overview, the loans page, the reservations page and, as the framework floor,
//     /icon.svg (a static route of the same app: same proxy, no database work);
//  3. in-process on the big network (bench/inprocess.ts): round trips and latency per view, and
//     renewing ~200 loans in one request;
//  4. first-load JS per route (gzip) from the build (bench/first-load.ts);
//  5. (run first, as it needs neither database nor build) the linked library (issue 12 point 7,
//     bench/library-link.ts): refresh and renew-all against the reference SIP2 server and a scripted
//     30-loan ACS, SIP messages counted on the wire, and the loans view with and without a link;
//  6. writes bench/REPORT.md (figures + machine) and removes its databases and temp files.
//
// BENCH_ONLY=library-link runs step 5 alone (under a minute, no PostgreSQL, no build) and replaces
// only its section of an existing bench/REPORT.md.
//  7. (issue 13 §7, bench/import.ts, after step 5) importing 100 000 patrons whose cards carry PIN
//     hashes, first import and re-import, on PGlite and PostgreSQL (BENCH_IMPORT_PATRONS).
// `npm run bench -- --only import` (or BENCH_ONLY=import) runs step 7 alone (no build) and replaces
// only its section; PostgreSQL is skipped when BENCH_ADMIN_URL cannot be reached.
// PostgreSQL: BENCH_DATABASE_URL (used as is, never dropped; the 200-patron network then goes to a
// database created beside it) or, by default, fresh databases on postgres://postgres@127.0.0.1:5432
// that are dropped at the end. BENCH_QUICK=1: scale 2 000, 5 s runs (a smoke run, same report).
// BENCH_SKIP_BUILD=1 reuses an existing .next. The build and the servers run while holding
// /tmp/mb-e2e.lock, the lock the e2e runs take around `next build` in the same .next folder.
// Not part of the test run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, release, platform } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

/** Extra environment for a child process (on top of ours unless said otherwise). */
type Env = Record<string, string | undefined>;
import postgres from 'postgres';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import { firstLoadJs, type RouteJs } from './first-load';
import type { ImportBenchResult } from './import';
import { IMPORT_SECTION_END, IMPORT_SECTION_START, importSection } from './import-report';
import { libraryLinkSection, SECTION_END, SECTION_START, type LibraryLinkResult } from './library-link-report';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const TMP = path.join(ROOT, 'bench', '.tmp');
const QUICK = process.env.BENCH_QUICK === '1';
const SCALE = Number(process.env.BENCH_SCALE ?? (QUICK ? 2000 : 20000));
const SMALL_SCALE = 200;
const PGLITE_SCALE = Number(process.env.BENCH_PGLITE_SCALE ?? (QUICK ? 200 : 2000));
const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 5 : 20));
const CONNECTIONS = [10, 50];
const PORT = Number(process.env.BENCH_PORT ?? 3250);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCK = '/tmp/mb-e2e.lock';
const AUTH_SECRET = 'bench-only-nextauth-secret-0123456789abcdef';
const started = Date.now();

const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// ------------------------------------------------------------------------------------------------
// Processes

function run(command: string, args: string[], env: Env = {}, logFile?: string): void {
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const r = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  if (typeof out === 'number') closeSync(out);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal})${logFile ? `; see ${logFile}` : ''}`);
}

function runCapture(command: string, args: string[], env: Env): string {
  const r = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr.slice(-4000)}`);
  return r.stdout;
}

/** Takes the e2e build lock for this process: `flock` locks our open file description and exits. */
function takeLock(): number {
  const fd = openSync(LOCK, 'a');
  log(`waiting for ${LOCK}`);
  const r = spawnSync('flock', ['-x', '3'], { stdio: ['ignore', 'inherit', 'inherit', fd] });
  if (r.status !== 0) throw new Error('could not take the build lock');
  log('lock taken');
  return fd;
}

interface Server {
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function startServer(env: Env, logFile: string): Promise<Server> {
  const nextBin = require.resolve('next/dist/bin/next');
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    detached: true, // its own process group: stopped as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production' as const,
      NEXTAUTH_SECRET: AUTH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/icon.svg`);
      if (r.ok) return { child, stop };
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer within 120 s; see ${logFile}`);
}

// ------------------------------------------------------------------------------------------------
// HTTP: sign-in and load

const base = () => `http://127.0.0.1:${PORT}`;
const cookiePairs = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]!);

async function signIn(): Promise<string> {
  const csrf = await fetch(`${base()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf);
  const r = await fetch(`${base()}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, login: BENCH_ACCOUNT.username, password: BENCH_ACCOUNT.password, json: 'true' }),
  });
  const session = cookiePairs(r).find((c) => c.includes('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${BENCH_ACCOUNT.username} failed (${r.status})`);
  return session;
}

async function cardSlug(cookie: string): Promise<string[]> {
  const html = await (await fetch(`${base()}/overview`, { headers: { cookie } })).text();
  const slugs = [...html.matchAll(/href="\/cards\/([^/"?#]+)/g)].map((m) => m[1]!);
  if (slugs.length === 0) throw new Error('no card link on the overview: not signed in?');
  return [...new Set(slugs)];
}

interface LoadResult {
  page: string;
  path: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** The machine's 1-minute load average at the end of the run (other work on the box shows here). */
  load: number;
}

async function load(page: string, url: string, connections: number, cookie: string | null): Promise<LoadResult> {
  const result = await autocannon({
    url: `${base()}${url}`,
    connections,
    duration: DURATION,
    headers: cookie ? { cookie } : {},
  });
  return {
    page,
    path: url,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    load: loadavg()[0]!,
  };
}

async function measurePages(label: string, env: Env, slug: string): Promise<{ label: string; slug: string; results: LoadResult[] }> {
  const logFile = path.join(TMP, `server-${label.replace(/\W+/g, '-')}.log`);
  log(`${label}: starting next start on :${PORT}`);
  const server = await startServer(env, logFile);
  try {
    const cookie = await signIn();
    const linked = await cardSlug(cookie);
    if (!linked.includes(slug)) throw new Error(`card ${slug} is not on ${BENCH_ACCOUNT.username}'s overview (${linked.join(', ')})`);
    const pages: [string, string, string | null][] = [
      ['floor: /icon.svg (static)', '/icon.svg', null],
      ['overview', '/overview', cookie],
      ['loans', `/cards/${slug}/loans`, cookie],
      ['reservations', `/cards/${slug}/reservations`, cookie],
    ];
    for (const [, url, c] of pages) {
      for (let i = 0; i < 10; i += 1) {
        const r = await fetch(`${base()}${url}`, { headers: c ? { cookie: c } : {}, redirect: 'manual' });
        if (r.status !== 200) throw new Error(`${url} answered ${r.status} while warming up`);
        await r.arrayBuffer();
      }
    }
    const results: LoadResult[] = [];
    for (const connections of CONNECTIONS) {
      for (const [page, url, c] of pages) {
        const r = await load(page, url, connections, c);
        log(`${label}: ${page} @${connections}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`);
        results.push(r);
      }
    }
    return { label, slug, results };
  } finally {
    await server.stop();
    log(`${label}: server stopped`);
  }
}

// ------------------------------------------------------------------------------------------------
// Databases

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabase(name: string): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(ADMIN_URL, name);
}

async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`show server_version`;
    return String(row!.server_version);
  } finally {
    await sql.end();
  }
}

function seed(scale: number, env: Env, what: string): number {
  const t = Date.now();
  log(`seeding ${what} (--scale ${scale})`);
  run(process.execPath, [require.resolve('tsx/cli'), 'db/seed/cli.ts', '--scale', String(scale)], env, path.join(TMP, 'seed.log'));
  const seconds = (Date.now() - t) / 1000;
  log(`seeded ${what} in ${seconds.toFixed(0)} s`);
  return seconds;
}

function inProcess(env: Env, renew: boolean): InProcess {
  const args = ['--import', 'tsx', '--import', './bench/server-only-hook.mjs', 'bench/inprocess.ts', ...(renew ? ['--renew'] : [])];
  const out = runCapture(process.execPath, args, env);
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`bench/inprocess.ts printed no result:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_JSON '.length)) as InProcess;
}

/** bench/library-link.ts in a child process: embedded databases only, its own SIP2 servers. */
function libraryLink(): LibraryLinkResult {
  log('library link: reference SIP2 server and a scripted 30-loan ACS');
  const args = ['--import', 'tsx', '--import', './bench/server-only-hook.mjs', 'bench/library-link.ts'];
  const out = runCapture(process.execPath, args, {
    // Never the developer's database or library systems: the child opens in-memory PGlite databases.
    DATABASE_URL: '',
    LIBRARY_SYSTEMS: '',
    LIBRARY_SYSTEMS_FILE: '',
    PIN_PEPPER: 'bench-only-pin-pepper-0123456789abcdef',
    LOG_LEVEL: 'warn',
  });
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`bench/library-link.ts printed no result:\n${out.slice(-2000)}`);
  const result = JSON.parse(line.slice('BENCH_JSON '.length)) as LibraryLinkResult;
  log(`library link: done in ${result.seconds.toFixed(0)} s`);
  return result;
}

/** BENCH_ONLY=library-link: this section of bench/REPORT.md replaced (or appended), the rest kept. */
function writeLibraryLinkOnly(result: LibraryLinkResult): void {
  const file = path.join(ROOT, 'bench', 'REPORT.md');
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const stamp = `_This section: \`BENCH_ONLY=library-link npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, same machine (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}); the rest of the report is from the run dated at the top._`;
  const heading = '## Linked library (SIP2, issue 12)\n';
  const section = libraryLinkSection(result).replace(heading, `${heading}\n${stamp}\n`);
  const a = text.indexOf(SECTION_START);
  const b = text.indexOf(SECTION_END);
  const next = a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + SECTION_END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

/** bench/import.ts in a child process, per database: the 100 000-patron import with PIN hashes. */
async function importBench(suffix: string, postgresRequired: boolean): Promise<{ results: ImportBenchResult[]; skipped: string[] }> {
  const results: ImportBenchResult[] = [];
  const skipped: string[] = [];
  const env: Env = { DATABASE_URL: '', PIN_PEPPER: 'bench-only-pin-pepper-0123456789abcdef', LOG_LEVEL: 'warn' };
  const runOne = (args: string[]): ImportBenchResult => {
    const out = runCapture(process.execPath, ['--import', 'tsx', 'bench/import.ts', ...args], env);
    const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    if (!line) throw new Error(`bench/import.ts printed no result:\n${out.slice(-2000)}`);
    const r = JSON.parse(line.slice('BENCH_JSON '.length)) as ImportBenchResult;
    log(`import (${r.driver}): first ${r.first.seconds.toFixed(1)} s, re-import ${r.again.seconds.toFixed(1)} s`);
    return r;
  };
  const dir = path.join(TMP, 'import-pglite');
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.lock`, { force: true });
  try {
    log('import: PGlite');
    results.push(runOne(['pglite', dir]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const name = `mb_bench_import_${suffix}`;
  let url: string | null = null;
  try {
    url = await createDatabase(name);
  } catch (error) {
    if (postgresRequired) throw error;
    skipped.push(`PostgreSQL skipped: ${ADMIN_URL.replace(/\/\/[^@]*@/, '//…@')} could not be reached (${(error as Error).message}).`);
  }
  if (url) {
    try {
      log('import: PostgreSQL');
      results.push(runOne(['postgres', url]));
    } finally {
      await dropDatabase(name).catch((e) => log(`could not drop ${name}: ${(e as Error).message}`));
    }
  }
  return { results, skipped };
}

/** `--only import`: this section of bench/REPORT.md replaced (or appended), the rest kept. */
function writeImportOnly(d: { results: ImportBenchResult[]; skipped: string[] }): void {
  const file = path.join(ROOT, 'bench', 'REPORT.md');
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const stamp = `_This section: \`npm run bench -- --only import\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, same machine (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, 1-minute load ${loadavg()[0]!.toFixed(1)} at the end); the rest of the report is from the run dated at the top._`;
  const section = importSection(d.results, d.skipped, stamp);
  const a = text.indexOf(IMPORT_SECTION_START);
  const b = text.indexOf(IMPORT_SECTION_END);
  const next = a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + IMPORT_SECTION_END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

interface InProcess {
  driver: string;
  cards: { slug: string; loans: number }[];
  slug: string;
  openLoans: number;
  views: Record<string, { queries: number; medianMs: number }>;
  renewal: null | {
    loans: number;
    ms: number;
    queries: number;
    renewed: number | null;
    refused: number | null;
    failure: string | null;
    replayMs: number;
    replayQueries: number;
  };
}

// ------------------------------------------------------------------------------------------------
// Report

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

function growthTable(big: { label: string; results: LoadResult[] }, small: { label: string; results: LoadResult[] }): string {
  const lines = [`| page | conns | req/s ${big.label} | req/s ${small.label} | big ÷ small | p50 big / small ms |`, `|---|---:|---:|---:|---:|---:|`];
  for (const r of big.results) {
    if (r.page.startsWith('floor')) continue;
    const s = small.results.find((x) => x.page === r.page && x.connections === r.connections)!;
    lines.push(`| ${r.page} | ${r.connections} | ${f1(r.rps)} | ${f1(s.rps)} | ${(r.rps / s.rps).toFixed(2)} | ${r.p50} / ${s.p50} |`);
  }
  return lines.join('\n');
}

interface Machine {
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

// ------------------------------------------------------------------------------------------------

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
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const created: string[] = [];
  let lockFd: number | null = null;
  // First: it needs no database, no lock and no .next, only loopback ports and the reference SIP2
  // server, so a missing server fails the run in a minute rather than after the seeds.
  const link = libraryLink();
  try {
    // The import section: its own databases, no build (issue 13 §7).
    const imports = await importBench(suffix, true);

    // 1. Databases and seeds (no lock needed: nothing here touches .next).
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

    // Round trips per view in-process, and the card with the most open loans (the same account,
    // so the same cards, on every network).
    log('in-process: round trips per view');
    const views = inProcess({ DATABASE_URL: bigUrl }, false);
    const viewsSmall = inProcess({ DATABASE_URL: smallUrl }, false);

    // 2. Build and serve, holding the e2e build lock so nobody rebuilds .next under the servers.
    lockFd = takeLock();
    if (process.env.BENCH_SKIP_BUILD !== '1') {
      log('next build');
      const t = Date.now();
      run(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { NEXT_TELEMETRY_DISABLED: '1' }, path.join(TMP, 'build.log'));
      log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    const js = firstLoadJs(path.join(ROOT, '.next'));
    const big = await measurePages(`PostgreSQL ${SCALE}`, { DATABASE_URL: bigUrl }, views.slug);
    const small = await measurePages(`PostgreSQL ${SMALL_SCALE}`, { DATABASE_URL: smallUrl }, views.slug);
    const lite = await measurePages(`PGlite ${PGLITE_SCALE}`, { PGLITE_DIR: pgliteDir }, views.slug);
    closeSync(lockFd);
    lockFd = null;
    log('lock released');

    // 3. In-process: the 200-loan renewal (after the load runs: it renews).
    log('in-process: renewing ~200 loans in one request');
    const inproc = { ...views, renewal: inProcess({ DATABASE_URL: bigUrl }, true).renewal };
    const inprocSmall = viewsSmall;

    const machine: Machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
      os: `${platform()} ${release()}`,
      node: process.version,
      next: versionOf('next'),
      react: versionOf('react'),
      postgres: await serverVersion(bigUrl),
      pglite: versionOf('@electric-sql/pglite'),
      autocannon: versionOf('autocannon'),
    };
    writeReport({ machine, big, small, lite, js, inproc, inprocSmall, seedSeconds, link, imports });
    log(`wrote bench/REPORT.md in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    if (lockFd !== null) closeSync(lockFd);
    for (const name of created) await dropDatabase(name).catch((e) => log(`could not drop ${name}: ${(e as Error).message}`));
    if (process.env.BENCH_KEEP_TMP !== '1') rmSync(path.join(TMP, 'pglite'), { recursive: true, force: true });
  }
}

function writeReport(d: {
  machine: Machine;
  big: { label: string; slug: string; results: LoadResult[] };
  small: { label: string; slug: string; results: LoadResult[] };
  lite: { label: string; slug: string; results: LoadResult[] };
  js: RouteJs[];
  inproc: InProcess;
  inprocSmall: InProcess;
  seedSeconds: Record<string, number>;
  link: LibraryLinkResult;
  imports: { results: ImportBenchResult[]; skipped: string[] };
}) {
  const m = d.machine;
  const r = d.inproc.renewal;
  const viewRows = Object.entries(d.inproc.views).map(([name, v]) => {
    const s = d.inprocSmall.views[name];
    return `| ${name} | ${v.queries} | ${f1(v.medianMs)} | ${s ? `${s.queries} / ${f1(s.medianMs)}` : '–'} |`;
  });
  const interesting = ['/overview', '/cards/[card]/loans', '/cards/[card]/reservations', '/cards/[card]/history', '/cards/[card]/fees', '/memberships', '/account', '/login', '/activate', '/'];
  const jsRows = d.js
    .filter((x) => interesting.includes(x.route))
    .sort((a, b) => interesting.indexOf(a.route) - interesting.indexOf(b.route))
    .map((x) => `| \`${x.route}\` | ${kb(x.gzipBytes)} | ${kb(x.rawBytes)} | ${x.files} |`);
  const text = `# Benchmarks

Written by \`npm run bench\`${QUICK ? ' in **quick mode** (`BENCH_QUICK=1`: smaller network, 5 s runs — a smoke run, not the reference figures)' : ''} on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. How to run it and what each figure means: [docs/benchmarks.md](../docs/benchmarks.md).

## Machine

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

Networks: **${SCALE.toLocaleString('en')} patrons** on PostgreSQL (seeded in ${d.seedSeconds.big!.toFixed(0)} s), **${SMALL_SCALE} patrons** on PostgreSQL (${d.seedSeconds.small!.toFixed(0)} s), **${PGLITE_SCALE.toLocaleString('en')} patrons** on embedded PGlite (${d.seedSeconds.pglite!.toFixed(0)} s); each also holds the demo network and the bench account \`${BENCH_ACCOUNT.username}\` (6 linked memberships, ${d.inproc.openLoans} open loans). Card measured: \`${d.big.slug}\` (loans per card: ${d.inproc.cards.map((c) => `${c.slug} ${c.loans}`).join(', ')}).

## Pages under load — PostgreSQL, ${SCALE.toLocaleString('en')} patrons

Signed in as \`${BENCH_ACCOUNT.username}\` (every request carries the session cookie; the floor does not need it). "× floor" is the page's throughput as a fraction of the static floor's at the same concurrency. Latencies in ms. "load" is the machine's 1-minute load average at the end of the run: on ${cpus().length} cores, the bench itself accounts for about 2; more means other work shared the machine and the row is pessimistic.

${pageTable(d.big)}

## Does the cost grow with the data? — ${SCALE.toLocaleString('en')} vs ${SMALL_SCALE} patrons

Same account, same pages; only the rest of the network differs.

${pageTable(d.small)}

${growthTable(d.big, d.small)}

## Embedded PGlite — ${PGLITE_SCALE.toLocaleString('en')} patrons

PGlite runs inside the server process (one connection, WASM): the default set-up without a database server.

${pageTable(d.lite)}

## Round trips per view (P4)

In-process, with the query-counting hook (\`openDb({ onQuery })\`) around the lib/data function each page calls; latency is the median of 12 calls without HTTP. Every portal page adds **one** round trip for the session check (\`getSignedInAccount\`: the session version), so a page costs the view's count + 1.

| view | round trips | median ms (${SCALE.toLocaleString('en')}) | round trips / ms (${SMALL_SCALE}) |
|---|---:|---:|---:|
${viewRows.join('\n')}

## Renewing ${r?.loans ?? '?'} loans in one request

\`renewLoansForAccount\` (the core of the renew server action) with every open loan of the bench account, once, on the ${SCALE.toLocaleString('en')}-patron PostgreSQL database:

| | |
|---|---|
| loans in the request | ${r?.loans ?? '–'} |
| latency | **${r ? f1(r.ms) : '–'} ms** |
| round trips | **${r?.queries ?? '–'}** statements in one transaction (drizzle's query hook; begin/commit not counted) |
| renewed / refused | ${r?.renewed ?? '–'} / ${r?.refused ?? '–'}${r?.failure ? ` (failure: ${r.failure})` : ''} |
| the same request key again (stored answer) | ${r ? f1(r.replayMs) : '–'} ms, ${r?.replayQueries ?? '–'} round trips |

${libraryLinkSection(d.link)}

${importSection(d.imports.results, d.imports.skipped)}

## First-load JS per route (gzip)

From the build in \`.next\`: the root main chunks plus every entry chunk of the route's layouts, page and boundaries, each gzipped (level 9).

| route | gzip | raw | chunks |
|---|---:|---:|---:|
${jsRows.join('\n')}
`;
  writeFileSync(path.join(ROOT, 'bench', 'REPORT.md'), text);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
