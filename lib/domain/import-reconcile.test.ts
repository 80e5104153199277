import { describe, expect, it } from 'vitest';
import {
  keptMessage,
  KEPT_AFTER_EXPORT,
  KEPT_UNCONFIRMED,
  reconcileHistorySetting,
  reconcileLoan,
  reconcileMembershipLink,
  reconcilePickupChanged,
  reconcileRenewal,
  reconcileReservation,
  reconcileReservationCancelled,
  type ReconcileOutcome,
  type ReservationStatus,
} from './import-reconcile';

const confirm: ReconcileOutcome = { action: 'confirm' };
const keep: ReconcileOutcome = { action: 'keep' };
const rejected = (reason: string) => ({ action: 'reject', reason });

describe('issue 13 §3 a renewal made in the portal, against the document’s loan', () => {
  const renewal = { oldDueOn: '2026-11-29', newDueOn: '2026-12-27', oldRenewals: 0, newRenewals: 1 };
  it.each<[string, { dueOn: string; returnedOn: string | null }, ReconcileOutcome | ReturnType<typeof rejected>]>([
    ['open, due on the new date: the document shows it → confirmed', { dueOn: '2026-12-27', returnedOn: null }, confirm],
    ['open, due later still (renewed again at the desk) → confirmed', { dueOn: '2027-01-10', returnedOn: null }, confirm],
    ['open, the old due date: exported before the renewal → keep the portal’s', { dueOn: '2026-11-29', returnedOn: null }, keep],
    ['open, between old and new → keep the portal’s', { dueOn: '2026-12-10', returnedOn: null }, keep],
    ['returned → the library wins, rejected loan_returned', { dueOn: '2026-11-29', returnedOn: '2026-11-28' }, rejected('loan_returned')],
    ['returned after the new due date → still the library’s fact', { dueOn: '2026-12-27', returnedOn: '2026-12-20' }, rejected('loan_returned')],
  ])('%s', (_name, loan, outcome) => {
    expect(reconcileRenewal(renewal, loan)).toEqual(outcome);
    expect(reconcileLoan({ kind: 'renewal', details: renewal }, loan)).toEqual(outcome);
  });
});

describe('issue 13 §3 a reservation cancelled in the portal, against the document’s status', () => {
  const pickup = { library: 'BE-ZOT01', branch: '3550' };
  it.each<[ReservationStatus, ReconcileOutcome | ReturnType<typeof rejected>]>([
    ['cancelled', confirm],
    ['waiting', keep],
    ['in_transit', keep],
    ['ready', rejected('reservation_ready')],
    ['fulfilled', rejected('reservation_fulfilled')],
  ])('document says %s', (status, outcome) => {
    expect(reconcileReservationCancelled({ status, pickup })).toEqual(outcome);
    expect(reconcileReservation({ kind: 'reservation_cancelled', details: { oldStatus: 'waiting' } }, { status, pickup })).toEqual(outcome);
  });
});

describe('issue 13 §3 a pick-up branch changed in the portal, against the document’s reservation', () => {
  const from = { library: 'BE-ZOT01', branch: '3550' };
  const to = { library: 'BE-OOS01', branch: '9860' };
  const other = { library: 'BE-ZOT01', branch: '3551' };
  it.each<[string, ReservationStatus, { library: string; branch: string }, ReconcileOutcome | ReturnType<typeof rejected>]>([
    ['waiting at the new branch → confirmed', 'waiting', to, confirm],
    ['in transit to the new branch → confirmed', 'in_transit', to, confirm],
    ['ready at the new branch → confirmed', 'ready', to, confirm],
    ['ISIL in another case is the same library', 'waiting', { library: 'be-oos01', branch: '9860' }, confirm],
    ['waiting at the old branch → keep the portal’s', 'waiting', from, keep],
    ['in transit to yet another branch → keep the portal’s', 'in_transit', other, keep],
    ['ready at the old branch → the library wins', 'ready', from, rejected('reservation_ready')],
    ['cancelled by the library', 'cancelled', from, rejected('reservation_cancelled_by_library')],
    ['cancelled by the library, even at the new branch', 'cancelled', to, rejected('reservation_cancelled_by_library')],
    ['fulfilled', 'fulfilled', from, rejected('reservation_fulfilled')],
  ])('%s', (_name, status, pickup, outcome) => {
    expect(reconcilePickupChanged({ from, to }, { status, pickup })).toEqual(outcome);
    expect(reconcileReservation({ kind: 'pickup_changed', details: { from, to } }, { status, pickup })).toEqual(outcome);
  });

  it('a loan’s change says nothing about a reservation, and the other way round', () => {
    expect(reconcileReservation({ kind: 'renewal', details: { oldDueOn: 'x', newDueOn: 'y', oldRenewals: 0, newRenewals: 1 } }, { status: 'waiting', pickup: to })).toBeNull();
    expect(reconcileLoan({ kind: 'pickup_changed', details: { from, to } }, { dueOn: '2026-12-01', returnedOn: null })).toBeNull();
  });
});

describe('issue 13 §5 what the patron chose: history setting and account links', () => {
  it.each<[boolean, boolean, ReconcileOutcome]>([
    [true, true, confirm],
    [false, false, confirm],
    [true, false, keep],
    [false, true, keep],
  ])('history: portal %s, document %s', (portal, document, outcome) => {
    expect(reconcileHistorySetting(portal, document)).toEqual(outcome);
  });

  it.each<['membership_linked' | 'membership_unlinked', boolean, ReconcileOutcome | null]>([
    ['membership_unlinked', true, keep],
    ['membership_unlinked', false, confirm],
    ['membership_linked', true, confirm],
    ['membership_linked', false, null],
  ])('%s, the document’s account lists the patron: %s', (kind, lists, outcome) => {
    expect(reconcileMembershipLink(kind, lists)).toEqual(outcome);
  });
});

describe('issue 13 §3 the report line of a kept record', () => {
  const exportedAt = new Date('2026-11-28T02:00:00+01:00');
  it.each<[string, string, Date | null, string]>([
    ['after the export', '2026-11-28T10:00:00Z', exportedAt, KEPT_AFTER_EXPORT],
    ['before the export, unconfirmed', '2026-11-27T10:00:00Z', exportedAt, KEPT_UNCONFIRMED],
    ['no exportedAt', '2026-11-28T10:00:00Z', null, KEPT_UNCONFIRMED],
  ])('%s', (_name, occurredAt, at, message) => {
    expect(keptMessage({ occurredAt: new Date(occurredAt) }, at)).toBe(message);
  });
});
