// Moving the demo to another day: the demo patrons' loans, reservations and fees that the new
// document does not list carry the old dates, and are deleted before the import (the importer never
// deletes: absent records are left alone), with the renewal log and change log of those loans and
// reservations, so that the demo looks exactly as a fresh seed of that day.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client';
import { fees, items, libraries, loans, patrons, portalChanges, renewalLog, reservations, titles } from '../../schema';
import type { FullDocument } from '../network';

export interface RemovedDemoRows {
  loans: number;
  reservations: number;
  fees: number;
}

interface StaleIds {
  loans: number[];
  reservations: number[];
  fees: number[];
}

type StoredDemoRows = Awaited<ReturnType<typeof readDemoRows>>;

export async function removeStaleDemoRows(db: Db, doc: FullDocument): Promise<RemovedDemoRows> {
  const none = { loans: 0, reservations: 0, fees: 0 };
  const keys = doc.patrons.map((p) => p.key);
  const stored = await db.select({ id: patrons.id }).from(patrons).where(inArray(patrons.key, keys));
  if (stored.length === 0) return none;

  const stale = staleIds(doc, await readDemoRows(db, stored.map((p) => p.id)));
  if (stale.loans.length + stale.reservations.length + stale.fees.length === 0) return none;
  await deleteStale(db, stale);
  return { loans: stale.loans.length, reservations: stale.reservations.length, fees: stale.fees.length };
}

/** The stored loans, reservations and fees of the demo patrons, by their natural keys. */
async function readDemoRows(db: Db, patronIds: number[]) {
  const [loanRows, reservationRows, feeRows] = await Promise.all([
    db
      .select({ id: loans.id, item: items.barcode, lentOn: loans.lentOn })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId))
      .where(inArray(loans.patronId, patronIds)),
    db
      .select({ id: reservations.id, patron: patrons.key, title: titles.key, placedOn: reservations.placedOn })
      .from(reservations)
      .innerJoin(titles, eq(titles.id, reservations.titleId))
      .innerJoin(patrons, eq(patrons.id, reservations.patronId))
      .where(inArray(reservations.patronId, patronIds)),
    db
      .select({
        id: fees.id,
        patron: patrons.key,
        library: libraries.isil,
        kind: fees.kind,
        createdOn: fees.createdOn,
        description: fees.description,
      })
      .from(fees)
      .innerJoin(patrons, eq(patrons.id, fees.patronId))
      .innerJoin(libraries, eq(libraries.id, fees.libraryId))
      .where(inArray(fees.patronId, patronIds)),
  ]);
  return { loanRows, reservationRows, feeRows };
}

/** The ids of the stored rows that the document does not list. */
function staleIds(doc: FullDocument, { loanRows, reservationRows, feeRows }: StoredDemoRows): StaleIds {
  const loanKeys = new Set(doc.loans.map((l) => `${l.item}\u0000${l.lentOn}`));
  const reservationKeys = new Set(doc.reservations.map((r) => `${r.patron}\u0000${r.title}\u0000${r.placedOn}`));
  const feeKey = (f: { patron: string; library: string; kind: string; createdOn: string; description: string }) =>
    [f.patron, f.library, f.kind, f.createdOn, f.description].join('\u0000');
  const feeKeys = new Set(doc.fees.map(feeKey));
  return {
    loans: loanRows.filter((l) => !loanKeys.has(`${l.item}\u0000${l.lentOn}`)).map((l) => l.id),
    reservations: reservationRows
      .filter((r) => !reservationKeys.has(`${r.patron}\u0000${r.title}\u0000${r.placedOn}`))
      .map((r) => r.id),
    fees: feeRows.filter((f) => !feeKeys.has(feeKey(f))).map((f) => f.id),
  };
}

/** One transaction. The change log refers to loans and reservations: a demo row goes with its changes. */
async function deleteStale(db: Db, stale: StaleIds): Promise<void> {
  await db.transaction(async (tx) => {
    for (const ids of chunked(stale.loans)) {
      await tx.delete(renewalLog).where(inArray(renewalLog.loanId, ids));
      await tx.delete(portalChanges).where(inArray(portalChanges.loanId, ids));
      await tx.delete(loans).where(inArray(loans.id, ids));
    }
    for (const ids of chunked(stale.reservations)) {
      await tx.delete(portalChanges).where(inArray(portalChanges.reservationId, ids));
      await tx.delete(reservations).where(inArray(reservations.id, ids));
    }
    for (const ids of chunked(stale.fees)) await tx.delete(fees).where(inArray(fees.id, ids));
  });
}

function chunked<T>(values: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
