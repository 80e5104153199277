'use server';
import 'server-only';
// Server actions for reservations: thin wrappers — session and zod (accountAction), then the
// P3-scoped core in reservations-core.ts, then the pages that show reservations are re-rendered.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { librarySystems } from '@/lib/library-systems/registry';
import { accountAction } from './account-action';
import { cancelReservationForAccount, changePickupForAccount } from './reservations-core';

const id = z.coerce.number().int().positive().max(2_147_483_647);

function revalidateReservations() {
  revalidatePath('/cards/[card]/reservations', 'page');
  revalidatePath('/overview');
}

/** Cancels one of the account's active reservations. */
export const cancelReservation = accountAction(z.object({ reservationId: id }), async (input, { db, account }) => {
  const result = await cancelReservationForAccount(db, account, input, librarySystems());
  if (result.ok) revalidateReservations();
  return result;
});

/** Moves a waiting reservation's pick-up to another branch allowed by R3. */
export const changePickupBranch = accountAction(z.object({ reservationId: id, branchId: id }), async (input, { db, account }) => {
  const result = await changePickupForAccount(db, account, input, librarySystems());
  if (result.ok) revalidateReservations();
  return result;
});

// The same two for the reservations page's <form action> (useActionState), so both work before
// (and without) JavaScript: the browser POSTs the form and the page re-renders with the answer.

/** `cancelReservation` for a form: `reservationId`. */
export async function cancelReservationForm(_previous: unknown, formData: FormData) {
  return cancelReservation(formData);
}

/** `changePickupBranch` for a form: `reservationId`, `branchId`. */
export async function changePickupBranchForm(_previous: unknown, formData: FormData) {
  return changePickupBranch(formData);
}
