// Shared by scripts/serve.ts (`npm start`) and scripts/serve-e2e.ts (Playwright's web server):
// prepare the database in THIS process (migrate, seed the demo network when empty), close it —
// one process owns a PGlite directory — and only then start the Next.js server as a child.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { openDb, type OpenDbOptions } from '../../db/client';
import { migrate } from '../../db/migrate';
import { libraries } from '../../db/schema';
import { seedDemo } from '../../db/seed/demo';

export interface PrepareOptions {
  /** Seed the demo network when the database has no libraries yet. */
  seedWhenEmpty: boolean;
  log?: (line: string) => void;
}

/** Migrates the database and seeds the demo network when empty; always closes it again. */
export async function prepareDatabase(dbOptions: OpenDbOptions, options: PrepareOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const handle = await openDb(dbOptions);
  try {
    await migrate(handle);
    log(`[db] migrations applied (${handle.driver}${dbOptions.pgliteDir ? `: ${dbOptions.pgliteDir}` : ''})`);
    if (!options.seedWhenEmpty) return;
    const any = await handle.db.select({ id: libraries.id }).from(libraries).limit(1);
    if (any.length > 0) {
      log('[db] network present, not seeding');
      return;
    }
    const seeded = await seedDemo(handle.db);
    log(`[db] demo network seeded (as of ${seeded.today})`);
  } finally {
    await handle.close();
  }
}

const listenSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOSTNAME: z.string().min(1).default('0.0.0.0'),
});

/**
 * Port and host for `next start`: PORT (default 3000) and HOSTNAME (default 0.0.0.0). Read here,
 * not in lib/env.ts, because only these launch scripts use them. Empty strings count as unset.
 */
export function listenAddress(defaults: { port?: number; hostname?: string } = {}): { port: number; hostname: string } {
  const raw = {
    PORT: process.env.PORT || defaults.port,
    HOSTNAME: process.env.HOSTNAME || defaults.hostname,
  };
  const parsed = listenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid PORT/HOSTNAME: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { port: parsed.data.PORT, hostname: parsed.data.HOSTNAME };
}

export interface StartOptions {
  port: number;
  hostname: string;
  env: NodeJS.ProcessEnv;
  /**
   * Own process group (`npm start`): signals go to the whole group of `next start`. Playwright
   * instead kills its web server's group, so the e2e server keeps `next start` in its own group.
   */
  detached: boolean;
  /** Also copy the server's stdout and stderr into this file (the e2e server's log, for the log test). */
  logFile?: string;
  /**
   * Runs after the server has exited and before this process exits with its code: what was started
   * beside it (the demo's reference SIP2 server) is stopped with it rather than left behind.
   */
  beforeExit?: () => Promise<void>;
}

/**
 * Spawns the production server (scripts/lib/next-server.ts: Next.js's handler behind a Node server
 * that passes the socket address on, which `next start` cannot), forwards SIGINT/SIGTERM/SIGHUP to
 * it, and exits with its exit code.
 */
export function runNextStart(options: StartOptions): void {
  const serverScript = fileURLToPath(new URL('./next-server.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', serverScript, String(options.port), options.hostname],
    { stdio: options.logFile ? ['inherit', 'pipe', 'pipe'] : 'inherit', env: options.env, detached: options.detached },
  );
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    const file = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      file.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      file.write(chunk);
    });
  }

  const forward = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      // A negative pid addresses the child's whole process group (only when it has its own).
      process.kill(options.detached ? -child.pid : child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => forward(signal));

  child.on('error', (error) => {
    console.error(`[serve] could not start next: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    const status = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
    if (!options.beforeExit) process.exit(status);
    options.beforeExit().then(
      () => process.exit(status),
      (error: unknown) => {
        console.error(`[serve] stopping what ran beside the server failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(status || 1);
      },
    );
  });
}
