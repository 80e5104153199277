// The plan test's verdict (issue 16: a page costs what its patron has, not what the network
// holds), pure so it is unit-tested (plan-judge.test.ts): which nodes of a JSON plan read a
// network-sized table whole. Used by test/support/view-plans.ts (the plan test) and bench/explain.ts.

/**
 * Tables that grow with the network (patrons, their accounts, loans, the catalogue, …): a
 * full scan of one (sequential, or through an index with no condition) costs what the network holds. Anything not listed here is the network's
 * skeleton (regions, libraries, branches, subscription types, digital collections: hundreds of
 * rows for all of Flanders) and may be scanned.
 */
export const NETWORK_TABLES: ReadonlySet<string> = new Set([
  'patrons',
  'accounts',
  'account_patrons',
  'memberships',
  'cards',
  'titles',
  'items',
  'loans',
  'reservations',
  'fees',
  'portal_changes',
  'library_sync',
  'library_claims',
  'renewal_log',
  'renewal_requests',
  'ended_sessions',
]);

/** A plan node as EXPLAIN (FORMAT JSON) writes it (the fields read here). */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Alias'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Index reads that walk a whole index (or the table through it) when they have no `Index Cond`. */
const INDEX_SCANS: ReadonlySet<string> = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

/**
 * The full scans of a network-sized table in a JSON plan (`EXPLAIN (FORMAT JSON)`'s one row):
 * a sequential scan as `table (alias)`, and a read through an index with no `Index Cond` (the
 * whole index walked — e.g. a partial index over every open loan) as `table (alias) via index`.
 * Both cost what the network holds. A Bitmap Index Scan names no table: it is its Bitmap Heap
 * Scan's (possibly under BitmapAnd/BitmapOr).
 */
export function fullScansOnNetworkTables(plan: unknown, networkTables: ReadonlySet<string> = NETWORK_TABLES): string[] {
  const found: string[] = [];
  const walk = (node: PlanNode, heap?: { table: string; alias?: string }) => {
    const own = node['Relation Name'] ? { table: node['Relation Name'], alias: node.Alias } : undefined;
    const rel = own ?? (node['Node Type'].startsWith('Bitmap') ? heap : undefined);
    const label = rel && (rel.alias && rel.alias !== rel.table ? `${rel.table} (${rel.alias})` : rel.table);
    if (rel && label && networkTables.has(rel.table)) {
      if (node['Node Type'] === 'Seq Scan') found.push(label);
      else if (INDEX_SCANS.has(node['Node Type']) && !node['Index Cond']) found.push(`${label} via ${node['Index Name'] ?? 'index'}`);
    }
    const passDown = node['Node Type'] === 'Bitmap Heap Scan' ? own : node['Node Type'].startsWith('Bitmap') ? heap : undefined;
    for (const child of node.Plans ?? []) walk(child, passDown);
  };
  for (const root of planRoots(plan)) walk(root);
  return found;
}

function planRoots(plan: unknown): PlanNode[] {
  const parsed = typeof plan === 'string' ? (JSON.parse(plan) as unknown) : plan;
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((entry) => (entry as { Plan: PlanNode }).Plan);
}
