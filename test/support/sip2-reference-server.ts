// Starts the reference SIP2 server (/work/shared/sip2-reference-server, Evergreen's SIPServer with
// its in-memory sample ILS) for integration tests. It runs in a process group of its own so that
// stop() ends the Perl parent and its pre-forked child together, and nothing outlives the test
// file: stop() in afterAll, plus a last-resort kill when the test process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sipChecksum } from '../../lib/library-systems/sip2/checksum';

// ../shared beside the project, as on every checkout and in CI.
export const SIP2_REFERENCE_DIR = process.env.SIP2_REFERENCE_DIR ?? path.resolve(import.meta.dirname, '../../../shared/sip2-reference-server');

export interface Sip2ReferenceServer {
  host: string;
  port: number;
  /** Ends the process group and waits until every process of it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port (fresh sample data); waits until it accepts a login. */
  restart(): Promise<void>;
  /** The last lines the server wrote to standard error (for failure messages). */
  stderrTail(): string;
  /** Process group id of the running server (its leader's pid), or null when stopped. */
  pgid(): number | null;
}

export interface StartOptions {
  /** How long to wait for the first successful login. */
  readyTimeoutMs?: number;
  port?: number;
  /** Another start script (tests of this harness); run.sh of the reference server by default. */
  script?: string;
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous on purpose: 'exit' handlers cannot wait. A test file that crashed before afterAll
  // still takes its server down with it.
  process.on('exit', () => {
    for (const pgid of liveGroups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

export function isSip2ReferenceServerAvailable(): boolean {
  return existsSync(`${SIP2_REFERENCE_DIR}/run.sh`);
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startSip2ReferenceServer(options: StartOptions = {}): Promise<Sip2ReferenceServer> {
  installExitHook();
  const host = '127.0.0.1';
  const port = options.port ?? (await freePort());
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let stderr = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const tail = () => stderr.split('\n').slice(-25).join('\n');

  async function launch(): Promise<void> {
    stderr = '';
    const proc = spawn('bash', [options.script ?? `${SIP2_REFERENCE_DIR}/run.sh`, String(port)], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    if (proc.pid === undefined) throw new Error('could not spawn the SIP2 reference server');
    liveGroups.add(proc.pid);
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (text: string) => {
      stderr = (stderr + text).slice(-16_000);
    });
    let exitedEarly = false;
    exited = new Promise((resolve) => {
      proc.once('exit', () => {
        exitedEarly = true;
        resolve();
      });
    });
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (exitedEarly) {
        await stopGroup();
        throw new Error(`the SIP2 reference server exited before accepting a login (port ${port}).\n--- stderr ---\n${tail()}`);
      }
      if (await canLogIn(host, port)) return;
      if (Date.now() > deadline) {
        await stopGroup();
        throw new Error(`the SIP2 reference server did not accept a login within ${readyTimeoutMs} ms (port ${port}).\n--- stderr ---\n${tail()}`);
      }
      await sleep(200);
    }
  }

  async function stopGroup(): Promise<void> {
    const proc = child;
    if (!proc || proc.pid === undefined) return;
    const pgid = proc.pid;
    signalGroup(pgid, 'SIGTERM');
    const parentGone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!parentGone) signalGroup(pgid, 'SIGKILL');
    // The pre-forked child can outlive its parent for a moment: wait until the group is empty.
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid)) {
      if (Date.now() > deadline) {
        signalGroup(pgid, 'SIGKILL');
        await sleep(100);
        if (!groupAlive(pgid)) break;
        throw new Error(`SIP2 reference server process group ${pgid} did not end`);
      }
      await sleep(50);
    }
    await exited;
    liveGroups.delete(pgid);
    child = null;
  }

  await launch();
  return {
    host,
    port,
    stop: stopGroup,
    async restart() {
      await stopGroup();
      await launch();
    },
    stderrTail: tail,
    pgid: () => (child as ChildProcess | null)?.pid ?? null,
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One login with the sample account, as the readiness probe; the connection is closed after. */
function canLogIn(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let answer = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 3_000);
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      const head = Buffer.from('9300CNscclient|COclientpwd|CPSTACKS|AY0AZ', 'latin1');
      socket.write(Buffer.concat([head, Buffer.from(`${sipChecksum(head)}\r`, 'latin1')]));
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r')) done(answer.startsWith('941'));
    });
    socket.once('close', () => done(false));
  });
}
