// Batched upsert by natural key, the one write path of the importer. Per chunk of rows: one
// SELECT of the stored rows, a comparison in memory, and one multi-row INSERT … ON CONFLICT DO
// UPDATE of only the new and changed rows. An unchanged row is not written at all, so a re-import
// of the same document changes nothing (not even a row version); `setWhere … IS DISTINCT FROM`
// keeps that true should a row turn out equal after all.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { chunked } from './chunks';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Only for link tables whose list in the document is complete (a library's collections). */
  removed?: number;
}

export const zeroCounts = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });

export function addCounts(into: Counts, more: Counts): Counts {
  into.inserted += more.inserted;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  if (more.removed !== undefined) into.removed = (into.removed ?? 0) + more.removed;
  return into;
}

type Values = Record<string, unknown>;
export type Stored = Values & { id: number };

export interface UpsertSpec<Draft extends Values> {
  table: PgTable;
  /** The natural key of a row, from its column values (the same function for drafts and stored rows). */
  keyOf: (row: Values) => string;
  /** Selects the stored rows that may match a chunk; it may select more, they are ignored. */
  storedWhere: (chunk: Draft[]) => SQL;
  /** Columns that the document sets; compared to find changes, and the ones an update writes. */
  columns: string[];
  /** ON CONFLICT target: the natural key's unique index (or `id`, see conflictOnId). */
  target: PgColumn[];
  /** For partial unique indexes: their predicate. */
  targetWhere?: SQL;
  /**
   * Upsert on the primary key of the stored row found by natural key, for a natural key that
   * drizzle cannot name as a conflict target (an expression index such as lower(username)).
   */
  conflictOnId?: boolean;
  /** Extra assignments on update, e.g. bumping a session version when a password changes. */
  extraSet?: Record<string, SQL>;
  /**
   * Lock the stored rows (`for update`, in id order) before `prepare` reads anything about them:
   * a portal action on one of them (a renewal, a cancellation) then either committed before — and
   * its change-log row is visible to `prepare` — or waits for the import, which can therefore never
   * overwrite a change it did not see.
   */
  lockStored?: boolean;
  /** Turns drafts into rows, given the stored rows (e.g. keep a hash when the secret still matches). */
  prepare?: (chunk: Draft[], stored: Map<string, Stored>) => Promise<Values[]>;
}

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const excluded = (column: string): SQL => sql.raw(`excluded.${snake(column)}`);
const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

/** Writes `drafts`; returns natural key → id for every one of them, and what happened. */
export async function upsertByNaturalKey<Draft extends Values>(
  db: Executor,
  spec: UpsertSpec<Draft>,
  drafts: Draft[],
): Promise<{ ids: Map<string, number>; counts: Counts }> {
  const ids = new Map<string, number>();
  const counts = zeroCounts();
  const tableColumns = getTableColumns(spec.table) as Record<string, PgColumn>;
  const column = (name: string): PgColumn => {
    const c = tableColumns[name];
    if (!c) throw new Error(`internal: no column ${name}`);
    return c;
  };

  for (const chunk of chunked(drafts)) {
    const select = db.select().from(spec.table).where(spec.storedWhere(chunk));
    const storedRows = (spec.lockStored ? await select.orderBy(column('id')).for('update') : await select) as Stored[];
    const stored = new Map(storedRows.map((r) => [spec.keyOf(r), r]));
    const rows = spec.prepare ? await spec.prepare(chunk, stored) : chunk;

    const toWrite: Values[] = [];
    for (const row of rows) {
      const key = spec.keyOf(row);
      const before = stored.get(key);
      if (!before) {
        counts.inserted++;
        toWrite.push(row);
      } else if (spec.columns.some((c) => !same(before[c], row[c]))) {
        counts.updated++;
        toWrite.push(spec.conflictOnId ? { ...row, id: before.id } : row);
      } else {
        counts.unchanged++;
        ids.set(key, before.id);
      }
    }
    if (toWrite.length === 0) continue;

    const set: Record<string, SQL> = { ...spec.extraSet };
    for (const c of spec.columns) set[c] = excluded(c);
    const changed = sql.join(
      spec.columns.map((c) => sql`${column(c)} is distinct from ${excluded(c)}`),
      sql` or `,
    );
    const written = (await db
      .insert(spec.table)
      .values(toWrite as never)
      .onConflictDoUpdate({
        target: spec.conflictOnId ? column('id') : spec.target,
        targetWhere: spec.conflictOnId ? undefined : spec.targetWhere,
        set,
        setWhere: changed,
      })
      .returning()) as Stored[];
    for (const r of written) ids.set(spec.keyOf(r), r.id);

    // A row that compared as changed but that the database found equal is not returned: fetch its id.
    const missing = toWrite.filter((r) => !ids.has(spec.keyOf(r)));
    if (missing.length > 0) {
      const again = (await db.select().from(spec.table).where(spec.storedWhere(missing as Draft[]))) as Stored[];
      for (const r of again) if (!ids.has(spec.keyOf(r))) ids.set(spec.keyOf(r), r.id);
      counts.updated -= missing.length;
      counts.unchanged += missing.length;
    }
  }
  return { ids, counts };
}
