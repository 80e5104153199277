// Where the loans page's time and bytes go (issue 16 point 3), against a running production server
// signed in as the bench account:
//  - in-process (bench/loans-split-inprocess.ts, a child process): the view's statement + mapping,
//    the JWT decode and the session statement;
//  - over HTTP, one request at a time (no queueing): median latency of the loans page for the card
//    with many loans and the one with fewer, of the overview and of the static floor, and the
//    server's CPU time per request (its process's utime + stime from /proc over the same requests:
//    on a shared machine far steadier than latency); the difference between the two cards ÷ the
//    difference in loans is the server's cost per loan row (statement rows, mapping, render,
//    serialisation), the rest of the many-loans page is its fixed cost;
//  - under load (autocannon, 10 connections): req/s, p50, p99 of both cards and the floor;
//  - bytes: the full page (HTML with its inline RSC payload) and the RSC payload alone (header
//    `RSC: 1`, what a client-side navigation fetches), raw and gzip, per row = difference ÷
//    difference in loans.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import { startServer } from './processes';
import { AUTH_SECRET, DURATION, log, PORT, ROOT, TMP, type Env } from './settings';

export interface LoansSplitCard {
  slug: string;
  loans: number;
  /** In-process getLoansView (statement + mapping), median ms. */
  viewMs: number;
  /** One request at a time over HTTP, median ms. */
  httpMs: number;
  /** The server process's CPU time per request over those requests (null off Linux). */
  cpuMs: number | null;
  html: { raw: number; gzip: number };
  rsc: { raw: number; gzip: number };
  load: { rps: number; p50: number; p99: number; non2xx: number };
}

export interface LoansSplit {
  connections: number;
  duration: number;
  floor: { httpMs: number; cpuMs: number | null; load: { rps: number; p50: number; p99: number; non2xx: number } };
  /** The cheapest dynamic page: /login signed out (a server-rendered form, no database work). */
  dynamicFloor: { httpMs: number; cpuMs: number | null; load: { rps: number; p50: number; p99: number; non2xx: number } };
  overview: { httpMs: number; cpuMs: number | null };
  jwtDecodeMs: number;
  stillCountsMs: number;
  many: LoansSplitCard;
  fewer: LoansSplitCard;
  loadAverage: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU time (user + system) of process `pid` so far, in ms; null where /proc is not there. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Median latency of `n` requests one at a time, and the server's CPU ms per request over them. */
async function sequential(url: string, headers: Record<string, string>, serverPid: number | undefined, n = 40): Promise<{ httpMs: number; cpuMs: number | null }> {
  const runs: number[] = [];
  let cpuStart: number | null = null;
  for (let i = 0; i < n + 5; i += 1) {
    if (i === 5) cpuStart = processCpuMs(serverPid);
    const t = performance.now();
    const r = await fetch(url, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    if (i >= 5) runs.push(performance.now() - t);
  }
  const cpuEnd = processCpuMs(serverPid);
  return { httpMs: median(runs), cpuMs: cpuStart === null || cpuEnd === null ? null : (cpuEnd - cpuStart) / n };
}

async function bytes(url: string, headers: Record<string, string>): Promise<{ raw: number; gzip: number }> {
  // Followed: Next answers an RSC request without its cache-busting `_rsc` parameter with a
  // redirect to the same path with it.
  const r = await fetch(url, { headers });
  if (r.status !== 200 || (r.redirected && !('RSC' in headers))) throw new Error(`${url} answered ${r.status}${r.redirected ? ' after a redirect' : ''}`);
  const body = Buffer.from(await r.arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body, { level: 6 }).length };
}

async function underLoad(url: string, cookie: string | null, connections: number) {
  const r = await autocannon({ url, connections, duration: DURATION, headers: cookie ? { cookie } : {} });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

/**
 * The split for the bench account's card with many loans (`many`, the bench card) and one with
 * fewer (`fewer`), on the server at `baseUrl` with the session `cookie` (`name=value`).
 */
export async function measureLoansSplit(opts: {
  baseUrl: string;
  cookie: string;
  env: Env;
  many: string;
  fewer: string;
  connections?: number;
  /** The `next-server` process, for its CPU time per request (optional). */
  serverPid?: number;
}): Promise<LoansSplit> {
  const { baseUrl, cookie, many, fewer, serverPid } = opts;
  const connections = opts.connections ?? 10;
  const token = cookie.slice(cookie.indexOf('=') + 1);
  const out = spawnSync(process.execPath, ['--import', 'tsx', '--import', './bench/server-only-hook.mjs', 'bench/loans-split-inprocess.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env, LOANS_SPLIT_CARDS: `${many},${fewer}`, LOANS_SPLIT_TOKEN: token, NEXTAUTH_SECRET: AUTH_SECRET },
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`bench/loans-split-inprocess.ts printed no result:\n${(out.stderr ?? '').slice(-2000)}`);
  const inproc = JSON.parse(line.slice('BENCH_JSON '.length)) as { views: { slug: string; loans: number; medianMs: number }[]; jwtDecodeMs: number; stillCountsMs: number };

  const headers = { cookie };
  const card = async (slug: string): Promise<LoansSplitCard> => {
    const url = `${baseUrl}/cards/${slug}/loans`;
    const view = inproc.views.find((v) => v.slug === slug)!;
    return {
      slug,
      loans: view.loans,
      viewMs: view.medianMs,
      ...(await sequential(url, headers, serverPid)),
      html: await bytes(url, headers),
      rsc: await bytes(url, { ...headers, RSC: '1' }),
      load: await underLoad(url, cookie, connections),
    };
  };
  const floorUrl = `${baseUrl}/icon.svg`;
  const floor = { ...(await sequential(floorUrl, {}, serverPid)), load: await underLoad(floorUrl, null, connections) };
  const loginUrl = `${baseUrl}/login`;
  const dynamicFloor = { ...(await sequential(loginUrl, {}, serverPid)), load: await underLoad(loginUrl, null, connections) };
  const overview = await sequential(`${baseUrl}/overview`, headers, serverPid);
  const manyCard = await card(many);
  const fewerCard = await card(fewer);
  return { connections, duration: DURATION, floor, dynamicFloor, overview, jwtDecodeMs: inproc.jwtDecodeMs, stillCountsMs: inproc.stillCountsMs, many: manyCard, fewer: fewerCard, loadAverage: loadavg()[0]! };
}

/** Starts `next start` on the network in `env`, signs in as the bench account and measures. */
export async function loansSplitRun(env: Env, many: string, fewer = 's1'): Promise<LoansSplit> {
  const base = `http://127.0.0.1:${PORT}`;
  const server = await startServer(env, path.join(TMP, 'server-loans-split.log'));
  try {
    const pairs = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const r = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pairs(csrf).join('; ') },
      body: new URLSearchParams({ csrfToken, login: BENCH_ACCOUNT.username, password: BENCH_ACCOUNT.password, json: 'true' }),
    });
    const cookie = pairs(r).find((c) => c.includes('next-auth.session-token='));
    if (!cookie) throw new Error(`loans split: sign-in as ${BENCH_ACCOUNT.username} failed (${r.status})`);
    log('loans split: measuring');
    return await measureLoansSplit({ baseUrl: base, cookie, env, many, fewer, serverPid: server.child.pid });
  } finally {
    await server.stop();
  }
}

const perRow = (a: number, b: number, rows: number) => (rows > 0 ? (a - b) / rows : NaN);
const cpu = (n: number | null) => (n === null ? '–' : n.toFixed(1));
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

/** The report section (markdown). */
export function loansSplitSection(s: LoansSplit, network: string): string {
  const rows = s.many.loans - s.fewer.loans;
  // Per row and fixed part from CPU time when there is one (steadier than latency on a shared box).
  const measure = (c: LoansSplitCard) => c.cpuMs ?? c.httpMs;
  const basis = s.many.cpuMs !== null && s.fewer.cpuMs !== null ? 'server CPU ms per request' : 'alone ms';
  const perLoanMs = perRow(measure(s.many), measure(s.fewer), rows);
  const fixedMs = measure(s.many) - s.many.loans * perLoanMs;
  const line = (c: LoansSplitCard) =>
    `| loans, card \`${c.slug}\` | ${c.loans} | ${f1(c.load.rps)} | ${c.load.p50} | ${c.load.p99} | ${f1(c.load.p99 / Math.max(c.load.p50, 1))} | ${(c.load.rps / s.floor.load.rps).toFixed(2)} | ${f1(c.httpMs)} | ${cpu(c.cpuMs)} | ${c.load.non2xx} |`;
  return [
    '## Where the loans page\'s time and bytes go (issue 16 point 3)',
    '',
    `${network}, signed in as \`${BENCH_ACCOUNT.username}\`; \`bench/loans-split.ts\`. Load: autocannon, ${s.connections} connections, ${s.duration} s per page, the floor in the same run. "alone ms": median of 40 requests one at a time (no queueing); "CPU ms": the server process's CPU time over those 40 requests ÷ 40. Load average at the end: ${s.loadAverage.toFixed(1)}.`,
    '',
    '| page | loans | req/s | p50 ms | p99 ms | p99 ÷ p50 | × floor | alone ms | CPU ms | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| floor: /icon.svg | – | ${f1(s.floor.load.rps)} | ${s.floor.load.p50} | ${s.floor.load.p99} | ${f1(s.floor.load.p99 / Math.max(s.floor.load.p50, 1))} | 1.00 | ${f1(s.floor.httpMs)} | ${cpu(s.floor.cpuMs)} | ${s.floor.load.non2xx} |`,
    `| the cheapest dynamic page: /login, signed out (no database work) | – | ${f1(s.dynamicFloor.load.rps)} | ${s.dynamicFloor.load.p50} | ${s.dynamicFloor.load.p99} | ${f1(s.dynamicFloor.load.p99 / Math.max(s.dynamicFloor.load.p50, 1))} | ${(s.dynamicFloor.load.rps / s.floor.load.rps).toFixed(2)} | ${f1(s.dynamicFloor.httpMs)} | ${cpu(s.dynamicFloor.cpuMs)} | ${s.dynamicFloor.load.non2xx} |`,
    `| overview (not under load here) | – | – | – | – | – | – | ${f1(s.overview.httpMs)} | ${cpu(s.overview.cpuMs)} | – |`,
    line(s.many),
    line(s.fewer),
    '',
    `**Time split of one request for card \`${s.many.slug}\` (${s.many.loans} loans): ${f1(s.many.httpMs)} ms alone, ${cpu(s.many.cpuMs)} ms of server CPU.** The per-row and fixed parts below are in ${basis}.`,
    '',
    '| part | ms | how it is obtained |',
    '|---|---:|---|',
    `| the view's statement + its TypeScript mapping (getLoansView) | ${f1(s.many.viewMs)} | in-process, median of 25 calls (\`bench/loans-split-inprocess.ts\`) |`,
    `| session: JWT decode ×2 (proxy.ts + getSignedInAccount) | ${f1(2 * s.jwtDecodeMs)} | in-process, next-auth/jwt \`decode\` of the bench cookie, median × 2 |`,
    `| session: sessionStillCounts (one statement) | ${f1(s.stillCountsMs)} | in-process, median of 25 calls |`,
    `| per loan row, all server work (statement rows, mapping, render, serialisation) | ${f1(perLoanMs)} × ${s.many.loans} = ${f1(perLoanMs * s.many.loans)} | (${basis} \`${s.many.slug}\` − \`${s.fewer.slug}\`) ÷ ${rows} loans |`,
    `| fixed per page (framework, layouts, header, session, statement's fixed part) | ${f1(fixedMs)} | ${basis} − the per-row part; compare the overview's ${cpu(s.overview.cpuMs)} CPU ms |`,
    `| of which the framework floor (proxy, routing, a static response) | ${cpu(s.floor.cpuMs ?? s.floor.httpMs)} | /icon.svg, same measure |`,
    `| of which a dynamic page's floor (render of layout, header and a form, RSC + HTML) | ${cpu(s.dynamicFloor.cpuMs ?? s.dynamicFloor.httpMs)} | /login signed out, same measure: what any server-rendered page costs before its own content |`,
    '',
    '**Bytes per loan row** (difference between the two cards ÷ ' + rows + ' loans). The full page carries each row twice: as HTML and again in the inline RSC payload the browser hydrates from; a client-side navigation fetches only the RSC payload.',
    '',
    '| response | bytes raw (' + s.many.slug + ' / ' + s.fewer.slug + ') | per row raw | gzip | per row gzip |',
    '|---|---:|---:|---:|---:|',
    `| full page (HTML + inline RSC) | ${s.many.html.raw} / ${s.fewer.html.raw} | **${f0(perRow(s.many.html.raw, s.fewer.html.raw, rows))}** | ${s.many.html.gzip} / ${s.fewer.html.gzip} | **${f0(perRow(s.many.html.gzip, s.fewer.html.gzip, rows))}** |`,
    `| RSC payload (\`RSC: 1\`) | ${s.many.rsc.raw} / ${s.fewer.rsc.raw} | **${f0(perRow(s.many.rsc.raw, s.fewer.rsc.raw, rows))}** | ${s.many.rsc.gzip} / ${s.fewer.rsc.gzip} | **${f0(perRow(s.many.rsc.gzip, s.fewer.rsc.gzip, rows))}** |`,
    '',
  ].join('\n');
}
