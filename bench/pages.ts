// Pages under load: sign in as the bench account over HTTP, warm up, and measure each page with
// autocannon, against a production server started per network. Every portal page of the bench
// account at 10 connections (issue 16: each within 10 % of the small network); at 50 only the
// floor, the overview and the loans page, which keeps the full run within its time budget.
// (/cards and /cards/[card] are redirects to a card's loans page, not pages of their own.)
import { loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_ACCOUNT } from '../db/seed/scale';
import { startServer } from './processes';
import { DURATION, log, PORT, TMP, type Env } from './settings';

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

export interface LoadResult {
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

export const CONNECTION_LEVELS = [10, 50] as const;

/** The pages under load: name, path, whether it needs the session cookie, at which concurrencies. */
export function benchPages(slug: string): { page: string; path: string; signedIn: boolean; connections: number[] }[] {
  const all = [10, 50];
  return [
    { page: 'floor: /icon.svg (static)', path: '/icon.svg', signedIn: false, connections: all },
    { page: 'overview', path: '/overview', signedIn: true, connections: all },
    { page: 'loans', path: `/cards/${slug}/loans`, signedIn: true, connections: all },
    { page: 'reservations', path: `/cards/${slug}/reservations`, signedIn: true, connections: [10] },
    { page: 'history', path: `/cards/${slug}/history`, signedIn: true, connections: [10] },
    { page: 'fees', path: `/cards/${slug}/fees`, signedIn: true, connections: [10] },
    { page: 'memberships', path: '/memberships', signedIn: true, connections: [10] },
    { page: 'account', path: '/account', signedIn: true, connections: [10] },
    { page: 'library card', path: '/library-card', signedIn: true, connections: [10] },
  ];
}

/**
 * `only`: the names of the pages to measure (the floor is always measured); the replica section
 * measures the three views at 10 connections only, which keeps the full run within its budget.
 */
export async function measurePages(
  label: string,
  env: Env,
  slug: string,
  only?: { pages: readonly string[]; connections: readonly number[] },
): Promise<{ label: string; slug: string; results: LoadResult[] }> {
  const logFile = path.join(TMP, `server-${label.replace(/\W+/g, '-')}.log`);
  log(`${label}: starting next start on :${PORT}`);
  const server = await startServer(env, logFile);
  try {
    const cookie = await signIn();
    const linked = await cardSlug(cookie);
    if (!linked.includes(slug)) throw new Error(`card ${slug} is not on ${BENCH_ACCOUNT.username}'s overview (${linked.join(', ')})`);
    const pages = benchPages(slug)
      .filter((p) => !only || !p.signedIn || only.pages.includes(p.page))
      .map((p) => ({ ...p, connections: only ? p.connections.filter((c) => only.connections.includes(c)) : p.connections, cookie: p.signedIn ? cookie : null }));
    for (const { path: url, cookie: c } of pages) {
      for (let i = 0; i < 10; i += 1) {
        const r = await fetch(`${base()}${url}`, { headers: c ? { cookie: c } : {}, redirect: 'manual' });
        if (r.status !== 200) throw new Error(`${url} answered ${r.status} while warming up`);
        await r.arrayBuffer();
      }
    }
    const results: LoadResult[] = [];
    for (const connections of CONNECTION_LEVELS) {
      for (const { page, path: url, cookie: c } of pages.filter((p) => p.connections.includes(connections))) {
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

/** One network's page runs, as the report shows them. */
export type PageRuns = Awaited<ReturnType<typeof measurePages>>;
