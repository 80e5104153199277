// Issue 16: a page costs what its patron has, not what the network holds. On a generated network
// (big enough that the planner prefers an index whenever one serves), each view's statement, the
// session check and the renew action's statements are explained with their own parameters (and,
// on PostgreSQL, the views' generic plans, as prepared statements may use them): no
// full scan of a network-sized table — sequential, or through an index with no Index Cond
// (test/support/view-plans.ts says which tables those are).
// The plan, not a time. The last case shows the judge can fail: without the index on open loans by
// patron, the loans view scans the loans (today through the partial index over every open loan,
// which the judge counts as a full scan: it has no Index Cond).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { describeOnDatabases } from '../../test/db';
import { loadGeneratedNetwork } from '../../test/support/plan-network';
import {
  explainGenericStatement,
  explainStatement,
  fullScansOnNetworkTables,
  VIEW_CASES,
  type CapturedStatement,
  type PlanContext,
} from '../../test/support/view-plans';
import { rowsOf } from '@/db/rows';
import { accountPatrons, accounts, loans } from '@/db/schema';
import { BENCH_ACCOUNT } from '@/db/seed/scale';
import { listCards } from './cards';
import { getLoansView } from './loans';

const TODAY = '2026-03-15';
/** Patrons of the generated network: ~60 000 loans, ~40 000 items. */
const PATRONS = 2000;

// Loading the network through the importer takes about a minute on PGlite on a quiet machine
// (less on PostgreSQL); the default hook timeout is for scenarios of a few rows.
vi.setConfig({ hookTimeout: 600_000 });

describeOnDatabases(
  'each view’s statement uses its indexes on a generated network (%s)',
  {
    scenario: async (db, handle): Promise<Omit<PlanContext, 'db'>> => {
      await loadGeneratedNetwork(handle, PATRONS, TODAY);
      const [row] = await db
        .select({ id: accounts.id, sv: accounts.sessionVersion })
        .from(accounts)
        .where(eq(accounts.username, BENCH_ACCOUNT.username));
      const account = { accountId: row!.id, sessionVersion: row!.sv };
      const patronIds = (
        await db.select({ id: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, account.accountId))
      ).map((r) => r.id);
      const loanIds = (
        await db.select({ id: loans.id }).from(loans).where(and(inArray(loans.patronId, patronIds), isNull(loans.returnedOn)))
      ).map((r) => r.id);
      // The bench account's card with the most open loans, as the bench reads it.
      let slug = '';
      let most = -1;
      for (const card of await listCards(db, account, TODAY)) {
        const n = (await getLoansView(db, account, card.slug, TODAY))?.byDueDate.length ?? 0;
        if (n > most) [most, slug] = [n, card.slug];
      }
      return { account, loanIds, slug, today: TODAY, sessionId: 'plan-test-session-00000000' };
    },
  },
  (t) => {
    /** Runs a case and returns the statements it sent (before anything else goes through the log). */
    const capture = async (run: (ctx: PlanContext) => Promise<unknown>): Promise<CapturedStatement[]> => {
      t.queries.reset();
      await run({ ...t.scenario, db: t.db });
      return t.queries.map((text, i) => ({ sql: text, params: t.queries.params[i]! }));
    };

    it('the network is big enough to judge: the bench account reads 200 loans among tens of thousands', async () => {
      expect(t.scenario.loanIds).toHaveLength(BENCH_ACCOUNT.openLoans);
      const [count] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from loans`));
      expect(count?.n).toBeGreaterThan(50_000);
    });

    // Table-driven: every view (renew-all last: it renews the loans the others read).
    // On PostgreSQL the pages' statements run prepared (db/prepared.ts) and may settle on a generic
    // plan, made without the parameters' values: that plan is judged too.
    it.each(VIEW_CASES.map((c) => [c.name, c] as const))('%s: no full scan of a network-sized table (on PostgreSQL in its generic plan too)', async (_name, view) => {
      const statements = await capture(view.run);
      expect(statements.length).toBeGreaterThan(0);
      const found: Record<string, string[]> = {};
      for (const [i, statement] of statements.entries()) {
        const scans = fullScansOnNetworkTables(await explainStatement(t.db, statement, 'json'));
        if (scans.length > 0) found[`statement ${i + 1}: ${statement.sql.slice(0, 80)}`] = scans;
        if (t.driver !== 'postgres' || view.writes) continue;
        const generic = fullScansOnNetworkTables(await explainGenericStatement(t.db, statement));
        if (generic.length > 0) found[`statement ${i + 1}, generic plan: ${statement.sql.slice(0, 80)}`] = generic;
      }
      expect(found).toEqual({});
    });

    it('fails when an index is missing: without loans_open_by_patron_due_idx the loans view scans the loans', async () => {
      const [statement] = await capture((c) => getLoansView(c.db, c.account, c.slug, c.today));
      expect(fullScansOnNetworkTables(await explainStatement(t.db, statement!, 'json'))).toEqual([]);
      let withoutIndex: string[] = [];
      // The index is dropped inside a transaction that is then undone (by throwing out of it).
      class Undo extends Error {}
      await t.db
        .transaction(async (tx) => {
          await tx.execute(sql`drop index loans_open_by_patron_due_idx`);
          withoutIndex = fullScansOnNetworkTables(await explainStatement(tx, statement!, 'json'));
          throw new Undo();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Undo)) throw error;
        });
      expect(withoutIndex.some((scan) => scan.startsWith('loans'))).toBe(true);
      // Rolled back: the index is there again.
      expect(fullScansOnNetworkTables(await explainStatement(t.db, statement!, 'json'))).toEqual([]);
    });
  },
);
