import 'server-only';
// Reservation actions for a signed-in account, as plain functions the tests call directly; the
// 'use server' wrappers in reservations.ts add the session and zod parsing (account-action).
// P3: every statement is limited to reservations of the account's linked patrons, in SQL, so
// another account's reservation id is refused exactly like one that does not exist.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountPatrons, branches, libraries, regions, reservations } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { allowedPickupBranches } from '@/lib/data/reservations';
import { fail, ok, type ActionResult } from './account-action';

export interface CancelReservationInput {
  reservationId: number;
}

export interface ChangePickupInput {
  reservationId: number;
  branchId: number;
}

const ACTIVE = ['waiting', 'in_transit', 'ready'] as const;

const linkedPatrons = (db: Pick<Db, 'select'>, account: SignedInAccount) =>
  db.select({ id: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, account.accountId));

/** Cancels an active reservation of one of the account's patrons (R3 context: any status but fulfilled/cancelled). */
export async function cancelReservationForAccount(
  db: Db,
  account: SignedInAccount,
  input: CancelReservationInput,
): Promise<ActionResult<{ reservationId: number }>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: reservations.id, status: reservations.status })
      .from(reservations)
      .where(and(eq(reservations.id, input.reservationId), inArray(reservations.patronId, linkedPatrons(tx, account))))
      .for('update');
    if (!row) return fail('not_found');
    if (!(ACTIVE as readonly string[]).includes(row.status)) return fail('not_active');
    await tx.update(reservations).set({ status: 'cancelled' }).where(eq(reservations.id, row.id));
    return ok({ reservationId: row.id });
  });
}

/**
 * Moves a waiting reservation's pick-up to another branch R3 allows (see allowedPickupBranches:
 * any branch of a 3b/3c region, the pick-up library's branches in 3a or for a lone library).
 */
export async function changePickupForAccount(
  db: Db,
  account: SignedInAccount,
  input: ChangePickupInput,
): Promise<ActionResult<{ reservationId: number; branchId: number }>> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: reservations.id,
        status: reservations.status,
        libraryId: branches.libraryId,
        regionId: libraries.regionId,
        regionKind: regions.kind,
      })
      .from(reservations)
      .innerJoin(branches, eq(branches.id, reservations.pickupBranchId))
      .innerJoin(libraries, eq(libraries.id, branches.libraryId))
      .leftJoin(regions, eq(regions.id, libraries.regionId))
      .where(and(eq(reservations.id, input.reservationId), inArray(reservations.patronId, linkedPatrons(tx, account))))
      .for('update', { of: reservations });
    if (!current) return fail('not_found');
    if (current.status !== 'waiting') return fail('not_waiting');

    const [target] = await tx
      .select({ id: branches.id, code: branches.code, name: branches.name, libraryId: branches.libraryId, libraryName: libraries.name, regionId: libraries.regionId })
      .from(branches)
      .innerJoin(libraries, eq(libraries.id, branches.libraryId))
      .where(eq(branches.id, input.branchId));
    // A branch of another region can never be chosen: narrow to the pick-up's region first.
    const sameRegion = target && current.regionId !== null && target.regionId === current.regionId;
    const candidates = target && (sameRegion || target.libraryId === current.libraryId) ? [target] : [];
    const region = current.regionKind ? { kind: current.regionKind } : null;
    if (allowedPickupBranches(region, { libraryId: current.libraryId }, candidates).length === 0) return fail('branch_not_allowed');

    await tx.update(reservations).set({ pickupBranchId: target!.id }).where(eq(reservations.id, current.id));
    return ok({ reservationId: current.id, branchId: target!.id });
  });
}
