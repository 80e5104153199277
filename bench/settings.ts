// The bench's settings (environment variables, see bench/run.ts) and its log line.
import path from 'node:path';

/** Extra environment for a child process (on top of ours unless said otherwise). */
export type Env = Record<string, string | undefined>;

export const ROOT = path.resolve(import.meta.dirname, '..');
export const TMP = path.join(ROOT, 'bench', '.tmp');
export const QUICK = process.env.BENCH_QUICK === '1';
// The big network is issue 16's region-sized one (150 000 patrons, ~32 libraries, bulk-loaded by
// db/seed/scale-bulk.ts); the small one comes from the same generator. Runs of 15 s keep the full
// bench (12 page runs per network, three networks) within ~45 minutes.
export const SCALE = Number(process.env.BENCH_SCALE ?? (QUICK ? 5000 : 150_000));
export const SMALL_SCALE = 200;
export const PGLITE_SCALE = Number(process.env.BENCH_PGLITE_SCALE ?? (QUICK ? 1000 : 20_000));
export const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 5 : 15));
export const PORT = Number(process.env.BENCH_PORT ?? 3250);
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCK = '/tmp/mb-e2e.lock';
export const AUTH_SECRET = 'bench-only-nextauth-secret-0123456789abcdef';
export const PIN_PEPPER = 'bench-only-pin-pepper-0123456789abcdef';
export const started = Date.now();

export const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
