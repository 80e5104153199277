// The report's appendix on plans (issue 16 point 2): runs bench/explain.ts in a child process on a
// seeded database and writes its section of bench/REPORT.md — per view a verdict (full scans
// of network-sized tables — sequential, or an index read with no Index Cond: none / which) and the EXPLAIN (ANALYZE, BUFFERS) text.
import { benchJson, runCapture } from './processes';
import type { Env } from './settings';

export interface ExplainResult {
  driver: string;
  slug: string;
  openLoans: number;
  views: {
    name: string;
    /** Statements the view sent (one per view; the plan of each follows). */
    statements: number;
    /** Per statement: the full scans (sequential, or through an index with no condition) of network-sized tables (`table (alias): N rows` on this network) and the EXPLAIN (ANALYZE, BUFFERS) text. */
    plans: { seqScans: string[]; genericScans: string[] | null; text: string }[];
  }[];
}

/** bench/explain.ts on the database of `env` (DATABASE_URL or PGLITE_DIR), reading card `slug`. */
export function explainViews(env: Env, slug?: string): ExplainResult {
  const args = ['--import', 'tsx', '--import', './bench/server-only-hook.mjs', 'bench/explain.ts', ...(slug ? ['--slug', slug] : [])];
  return benchJson<ExplainResult>(runCapture(process.execPath, args, env), 'bench/explain.ts');
}

const verdict = (scans: string[]): string => (scans.length === 0 ? 'none' : `**${scans.join(', ')}**`);

/** The appendix: verdicts first (one line per view), then each plan. `network` names the database (e.g. "PostgreSQL, 150,000 patrons"). */
export function explainSection(result: ExplainResult, network: string): string {
  const generic = (v: ExplainResult['views'][number]) =>
    v.plans.every((p) => p.genericScans === null) ? '–' : verdict(v.plans.flatMap((p) => p.genericScans ?? []));
  const rows = result.views.map((v) => `| ${v.name} | ${v.statements} | ${verdict(v.plans.flatMap((p) => p.seqScans))} | ${generic(v)} |`).join('\n');
  const plans = result.views
    .map((v) =>
      v.plans
        // Folded: the loans view's and the renew read's plans run to hundreds of lines.
        .map((p, i) => `<details><summary>${v.name}${v.plans.length > 1 ? ` (statement ${i + 1})` : ''}</summary>\n\n\`\`\`\n${p.text}\n\`\`\`\n\n</details>`)
        .join('\n\n'),
    )
    .join('\n\n');
  return `## Appendix: plans of each view's statement — ${network}

\`bench/explain.ts\`: the statement each page sends for the bench account (card \`${result.slug}\`, ${result.openLoans} open loans), the session check and the renew action's read, explained with their own parameters on ${result.driver}. "Full scans" lists whole reads of network-sized tables (patrons, accounts, memberships, cards, titles, items, loans, reservations, fees, the change log, …; test/support/plan-judge.ts): sequential scans, and reads through an index with no \`Index Cond\` (\`via index\`: the whole index walked, as costly as a sequential scan); the network's skeleton (regions, libraries, branches, subscription types) may be scanned. Each scan shows the table's size on this network: the planner rightly scans a table the seed leaves small (the scale generator creates few accounts and no change log), which the plan test fills to a real network's proportions. The same judge runs in the plan test (lib/data/view-plans.db.test.ts) on a generated network. The pages' statements run prepared on PostgreSQL (db/prepared.ts), and after five runs PostgreSQL may keep a *generic* plan, made without the parameters' values: the last column judges that plan too (\`plan_cache_mode = force_generic_plan\`; \`–\` on PGlite, where nothing is prepared). The plans below are the custom ones, with the values.

| view | statements | full scans (custom plan) | full scans (generic plan) |
|---|---:|---|---|
${rows}

${plans}`;
}
