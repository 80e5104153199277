// Child processes of the bench: commands, the e2e build lock, and `next start` in its own process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AUTH_SECRET, LOCK, log, PORT, ROOT, type Env } from './settings';

const require = createRequire(import.meta.url);

export function run(command: string, args: string[], env: Env = {}, logFile?: string): void {
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const r = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  if (typeof out === 'number') closeSync(out);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal})${logFile ? `; see ${logFile}` : ''}`);
}

export function runCapture(command: string, args: string[], env: Env): string {
  const r = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr.slice(-4000)}`);
  return r.stdout;
}

/** Takes the e2e build lock for this process: `flock` locks our open file description and exits. */
export function takeLock(): number {
  const fd = openSync(LOCK, 'a');
  log(`waiting for ${LOCK}`);
  const r = spawnSync('flock', ['-x', '3'], { stdio: ['ignore', 'inherit', 'inherit', fd] });
  if (r.status !== 0) throw new Error('could not take the build lock');
  log('lock taken');
  return fd;
}

export interface Server {
  child: ChildProcess;
  stop: () => Promise<void>;
}

export async function startServer(env: Env, logFile: string): Promise<Server> {
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

/** The one `BENCH_JSON {…}` line a bench child process prints. */
export function benchJson<T>(out: string, script: string): T {
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`${script} printed no result:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_JSON '.length)) as T;
}
