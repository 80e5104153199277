// Loans, reservations and fees, with the reconciliation of the portal's standing renewals,
// cancellations and pick-up changes.
import { inArray } from 'drizzle-orm';
import { fees, loans, reservations } from '../schema';
import { reconcileLoan, reconcileReservation } from '../../lib/domain/import-reconcile';
import { recordChange, type StandingChange } from './portal-changes';
import { addCounts, upsertByNaturalKey, zeroCounts, type Stored } from './upsert';
import { k, need, upsertCounted, type WriteContext } from './write-shared';
import type { StructureIds } from './write-structure';
import type { CatalogueIds } from './write-catalogue';

/** The ids a lending record refers to. */
export interface LendingRefs {
  structure: StructureIds;
  catalogue: CatalogueIds;
  patronIds: Map<string, number>;
}

export async function writeLending(ctx: WriteContext, refs: LendingRefs): Promise<void> {
  ctx.at('loans');
  await writeLoans(ctx, refs);
  ctx.at('reservations');
  await writeReservations(ctx, refs);
  ctx.at('fees');
  await writeFees(ctx, refs);
}

/**
 * Loans by (item, lentOn). Returned loans first: closing a stored open loan must come before the
 * item's new open loan, or the one-open-loan-per-item index would refuse the new one.
 * A stored loan with a standing renewal keeps the portal's due date and renewal
 * count until the document shows the renewal; a returned loan wins over it.
 */
async function writeLoans({ db, doc, counts, changes }: WriteContext, { structure, catalogue, patronIds }: LendingRefs) {
  const { libraryIds, branchIds, branchKey } = structure;
  const loanDrafts = doc.loans.map((l, i) => ({
    at: i,
    itemId: need(catalogue.itemIds, l.item, 'item'),
    patronId: need(patronIds, l.patron, 'patron'),
    libraryId: need(libraryIds, l.library, 'library'),
    branchId: need(branchIds, branchKey(l.library, l.branch), 'branch'),
    lentOn: l.lentOn,
    dueOn: l.dueOn,
    renewals: l.renewals,
    returnedOn: l.returnedOn ?? null,
  }));
  const loanSpec = {
    table: loans,
    keyOf: (r: Record<string, unknown>) => k(r.itemId, r.lentOn),
    storedWhere: (chunk: { itemId: number }[]) => inArray(loans.itemId, chunk.map((r) => r.itemId)),
    // Never `hiddenFromHistory`: a loan the patron cleared from the history stays hidden (H1).
    columns: ['patronId', 'libraryId', 'branchId', 'dueOn', 'renewals', 'returnedOn'],
    target: [loans.itemId, loans.lentOn],
    lockStored: true,
    prepare: async (chunk: (typeof loanDrafts)[number][], stored: Map<string, Stored>) => {
      const storedIds = chunk.flatMap((l) => stored.get(k(l.itemId, l.lentOn))?.id ?? []);
      const standing = storedIds.length > 0
        ? await changes.standing('loanId', storedIds, ['renewal'])
        : new Map<number, StandingChange[]>();
      return chunk.map(({ at: i, ...loan }) => {
        const before = stored.get(k(loan.itemId, loan.lentOn));
        const list = before ? standing.get(before.id) : undefined;
        if (!before || !list) return loan;
        const decided = changes.decide(
          list,
          (c) => {
            const change = recordChange(c);
            return change && reconcileLoan(change, { dueOn: loan.dueOn, returnedOn: loan.returnedOn });
          },
          `loans[${i}]`,
        );
        return decided?.outcome.action === 'keep' ? { ...loan, dueOn: before.dueOn, renewals: before.renewals } : loan;
      });
    },
  };
  counts.loans = zeroCounts();
  addCounts(counts.loans, (await upsertByNaturalKey(db, loanSpec, loanDrafts.filter((l) => l.returnedOn !== null))).counts);
  addCounts(counts.loans, (await upsertByNaturalKey(db, loanSpec, loanDrafts.filter((l) => l.returnedOn === null))).counts);
}

/**
 * A cancellation or pick-up change made in the portal is kept until the document
 * shows it; a reservation the library made ready, fulfilled or cancelled wins.
 */
async function writeReservations(ctx: WriteContext, { structure, catalogue, patronIds }: LendingRefs) {
  const { changes } = ctx;
  const { branchIds, branchKey } = structure;
  await upsertCounted(
    ctx,
    'reservations',
    {
      table: reservations,
      keyOf: (r) => k(r.patronId, r.titleId, r.placedOn),
      storedWhere: (chunk) => inArray(reservations.patronId, chunk.map((r) => r.patronId)),
      columns: ['pickupBranchId', 'status', 'readyUntil'],
      target: [reservations.patronId, reservations.titleId, reservations.placedOn],
      lockStored: true,
      prepare: async (chunk, stored) => {
        const keyOf = (r: { patronId: number; titleId: number; placedOn: string }) => k(r.patronId, r.titleId, r.placedOn);
        const storedIds = chunk.flatMap((r) => stored.get(keyOf(r))?.id ?? []);
        const standing = storedIds.length > 0
          ? await changes.standing('reservationId', storedIds, ['reservation_cancelled', 'pickup_changed'])
          : new Map<number, StandingChange[]>();
        return chunk.map(({ at: i, pickup, ...reservation }) => {
          const before = stored.get(keyOf(reservation));
          const list = before ? standing.get(before.id) : undefined;
          if (!before || !list) return reservation;
          const decided = changes.decide(
            list,
            (c) => {
              const change = recordChange(c);
              return change && reconcileReservation(change, { status: reservation.status, pickup });
            },
            `reservations[${i}]`,
          );
          if (decided?.outcome.action !== 'keep') return reservation;
          return decided.change.kind === 'pickup_changed'
            ? { ...reservation, pickupBranchId: before.pickupBranchId as number }
            : { ...reservation, status: before.status as typeof reservation.status, readyUntil: before.readyUntil as string | null };
        });
      },
    },
    ctx.doc.reservations.map((r, i) => ({
      at: i,
      pickup: { library: r.pickupLibrary, branch: r.pickupBranch },
      titleId: need(catalogue.titleIds, r.title, 'title'),
      patronId: need(patronIds, r.patron, 'patron'),
      pickupBranchId: need(branchIds, branchKey(r.pickupLibrary, r.pickupBranch), 'branch'),
      placedOn: r.placedOn,
      status: r.status,
      readyUntil: r.readyUntil ?? null,
    })),
  );
}

async function writeFees(ctx: WriteContext, { structure, patronIds }: LendingRefs) {
  await upsertCounted(
    ctx,
    'fees',
    {
      table: fees,
      keyOf: (r) => k(r.patronId, r.libraryId, r.kind, r.createdOn, r.description),
      storedWhere: (chunk) => inArray(fees.patronId, chunk.map((r) => r.patronId)),
      columns: ['amountCents', 'paidOn'],
      target: [fees.patronId, fees.libraryId, fees.kind, fees.createdOn, fees.description],
    },
    ctx.doc.fees.map((f) => ({
      patronId: need(patronIds, f.patron, 'patron'),
      libraryId: need(structure.libraryIds, f.library, 'library'),
      kind: f.kind,
      amountCents: f.amountCents,
      description: f.description,
      createdOn: f.createdOn,
      paidOn: f.paidOn ?? null,
    })),
  );
}
