// The reference SIP2 server (../shared/sip2-reference-server: Evergreen's SIPServer with its
// in-memory sample ILS) for `npm run demo:sip2`. Scripts must not import test/, so this is the
// launcher's own small copy of what test/support/sip2-reference-server.ts does for the tests: run.sh
// in a process group of its own (the Perl parent and its pre-forked child end together), ready when
// a SIP login succeeds, stopped as a group — and killed by a last-resort 'exit' hook should this
// process die before it could stop it properly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Sip2Client } from '../../lib/library-systems/sip2';

export const SIP2_REFERENCE_DIR = process.env.SIP2_REFERENCE_DIR ?? path.resolve(import.meta.dirname, '../../../shared/sip2-reference-server');

/** The sample ILS's terminal login (its README). */
export const REFERENCE_LOGIN = { user: 'scclient', password: 'clientpwd', institutionId: 'UWOLS' } as const;

export interface RunningReferenceServer {
  host: string;
  port: number;
  pgid: number;
  /** SIGTERM to the group, SIGKILL after 5 s; resolves when no process of the group is left. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: already gone
  }
}

/** True when nothing listens on host:port (the bind succeeds). */
function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The preferred port when it is free (6001, as in the reference server's README), else any free one. */
export async function choosePort(preferred: number, host = '127.0.0.1'): Promise<number> {
  return (await portFree(host, preferred)) ? preferred : anyFreePort(host);
}

/** A terminal client of the reference server (the demo's desk: lends items, keeps it awake). */
export function referenceClient(host: string, port: number, timeoutMs = 10_000, options: { quiet?: boolean } = {}): Sip2Client {
  return new Sip2Client(
    {
      host,
      port,
      tls: false,
      charset: 'ascii',
      institutionId: REFERENCE_LOGIN.institutionId,
      login: { user: REFERENCE_LOGIN.user, password: REFERENCE_LOGIN.password },
      timeoutMs,
      maxConnections: 1,
    },
    // The readiness probe expects refused connections while the server starts: not worth a warning.
    options.quiet ? { logger: { debug: () => {}, warn: () => {} } } : {},
  );
}

export async function startReferenceServer(port: number, readyTimeoutMs = 120_000): Promise<RunningReferenceServer> {
  const script = path.join(SIP2_REFERENCE_DIR, 'run.sh');
  if (!existsSync(script)) throw new Error(`the reference SIP2 server is not at ${SIP2_REFERENCE_DIR} (set SIP2_REFERENCE_DIR)`);
  const host = '127.0.0.1';
  let stderr = '';
  const child: ChildProcess = spawn('bash', [script, String(port)], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not spawn the reference SIP2 server');
  const pgid = child.pid;
  // Synchronous on purpose ('exit' handlers cannot wait): nothing of the group outlives us.
  const lastResort = () => signalGroup(pgid, 'SIGKILL');
  process.on('exit', lastResort);
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    stderr = (stderr + text).slice(-8_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
    if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
    while (groupAlive(pgid)) await sleep(50);
    await exited;
    process.off('exit', lastResort);
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the reference SIP2 server exited at start:\n${stderr.split('\n').slice(-15).join('\n')}`);
    }
    const probe = referenceClient(host, port, 3_000, { quiet: true });
    try {
      await probe.scStatus();
      return { host, port, pgid, stop };
    } catch {
      // not listening yet (run.sh may first install its Perl modules)
    } finally {
      await probe.close().catch(() => {});
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the reference SIP2 server did not accept a login within ${readyTimeoutMs / 1000} s:\n${stderr.split('\n').slice(-15).join('\n')}`);
    }
    await sleep(300);
  }
}
