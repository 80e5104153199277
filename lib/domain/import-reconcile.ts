// What an import does with a record the portal changed. The import takes, per
// loan or reservation of the document that matches a stored one, the latest portal change on it
// that still stands (`portalChangeStands`), and asks this module what to do. Pure: the document's
// record and the change in, the outcome out.
//
// - `confirm`: the document shows the change; the document's values are written and the change is
//   confirmed (by the import).
// - `keep`: the document does not show the change yet (it was exported before the portal made it,
//   or the library has not taken it over); the portal's values stay and the import reports it.
// - `reject`: the library's fact contradicts the change (a returned loan, a reservation that is
//   ready or fulfilled); the library wins, its values are written and the change is rejected with
//   the reason the patron is shown.
import type { BranchRef, PortalChangeDetails, RejectionReason } from './portal-changes';

export type ReconcileOutcome =
  | { action: 'confirm' }
  | { action: 'keep' }
  | { action: 'reject'; reason: RejectionReason };

const confirm: ReconcileOutcome = { action: 'confirm' };
const keep: ReconcileOutcome = { action: 'keep' };
const reject = (reason: RejectionReason): ReconcileOutcome => ({ action: 'reject', reason });

/** A loan as the document describes it. Dates are `YYYY-MM-DD` (they compare as strings). */
export interface DocumentLoan {
  dueOn: string;
  returnedOn: string | null;
}

/** RN1–RN8 renewal made in the portal, against the document's loan. */
export function reconcileRenewal(change: PortalChangeDetails['renewal'], loan: DocumentLoan): ReconcileOutcome {
  if (loan.returnedOn !== null) return reject('loan_returned');
  return loan.dueOn >= change.newDueOn ? confirm : keep;
}

export type ReservationStatus = 'waiting' | 'in_transit' | 'ready' | 'cancelled' | 'fulfilled';

/** A reservation as the document describes it: its status and pick-up branch. */
export interface DocumentReservation {
  status: ReservationStatus;
  pickup: BranchRef;
}

/** A reservation the patron cancelled in the portal, against the document's reservation. */
export function reconcileReservationCancelled(reservation: DocumentReservation): ReconcileOutcome {
  switch (reservation.status) {
    case 'cancelled':
      return confirm;
    case 'waiting':
    case 'in_transit':
      return keep;
    case 'ready':
      return reject('reservation_ready');
    case 'fulfilled':
      return reject('reservation_fulfilled');
  }
}

const sameBranch = (a: BranchRef, b: BranchRef): boolean =>
  a.library.toUpperCase() === b.library.toUpperCase() && a.branch === b.branch;

/** A pick-up branch the patron changed in the portal, against the document's reservation. */
export function reconcilePickupChanged(change: PortalChangeDetails['pickup_changed'], reservation: DocumentReservation): ReconcileOutcome {
  switch (reservation.status) {
    case 'cancelled':
      return reject('reservation_cancelled_by_library');
    case 'fulfilled':
      return reject('reservation_fulfilled');
    case 'ready':
      return sameBranch(reservation.pickup, change.to) ? confirm : reject('reservation_ready');
    case 'waiting':
    case 'in_transit':
      return sameBranch(reservation.pickup, change.to) ? confirm : keep;
  }
}

/** The change log kinds the import reconciles against a loan or a reservation. */
export type RecordChange =
  | { kind: 'renewal'; details: PortalChangeDetails['renewal'] }
  | { kind: 'reservation_cancelled'; details: PortalChangeDetails['reservation_cancelled'] }
  | { kind: 'pickup_changed'; details: PortalChangeDetails['pickup_changed'] };

/** One entry point for the importer: a loan's change against a loan, a reservation's against a reservation. */
export function reconcileLoan(change: RecordChange, loan: DocumentLoan): ReconcileOutcome | null {
  return change.kind === 'renewal' ? reconcileRenewal(change.details, loan) : null;
}

export function reconcileReservation(change: RecordChange, reservation: DocumentReservation): ReconcileOutcome | null {
  if (change.kind === 'reservation_cancelled') return reconcileReservationCancelled(reservation);
  if (change.kind === 'pickup_changed') return reconcilePickupChanged(change.details, reservation);
  return null;
}

/**
 * H1: the import never writes an existing patron's history setting. A standing
 * history_enabled / history_disabled change is confirmed once the document shows the portal's
 * current value; until then the portal's value is kept.
 */
export function reconcileHistorySetting(portalValue: boolean, documentValue: boolean): ReconcileOutcome {
  return portalValue === documentValue ? confirm : keep;
}

/**
 * P2: a link or unlink made in the portal, against the document's account (when the document
 * lists that account). Links are never removed by an import, so a link is only confirmed or left;
 * an unlink is kept (the link is not re-added) until the document no longer lists the patron.
 */
export function reconcileMembershipLink(
  kind: 'membership_linked' | 'membership_unlinked',
  documentListsPatron: boolean,
): ReconcileOutcome | null {
  if (kind === 'membership_linked') return documentListsPatron ? confirm : null;
  return documentListsPatron ? keep : confirm;
}

export const KEPT_AFTER_EXPORT = 'kept: changed in the portal after this export';
export const KEPT_UNCONFIRMED = 'kept: changed in the portal and not yet confirmed by the library';
export const KEPT_ACCOUNT = "kept: the account's e-mail and password are the portal's";
export const NOTE_NO_EXPORTED_AT =
  'the document has no exportedAt: the import cannot tell when it was made, and keeps every unconfirmed portal change';

/** The report line for a kept record: after the export, or before it (or unknown) but unconfirmed. */
export function keptMessage(change: { occurredAt: Date }, exportedAt: Date | null): string {
  return exportedAt !== null && change.occurredAt.getTime() > exportedAt.getTime() ? KEPT_AFTER_EXPORT : KEPT_UNCONFIRMED;
}
