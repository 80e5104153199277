// Test helper: every row of every table, in a stable order, secret hashes included. Two equal
// snapshots mean the database did not change at all ("re-import changes nothing", "refused
// import writes nothing").
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import * as schema from '../../db/schema';

export type Snapshot = Record<string, unknown[]>;

const stable = (row: unknown) => JSON.stringify(row);

export async function snapshotDatabase(db: Executor): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const rows = (await db.select().from(table)) as unknown[];
    out[getTableName(table)] = rows.sort((a, b) => (stable(a) < stable(b) ? -1 : stable(a) > stable(b) ? 1 : 0));
  }
  return out;
}
