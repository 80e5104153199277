import 'server-only';
// Reservation actions for a signed-in account, as plain functions the tests call directly; the
// 'use server' wrappers in reservations.ts add the session and zod parsing (account-action).
// P3: every statement is limited to reservations of the account's linked patrons, in SQL, so
// another account's reservation id is refused exactly like one that does not exist.
//
// L1: a reservation held by a linked library is cancelled or moved only when that library's system
// confirms (reservation-at-library.ts); an import-only library's is changed here as before.
// Change log: the statement that cancels or moves also records the change (confirmed by a linked
// library's answer; unconfirmed for an import-only library).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accountPatrons, branches, cards, libraries, regions, reservations, titles } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { insertChanges, type ConfirmedBy } from './change-log';
import { pickupCanChange, pickupMoveAllowed } from '@/lib/domain/pickup-branches';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from '@/lib/library-systems/port';
import { fail, ok, type ActionResult } from './account-action';
import { atLibrary, type ReservationAtLibrary } from './reservation-at-library';

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

const activeList = sql.join(ACTIVE.map((s) => sql`${s}`), sql`, `);

/**
 * Cancels the (already authorised) reservation while it is active and records the change in the
 * change log in the same statement: the library holding it (as reservationAtLibrary finds it) and the status
 * it had.
 */
async function cancelAndRecord(tx: Executor, account: SignedInAccount, reservationId: number, confirmedBy: ConfirmedBy): Promise<void> {
  await tx.execute(sql`
    with changed as (
      update reservations r set status = 'cancelled'
        from reservations o join branches ob on ob.id = o.pickup_branch_id
       where r.id = ${reservationId}::int and o.id = r.id and r.status in (${activeList})
      returning r.id, r.patron_id, coalesce(r.library_id, ob.library_id) as library_id, o.status as old_status
    )
    ${insertChanges(
      account.accountId,
      'reservation_cancelled',
      { from: sql`changed c`, patronId: sql`c.patron_id`, libraryId: sql`c.library_id`, reservationId: sql`c.id`, details: { oldStatus: sql`c.old_status` } },
      confirmedBy,
    )}`);
}

/**
 * Moves the (already authorised) reservation's pick-up while it is active and records the change
 * (the change log) in the same statement: from and to as ISIL and branch code, under the library that
 * holds the reservation (its own, else the pick-up's before the move). Moving to the branch it
 * already has changes nothing and records nothing.
 */
async function movePickupAndRecord(
  tx: Executor,
  account: SignedInAccount,
  reservationId: number,
  branchId: number,
  confirmedBy: ConfirmedBy,
): Promise<void> {
  await tx.execute(sql`
    with changed as (
      update reservations r set pickup_branch_id = tb.id
        from reservations o
             join branches fb on fb.id = o.pickup_branch_id
             join libraries fl on fl.id = fb.library_id,
             branches tb join libraries tl on tl.id = tb.library_id
       where r.id = ${reservationId}::int and o.id = r.id and tb.id = ${branchId}::int
         and r.status in (${activeList}) and o.pickup_branch_id <> tb.id
      returning r.id, r.patron_id, coalesce(r.library_id, fb.library_id) as library_id,
                jsonb_build_object('library', fl.isil, 'branch', fb.code) as from_ref,
                jsonb_build_object('library', tl.isil, 'branch', tb.code) as to_ref
    )
    ${insertChanges(
      account.accountId,
      'pickup_changed',
      { from: sql`changed c`, patronId: sql`c.patron_id`, libraryId: sql`c.library_id`, reservationId: sql`c.id`, details: { from: sql`c.from_ref`, to: sql`c.to_ref` } },
      confirmedBy,
    )}`);
}

/**
 * The library that holds a reservation (the one a linked system reported, else its pick-up
 * branch's) and how that library knows it, for the account's own reservations only (P3).
 */
async function reservationAtLibrary(
  db: Db,
  account: SignedInAccount,
  reservationId: number,
): Promise<(ReservationAtLibrary & { status: string }) | null> {
  const pickupLibrary = db.select({ id: branches.libraryId }).from(branches).where(eq(branches.id, reservations.pickupBranchId));
  const [row] = await db
    .select({
      id: reservations.id,
      status: reservations.status,
      isil: libraries.isil,
      libraryName: libraries.name,
      itemBarcode: reservations.libraryItemBarcode,
      title: titles.title,
      libraryPatronId: sql<string | null>`(select coalesce(${cards.sourceNumber}, ${cards.number}) from ${cards}
        where ${cards.patronId} = ${reservations.patronId} and ${cards.libraryId} = ${libraries.id} order by (${cards.kind} = 'wise') desc, ${cards.id} desc limit 1)`,
    })
    .from(reservations)
    .innerJoin(titles, eq(titles.id, reservations.titleId))
    .innerJoin(libraries, eq(libraries.id, sql`coalesce(${reservations.libraryId}, (${pickupLibrary}))`))
    .where(and(eq(reservations.id, reservationId), inArray(reservations.patronId, linkedPatrons(db, account))));
  return row ?? null;
}

/** Cancels an active reservation of one of the account's patrons (R3 context: any status but fulfilled/cancelled). */
export async function cancelReservationForAccount(
  db: Db,
  account: SignedInAccount,
  input: CancelReservationInput,
  systems: LibrarySystems = NO_LIBRARY_SYSTEMS,
): Promise<ActionResult<{ reservationId: number }>> {
  const held = await reservationAtLibrary(db, account, input.reservationId);
  if (!held) return fail('not_found');
  const system = systems.forLibrary(held.isil);
  if (system) {
    if (!(ACTIVE as readonly string[]).includes(held.status)) return fail('not_active');
    return atLibrary(
      db,
      account,
      system,
      held,
      (s, patron) => s.cancelHold(patron, { itemBarcode: held.itemBarcode, title: held.title }),
      async (tx) => {
        // The library confirmed; a refresh may have ended the row meanwhile (fulfilled): keep that.
        await cancelAndRecord(tx, account, held.id, 'library');
        return ok({ reservationId: held.id });
      },
    );
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: reservations.id, status: reservations.status })
      .from(reservations)
      .where(and(eq(reservations.id, input.reservationId), inArray(reservations.patronId, linkedPatrons(tx, account))))
      .for('update');
    if (!row) return fail('not_found');
    if (!(ACTIVE as readonly string[]).includes(row.status)) return fail('not_active');
    await cancelAndRecord(tx, account, row.id, null);
    return ok({ reservationId: row.id });
  });
}

/**
 * Moves a waiting reservation's pick-up to another branch R3 allows (lib/domain/pickup-branches:
 * any branch of a 3b/3c region, the pick-up library's branches in 3a or for a lone library).
 */
export async function changePickupForAccount(
  db: Db,
  account: SignedInAccount,
  input: ChangePickupInput,
  systems: LibrarySystems = NO_LIBRARY_SYSTEMS,
): Promise<ActionResult<{ reservationId: number; branchId: number }>> {
  const held = await reservationAtLibrary(db, account, input.reservationId);
  if (!held) return fail('not_found');
  const system = systems.forLibrary(held.isil);
  // The portal's own rules first (R3), then, at a linked library, its system decides (L1).
  const decided = await db.transaction((tx) => decidePickup(tx, account, input, { write: !system }));
  if (!decided.ok || !system) return decided.ok ? ok({ reservationId: decided.data.reservationId, branchId: decided.data.branchId }) : decided;
  const { branchId, branchCode } = decided.data;
  return atLibrary(
    db,
    account,
    system,
    held,
    (s, patron) => s.changePickup(patron, { itemBarcode: held.itemBarcode, title: held.title }, branchCode),
    async (tx) => {
      await movePickupAndRecord(tx, account, held.id, branchId, 'library');
      return ok({ reservationId: held.id, branchId });
    },
  );
}

/** R3: may the reservation move to that branch; with `write`, moves it (import-only libraries). */
async function decidePickup(
  tx: Executor,
  account: SignedInAccount,
  input: ChangePickupInput,
  { write }: { write: boolean },
): Promise<ActionResult<{ reservationId: number; branchId: number; branchCode: string }>> {
  {
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
    if (!pickupCanChange(current.status)) return fail('not_waiting');

    const [target] = await tx
      .select({ id: branches.id, code: branches.code, name: branches.name, libraryId: branches.libraryId, libraryName: libraries.name, regionId: libraries.regionId })
      .from(branches)
      .innerJoin(libraries, eq(libraries.id, branches.libraryId))
      .where(eq(branches.id, input.branchId));
    // R3; a branch of another region can never be chosen.
    if (!target || !pickupMoveAllowed(current, target)) return fail('branch_not_allowed');

    if (write) await movePickupAndRecord(tx, account, current.id, target.id, null);
    return ok({ reservationId: current.id, branchId: target.id, branchCode: target.code });
  }
}
