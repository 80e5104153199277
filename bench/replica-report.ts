// The "One read replica" section of bench/REPORT.md (bench/replica.ts measures it).
import type { ReplicaRuns } from './replica';

const f1 = (n: number) => n.toFixed(1);

export function replicaSection(r: ReplicaRuns): string {
  const rows = r.withReplica.results
    .filter((w) => !w.page.startsWith('floor'))
    .map((w) => {
      const p = r.primaryOnly.results.find((x) => x.page === w.page && x.connections === w.connections);
      const ratio = p && p.rps > 0 ? `${(w.rps / p.rps).toFixed(2)}×` : '–';
      return `| ${w.page} | ${w.connections} | ${p ? f1(p.rps) : '–'} | ${p ? `${p.p50} / ${p.p99}` : '–'} | ${f1(w.rps)} | ${w.p50} / ${w.p99} | ${ratio} | ${w.errors + w.non2xx} |`;
    });
  return `## One read replica (issue 16 point 7)

The bench network copied into a PostgreSQL primary of the bench's own with one streaming replica (\`pg_createcluster\` + \`pg_basebackup -R\`; copied and replayed in ${r.copySeconds.toFixed(0)} s), the same account and pages: the server reading everything from the primary, then with \`DATABASE_REPLICA_URL\` (the views and a view's session check on the replica; writes and the session check guarding a write stay on the primary; docs/operations.md, "Read replicas"). Both clusters run on this machine and share its cores with the server and the load generator: the ratio shows what the routing costs, not the capacity a replica on a machine of its own adds. Latencies in ms (p50 / p99).

| page | connections | primary only req/s | p50 / p99 | with replica req/s | p50 / p99 | ratio | errors + non-2xx |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}`;
}
