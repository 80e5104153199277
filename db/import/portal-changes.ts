// Standing portal changes and notices, on the import side: the portal's change log against an imported document. The
// writer asks, per chunk of stored records the document matches, for the changes that still stand
// (one query per chunk, never one per record), lets lib/domain/import-reconcile.ts decide, and
// collects what to confirm, reject and report. `flush` settles the changes in batched statements,
// in the import's transaction.
import { and, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { portalChanges } from '../schema';
import { keptMessage, type ReconcileOutcome, type RecordChange } from '../../lib/domain/import-reconcile';
import { portalChangeStands, type PortalChangeKind, type PortalChangeStatus, type RejectionReason } from '../../lib/domain/portal-changes';
import { chunked, inChunks } from './chunks';

export interface KeptRecord {
  /** The JSON path of the record in the document, e.g. `loans[3]`. */
  path: string;
  message: string;
}

export interface StandingChange {
  id: number;
  kind: PortalChangeKind;
  status: PortalChangeStatus;
  occurredAt: Date;
  details: unknown;
  accountId: number;
  patronId: number | null;
  loanId: number | null;
  reservationId: number | null;
}

type KeyColumn = 'loanId' | 'reservationId' | 'patronId' | 'accountId';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isBranch = (v: unknown): v is { library: string; branch: string } =>
  isObject(v) && typeof v.library === 'string' && typeof v.branch === 'string';

/** A loan's or reservation's change with its details checked; null when they are not the documented shape. */
export function recordChange(change: StandingChange): RecordChange | null {
  const d = change.details;
  if (!isObject(d)) return null;
  switch (change.kind) {
    case 'renewal':
      return typeof d.newDueOn === 'string' && typeof d.oldDueOn === 'string'
        ? { kind: 'renewal', details: d as never }
        : null;
    case 'reservation_cancelled':
      return { kind: 'reservation_cancelled', details: { oldStatus: String(d.oldStatus ?? '') } };
    case 'pickup_changed':
      return isBranch(d.from) && isBranch(d.to) ? { kind: 'pickup_changed', details: { from: d.from, to: d.to } } : null;
    default:
      return null;
  }
}

export class PortalChangeReconciler {
  readonly kept: KeptRecord[] = [];
  private readonly confirmed = new Set<number>();
  private readonly rejected = new Map<number, RejectionReason>();

  constructor(
    private readonly db: Executor,
    readonly exportedAt: Date | null,
  ) {}

  /**
   * The standing changes of the given kinds on the records `ids` of `column`, oldest first
   * (by occurred_at, id), grouped by record: one query per chunk of ids.
   */
  async standing(column: KeyColumn, ids: Iterable<number>, kinds: PortalChangeKind[]): Promise<Map<number, StandingChange[]>> {
    const rows = await inChunks(ids, (chunk) =>
      this.db
        .select({
          id: portalChanges.id,
          kind: portalChanges.kind,
          status: portalChanges.status,
          occurredAt: portalChanges.occurredAt,
          details: portalChanges.details,
          accountId: portalChanges.accountId,
          patronId: portalChanges.patronId,
          loanId: portalChanges.loanId,
          reservationId: portalChanges.reservationId,
        })
        .from(portalChanges)
        .where(
          and(
            inArray(portalChanges[column], chunk),
            inArray(portalChanges.kind, kinds),
            ne(portalChanges.status, 'rejected'),
          ),
        ),
    );
    const byRecord = new Map<number, StandingChange[]>();
    for (const row of rows) {
      const change: StandingChange = { ...row, occurredAt: new Date(row.occurredAt) };
      if (!portalChangeStands(change, this.exportedAt)) continue;
      const key = row[column];
      if (key === null) continue;
      const list = byRecord.get(key) ?? [];
      list.push(change);
      byRecord.set(key, list);
    }
    for (const list of byRecord.values()) list.sort(byOccurrence);
    return byRecord;
  }

  /**
   * Decides on a record's standing changes (oldest first): the latest decides what is written and
   * is settled, or reported as kept at `path`. An older change is judged on its own; when the
   * latest is settled, an older one of the same kind is settled with it (it was superseded).
   * Returns the latest's outcome and the change it is about, or null when nothing applies.
   */
  decide(
    changes: StandingChange[],
    judge: (change: StandingChange) => ReconcileOutcome | null,
    path: string,
  ): { outcome: ReconcileOutcome; change: StandingChange } | null {
    const latest = changes.at(-1);
    if (!latest) return null;
    const outcome = judge(latest);
    for (const older of changes.slice(0, -1)) {
      const own = older.kind === latest.kind && outcome !== null && outcome.action !== 'keep' ? outcome : judge(older);
      if (own !== null && own.action !== 'keep') this.settle(older, own);
    }
    if (outcome === null) return null;
    if (outcome.action === 'keep') this.keep(path, latest);
    else this.settle(latest, outcome);
    return { outcome, change: latest };
  }

  keep(path: string, change: { occurredAt: Date }): void {
    this.kept.push({ path, message: keptMessage(change, this.exportedAt) });
  }

  /** A kept record with a message of its own (an account's e-mail and password). */
  keepWith(path: string, message: string): void {
    this.kept.push({ path, message });
  }

  /** Confirms (only what is unconfirmed: a confirmed change stays the library's) or rejects a change. */
  settle(change: StandingChange, outcome: ReconcileOutcome): void {
    if (outcome.action === 'confirm') {
      if (change.status === 'unconfirmed' && !this.rejected.has(change.id)) this.confirmed.add(change.id);
    } else if (outcome.action === 'reject') {
      this.confirmed.delete(change.id);
      this.rejected.set(change.id, outcome.reason);
    }
  }

  /** Writes the statuses: one statement per chunk of ids (per rejection reason). */
  async flush(): Promise<{ confirmed: number; rejected: number }> {
    for (const chunk of chunked([...this.confirmed])) {
      await this.db
        .update(portalChanges)
        .set({ status: 'confirmed', resolvedBy: 'import', resolvedAt: sql`now()` })
        .where(and(inArray(portalChanges.id, chunk), sql`${portalChanges.status} = 'unconfirmed'`));
    }
    const byReason = new Map<RejectionReason, number[]>();
    for (const [id, reason] of this.rejected) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
    for (const [reason, ids] of byReason) {
      for (const chunk of chunked(ids)) {
        await this.db
          .update(portalChanges)
          .set({ status: 'rejected', rejectedReason: reason, resolvedBy: 'import', resolvedAt: sql`now()` })
          .where(inArray(portalChanges.id, chunk));
      }
    }
    return { confirmed: this.confirmed.size, rejected: this.rejected.size };
  }
}

const byOccurrence = (a: StandingChange, b: StandingChange): number =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id;
