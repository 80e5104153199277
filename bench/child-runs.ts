// The bench's sections that run in a child process and print one `BENCH_JSON` line: the in-process
// views and renewal (bench/inprocess.ts), the linked library (bench/library-link.ts) and the import
// (bench/import.ts).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, dropDatabase } from './databases';
import type { ImportBenchResult } from './import';
import type { LibraryLinkResult } from './library-link-report';
import { benchJson, runCapture } from './processes';
import { ADMIN_URL, log, PIN_PEPPER, TMP, type Env } from './settings';

export interface InProcess {
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

/** bench/inprocess.ts: round trips and latency per view, and with `renew` the ~200-loan renewal. */
export function inProcess(env: Env, renew: boolean): InProcess {
  const args = ['--import', 'tsx', '--import', './bench/server-only-hook.mjs', 'bench/inprocess.ts', ...(renew ? ['--renew'] : [])];
  return benchJson<InProcess>(runCapture(process.execPath, args, env), 'bench/inprocess.ts');
}

/** bench/library-link.ts in a child process: embedded databases only, its own SIP2 servers. */
export function libraryLink(): LibraryLinkResult {
  log('library link: reference SIP2 server and a scripted 30-loan ACS');
  const args = ['--import', 'tsx', '--import', './bench/server-only-hook.mjs', 'bench/library-link.ts'];
  const out = runCapture(process.execPath, args, {
    // Never the developer's database or library systems: the child opens in-memory PGlite databases.
    DATABASE_URL: '',
    LIBRARY_SYSTEMS: '',
    LIBRARY_SYSTEMS_FILE: '',
    PIN_PEPPER,
    LOG_LEVEL: 'warn',
  });
  const result = benchJson<LibraryLinkResult>(out, 'bench/library-link.ts');
  log(`library link: done in ${result.seconds.toFixed(0)} s`);
  return result;
}

export interface ImportRuns {
  results: ImportBenchResult[];
  skipped: string[];
}

const importEnv: Env = { DATABASE_URL: '', PIN_PEPPER, LOG_LEVEL: 'warn' };

function importOnce(args: string[]): ImportBenchResult {
  const out = runCapture(process.execPath, ['--import', 'tsx', 'bench/import.ts', ...args], importEnv);
  const r = benchJson<ImportBenchResult>(out, 'bench/import.ts');
  log(`import (${r.driver}): first ${r.first.seconds.toFixed(1)} s, re-import ${r.again.seconds.toFixed(1)} s`);
  return r;
}

/** bench/import.ts in a child process, per database: the 100 000-patron import with PIN hashes. */
export async function importBench(suffix: string, postgresRequired: boolean): Promise<ImportRuns> {
  const results: ImportBenchResult[] = [];
  const skipped: string[] = [];
  const dir = path.join(TMP, 'import-pglite');
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.lock`, { force: true });
  try {
    log('import: PGlite');
    results.push(importOnce(['pglite', dir]));
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
      results.push(importOnce(['postgres', url]));
    } finally {
      await dropDatabase(name).catch((e) => log(`could not drop ${name}: ${(e as Error).message}`));
    }
  }
  return { results, skipped };
}
