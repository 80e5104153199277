// Issue 16 point 7: the views' throughput with one streaming replica. The bench network lives on the
// machine's main cluster, which is not ours to reconfigure, so the replica is made of a primary of
// our own (test/support/replica-cluster.ts, the tests' helper): the bench database is copied into it
// (`pg_dump | psql`), the replica streams it, and the same pages as bench/pages.ts are measured with
// the server reading the primary only, then with DATABASE_REPLICA_URL (views on the replica, the
// session check of a view too; writes would stay on the primary). Both clusters are dropped after.
// On one machine the replica shares the cores: the figure shows the routing's cost, not the
// capacity a replica on its own machine adds (docs/operations.md, "Read replicas").
import { spawnSync } from 'node:child_process';
import { createReplicaPair } from '../test/support/replica-cluster';
import { measurePages, type PageRuns } from './pages';
import { log } from './settings';

export interface ReplicaRuns {
  copySeconds: number;
  primaryOnly: PageRuns;
  withReplica: PageRuns;
}

const DATABASE = 'mb_bench_replica';

/** Copies `sourceUrl` into a primary with one replica and measures the pages both ways. */
export async function replicaBench(sourceUrl: string, slug: string): Promise<ReplicaRuns> {
  log('replica: making a primary and a streaming replica (pg_createcluster + pg_basebackup -R)');
  // Durable settings, as the main cluster's defaults (the tests' clusters skip fsync for speed).
  const pair = await createReplicaPair({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  try {
    await pair.createDatabase(DATABASE);
    const t = Date.now();
    const copy = spawnSync('bash', ['-o', 'pipefail', '-c', 'pg_dump --no-owner --no-privileges "$SRC" | psql -q -v ON_ERROR_STOP=1 -o /dev/null "$DST"'], {
      env: { ...process.env, SRC: sourceUrl, DST: pair.primaryUrl(DATABASE) },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (copy.status !== 0) throw new Error(`copying the bench database failed: ${copy.stderr.slice(-2000)}`);
    await pair.waitForReplay(30 * 60_000);
    const copySeconds = (Date.now() - t) / 1000;
    log(`replica: copied and replayed in ${copySeconds.toFixed(0)} s`);
    const views = { pages: ['overview', 'loans', 'reservations'], connections: [10] };
    const primaryOnly = await measurePages('replica set-up, primary only', { DATABASE_URL: pair.primaryUrl(DATABASE) }, slug, views);
    const withReplica = await measurePages('replica set-up, views on the replica', { DATABASE_URL: pair.primaryUrl(DATABASE), DATABASE_REPLICA_URL: pair.replicaUrl(DATABASE) }, slug, views);
    return { copySeconds, primaryOnly, withReplica };
  } finally {
    pair.drop();
  }
}
