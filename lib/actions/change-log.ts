import 'server-only';
// The change log: every change the portal makes is recorded in `portal_changes`, one row per library it
// concerns, by the same statement or transaction that makes the change — so no change can happen
// unrecorded, and no record can exist for a change that rolled back. This is the one INSERT every
// action uses. Its rows are given as SQL (a FROM clause and the column expressions over it), so a
// one-statement action records in a data-modifying CTE of that statement and "one row per library"
// is a join, never a loop of inserts.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { PortalChangeDetails, PortalChangeKind } from '@/lib/domain/portal-changes';

/** The SQL of each top-level field of a kind's details (lib/domain/portal-changes.ts). */
export type DetailsSql<K extends PortalChangeKind> = { [P in keyof PortalChangeDetails[K]]-?: SQL };

/** Where a change's rows come from: a FROM clause (joins, where, group by) and a column expression each. */
export interface ChangeSource<K extends PortalChangeKind> {
  from: SQL;
  patronId: SQL;
  libraryId: SQL;
  loanId?: SQL;
  reservationId?: SQL;
  details: DetailsSql<K>;
}

/**
 * `'library'`: the linked library's system answered yes to this very change (L1), so it is recorded
 * as confirmed by it; `null`: nobody confirmed it (yet) — an import-only library, or a change no
 * library system is asked about.
 */
export type ConfirmedBy = 'library' | null;

function detailsJson(details: Record<string, SQL>): SQL {
  const pairs = Object.entries(details).map(([key, value]) => sql`${key}::text, ${value}`);
  return pairs.length === 0 ? sql`'{}'::jsonb` : sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

/** The INSERT … SELECT that records `kind` for every row of `source` (a statement, or a CTE's body). */
export function insertChanges<K extends PortalChangeKind>(
  accountId: number,
  kind: K,
  source: ChangeSource<K>,
  confirmedBy: ConfirmedBy = null,
): SQL {
  const resolved = confirmedBy === 'library' ? sql`'confirmed', now(), 'library'` : sql`'unconfirmed', null::timestamptz, null::text`;
  return sql`insert into portal_changes
      (account_id, patron_id, library_id, kind, loan_id, reservation_id, details, status, resolved_at, resolved_by)
    select ${accountId}::int, ${source.patronId}, ${source.libraryId}, ${kind}::text,
           ${source.loanId ?? sql`null::int`}, ${source.reservationId ?? sql`null::int`},
           ${detailsJson(source.details as Record<string, SQL>)}, ${resolved}
      from ${source.from}`;
}

/** Records `kind` for every row of `source`, as one statement of the caller's transaction. */
export async function recordChanges<K extends PortalChangeKind>(
  tx: Executor,
  accountId: number,
  kind: K,
  source: ChangeSource<K>,
  confirmedBy: ConfirmedBy = null,
): Promise<void> {
  await tx.execute(insertChanges(accountId, kind, source, confirmedBy));
}

/**
 * A change of one patron record (linked, unlinked): one row per library where that patron has a
 * membership (a record without any gets one row without a library). Columns `patron_id`, `library_id`.
 */
export const patronLibraries = (patronId: number): SQL => sql`(
    select p.id as patron_id, m.library_id
      from patrons p left join memberships m on m.patron_id = p.id
     where p.id = ${patronId}::int) c`;

/**
 * A change of the account itself (password, e-mail): one row per linked patron and library where it
 * has a membership; an account with no linked patron gets one row with neither.
 */
export const accountLibraries = (accountId: number): SQL => sql`(
    select ap.patron_id, m.library_id
      from account_patrons ap left join memberships m on m.patron_id = ap.patron_id
     where ap.account_id = ${accountId}::int
    union all
    select null::int, null::int
     where not exists (select 1 from account_patrons ap where ap.account_id = ${accountId}::int)) c`;

/** Records an account or patron change with no details of its own per row (see the two sources above). */
export function recordPerLibrary(
  tx: Executor,
  accountId: number,
  kind: 'account_password_changed' | 'membership_linked' | 'membership_unlinked',
  from: SQL,
): Promise<void> {
  return recordChanges(tx, accountId, kind, { from, patronId: sql`c.patron_id`, libraryId: sql`c.library_id`, details: {} });
}
