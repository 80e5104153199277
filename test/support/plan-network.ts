// The generated network the plan test (lib/data/view-plans.db.test.ts) explains its statements
// on: the scale generator's patrons, items, loans, history, reservations and fees, plus the bench
// account, then ANALYZE so the planner knows the sizes. The one place the test loads a network:
// a faster loader (a bulk path) replaces the body, not the test.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importNetwork } from '../../db/import/import-network';
import { scaleDocuments } from '../../db/seed/scale';
import type { IsoDate } from '../../lib/domain/dates';

export async function loadGeneratedNetwork(db: Db, patrons: number, today: IsoDate): Promise<void> {
  for (const doc of scaleDocuments(patrons, today, { chunkSize: 1000 })) {
    const result = await importNetwork(db, doc, { today });
    if (!result.ok) throw new Error(`the scale network was refused: ${JSON.stringify(result.errors.slice(0, 5))}`);
  }
  await db.execute(sql`analyze`);
}
