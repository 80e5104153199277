// The portal's production build served with DATABASE_URL on a primary and DATABASE_REPLICA_URL on
// its streaming replica (replica-cluster.ts), for e2e/replica.spec.ts: a server of its own beside
// the suite's PGlite one, sharing the one `next build`. Its scenarios are imported straight into the
// primary (the scenario endpoint exists only without DATABASE_URL), then the replica is waited for.
// stop() ends the server's process group and drops both clusters.
import { spawn, type ChildProcess } from 'node:child_process';
import { openDb, type DbHandle } from '@/db/client';
import { importNetwork } from '@/db/import/import-network';
import { migrate } from '@/db/migrate';
import { createReplicaPair, type ReplicaPair } from './replica-cluster';

export interface ReplicaServer {
  baseUrl: string;
  pair: ReplicaPair;
  /** Imports a network@1 document into the primary and waits until the replica has it. */
  importNetwork(document: unknown): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicaServerOptions {
  port: number;
  /** The server's environment beyond the databases (secrets, NODE_ENV, proxies). */
  env: Record<string, string>;
  database?: string;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the replica server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the replica server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startReplicaServer(options: ReplicaServerOptions): Promise<ReplicaServer> {
  const database = options.database ?? 'mb_e2e_replica';
  const pair = await createReplicaPair();
  let primary: DbHandle | undefined;
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await primary?.close().catch(() => {});
    pair.drop();
    process.off('exit', killGroup);
  };
  // A runner that gives up on its hook (a timeout) never calls stop(): the server goes with the process.
  const killGroup = () => {
    try {
      if (child?.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  process.on('exit', killGroup);
  try {
    await pair.createDatabase(database);
    primary = await openDb({ url: pair.primaryUrl(database), maxConnections: 2 });
    await migrate(primary);
    await pair.waitForReplay();
    const baseUrl = `http://127.0.0.1:${options.port}`;
    // The app's own server (scripts/lib/next-server.ts, as `npm start` runs it), in its own process group.
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/next-server.ts', String(options.port), '127.0.0.1'], {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...options.env,
        DATABASE_URL: pair.primaryUrl(database),
        DATABASE_REPLICA_URL: pair.replicaUrl(database),
        PGLITE_DIR: '',
        LIBRARY_SYSTEMS_FILE: '',
        LIBRARY_SYSTEMS: '',
        E2E_SCENARIO_TOKEN: '',
      },
    });
    await waitForHttp(`${baseUrl}/`, child, 60_000);
    const db = primary;
    return {
      baseUrl,
      pair,
      async importNetwork(document) {
        const result = await importNetwork(db.db, document);
        if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result.errors).slice(0, 2000)}`);
        await pair.waitForReplay();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
