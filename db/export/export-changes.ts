// The unconfirmed portal changes of one library as a `mijn-bibliotheek/changes@1`
// document. One statement reads the library, the clock and every change with the natural keys of
// the records it touches; TypeScript then shapes each change per kind and checks the whole
// document against the format's zod schema, so a document that breaks the contract is never
// written. Exporting confirms nothing: a change stays unconfirmed until a later import shows it
// or the document comes back with `--ack` (ack-changes.ts).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../client';
import { queryView } from '../rows';
import { CHANGES_FORMAT, changesDocumentSchema, type ChangesDocument, type ExportedChange } from './changes-schema';
import type { PortalChangeKind } from '../../lib/domain/portal-changes';
import { RESERVATION_STATUSES } from '../schema';

export interface ExportOptions {
  /** The library's ISIL; matched ignoring case. */
  library: string;
  /** Only changes made at or after this moment. */
  since?: Date | null;
}

export type ExportResult =
  | { ok: true; document: ChangesDocument }
  | { ok: false; reason: 'unknown_library'; message: string }
  /** Stored changes that cannot be written in the format (details of the wrong shape, a record gone). */
  | { ok: false; reason: 'unexportable'; message: string; problems: { id: number; kind: string; message: string }[] };

/** One change as the statement returns it: the row, and the natural keys of what it touches. */
interface ChangeRow {
  id: number;
  kind: PortalChangeKind;
  at: string;
  details: unknown;
  patron: string | null;
  card: string | null;
  account: string;
  loanItem: string | null;
  loanLentOn: string | null;
  reservationTitle: string | null;
  reservationPlacedOn: string | null;
}

interface View {
  library: string | null;
  exportedAt: string;
  changes: ChangeRow[];
}

/** Timestamps as the format writes them: UTC, milliseconds, `Z`. */
const isoUtc = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The stored `details` per kind (lib/domain/portal-changes.ts). Read leniently: only these fields are copied. */
const date = z.iso.date();
const count = z.int().min(0);
const branchRef = z.object({ library: z.string(), branch: z.string() });
const storedDetails = {
  renewal: z.object({ oldDueOn: date, newDueOn: date, oldRenewals: count, newRenewals: count }),
  reservation_cancelled: z.object({ oldStatus: z.enum(RESERVATION_STATUSES) }),
  pickup_changed: z.object({ from: branchRef, to: branchRef }),
  history_enabled: z.object({}),
  history_disabled: z.object({ pausedOn: date }),
  history_cleared: z.object({ hidden: count }),
  account_email_changed: z.object({ email: z.string() }),
  account_password_changed: z.object({}),
  membership_linked: z.object({}),
  membership_unlinked: z.object({}),
} as const satisfies Record<PortalChangeKind, z.ZodType>;

class Unexportable extends Error {}


function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Unexportable(what);
  return value;
}

/** The stored details of a change, in the shape of its kind, or Unexportable. */
function detailsOf<S extends z.ZodType>(schema: S, row: ChangeRow): z.infer<S> {
  const parsed = schema.safeParse(row.details);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(details)'}: ${i.message}`);
  throw new Unexportable(`details do not match the kind (${issues.join('; ')})`);
}

/** One stored change in the format, or an Unexportable error saying what is missing. */
function toExported(row: ChangeRow): ExportedChange {
  const common = { id: row.id, at: row.at, patron: need(row.patron, 'no patron'), card: row.card };
  const loan = () => ({ item: need(row.loanItem, 'its loan is gone'), lentOn: need(row.loanLentOn, 'its loan is gone') });
  const reservation = () => ({
    title: need(row.reservationTitle, 'its reservation is gone'),
    placedOn: need(row.reservationPlacedOn, 'its reservation is gone'),
  });
  // Written field by field (never a spread of the stored details), so nothing else leaves the portal.
  switch (row.kind) {
    case 'renewal': {
      const d = detailsOf(storedDetails.renewal, row);
      return { ...common, kind: row.kind, loan: loan(),
        oldDueOn: d.oldDueOn, newDueOn: d.newDueOn, oldRenewals: d.oldRenewals, newRenewals: d.newRenewals };
    }
    case 'reservation_cancelled': {
      const d = detailsOf(storedDetails.reservation_cancelled, row);
      return { ...common, kind: row.kind, reservation: reservation(), oldStatus: d.oldStatus };
    }
    case 'pickup_changed': {
      const d = detailsOf(storedDetails.pickup_changed, row);
      return { ...common, kind: row.kind, reservation: reservation(),
        from: { library: d.from.library, branch: d.from.branch }, to: { library: d.to.library, branch: d.to.branch } };
    }
    case 'history_enabled':
      detailsOf(storedDetails.history_enabled, row);
      return { ...common, kind: row.kind };
    case 'history_disabled':
      return { ...common, kind: row.kind, pausedOn: detailsOf(storedDetails.history_disabled, row).pausedOn };
    case 'history_cleared':
      return { ...common, kind: row.kind, hidden: detailsOf(storedDetails.history_cleared, row).hidden };
    case 'account_email_changed':
      return { ...common, kind: row.kind, account: row.account, email: detailsOf(storedDetails.account_email_changed, row).email };
    case 'account_password_changed':
    case 'membership_linked':
    case 'membership_unlinked':
      return { ...common, kind: row.kind, account: row.account };
  }
}

/**
 * The statement: the library (null when unknown), the database's clock, and the library's
 * unconfirmed changes in order (occurred_at, id). The patron of a loan or reservation is the
 * record's own patron (part of a reservation's natural key); the card is the patron's card at the
 * library as the library exported it (the oldest card when there are several).
 */
function exportStatement(library: string, since: Date | null) {
  const sinceParam = since ? since.toISOString() : null;
  return sql`
    with lib as (
      select id, isil from libraries where upper(isil) = upper(${library})
    ), changes as (
      select pc.id, pc.kind, pc.occurred_at, pc.details,
             ${isoUtc('pc.occurred_at')} as at,
             p.key as patron,
             (select coalesce(c.source_number, c.number) from cards c
               where c.patron_id = p.id and c.library_id = pc.library_id
               order by c.id limit 1) as card,
             a.username as account,
             i.barcode as loan_item, l.lent_on as loan_lent_on,
             t.key as reservation_title, r.placed_on as reservation_placed_on
        from portal_changes pc
        join lib on lib.id = pc.library_id
        join accounts a on a.id = pc.account_id
        left join loans l on l.id = pc.loan_id
        left join items i on i.id = l.item_id
        left join reservations r on r.id = pc.reservation_id
        left join titles t on t.id = r.title_id
        left join patrons p on p.id = coalesce(l.patron_id, r.patron_id, pc.patron_id)
       where pc.status = 'unconfirmed'
         and (${sinceParam}::timestamptz is null or pc.occurred_at >= ${sinceParam}::timestamptz)
    )
    select json_build_object(
      'library', (select isil from lib),
      'exportedAt', ${isoUtc('now()')},
      'changes', coalesce((
        select json_agg(json_build_object(
                 'id', id, 'kind', kind, 'at', at, 'details', details, 'patron', patron, 'card', card,
                 'account', account, 'loanItem', loan_item, 'loanLentOn', loan_lent_on,
                 'reservationTitle', reservation_title, 'reservationPlacedOn', reservation_placed_on)
               order by occurred_at, id)
          from changes), '[]'::json)
    ) as view`;
}

/** The library's unconfirmed changes as a changes@1 document, checked against the format. */
export async function exportChanges(db: Executor, options: ExportOptions): Promise<ExportResult> {
  const since = options.since ?? null;
  const view = await queryView<View>(db, exportStatement(options.library, since));
  if (view.library === null) {
    return { ok: false, reason: 'unknown_library', message: `no library with ISIL "${options.library}"` };
  }
  const changes: ExportedChange[] = [];
  const problems: { id: number; kind: string; message: string }[] = [];
  for (const row of view.changes) {
    try {
      changes.push(toExported(row));
    } catch (error) {
      if (!(error instanceof Unexportable)) throw error;
      problems.push({ id: row.id, kind: row.kind, message: error.message });
    }
  }
  const document = {
    format: CHANGES_FORMAT,
    library: view.library,
    exportedAt: view.exportedAt,
    since: since ? since.toISOString() : null,
    changes,
  } satisfies ChangesDocument;
  // The contract, checked before anything is written: a stored value the format does not allow
  // (an address that is not one, a branch code too long) is reported with its change.
  // Parsing also writes every change's keys in the format's order (id, kind, at, patron, card, …).
  const checked = changesDocumentSchema.safeParse(document);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [section, index, ...rest] = issue.path;
      const change = section === 'changes' && typeof index === 'number' ? changes[index] : undefined;
      problems.push({ id: change?.id ?? 0, kind: change?.kind ?? '(document)', message: `${rest.join('.') || issue.path.join('.')}: ${issue.message}` });
    }
  }
  if (problems.length > 0 || !checked.success) {
    return {
      ok: false,
      reason: 'unexportable',
      message: `${problems.length} stored change${problems.length === 1 ? '' : 's'} of ${view.library} cannot be exported; nothing was written`,
      problems,
    };
  }
  return { ok: true, document: checked.data };
}
