import { describe, expect, it } from 'vitest';
import { decideRenewal, type RenewalDecision, type RenewalInput } from './renewal';

const today = '2026-11-20';
const base: RenewalInput = {
  loan: { linked: true, returnedOn: null, dueOn: '2026-11-29', renewals: 0 },
  title: { activeReservationsByOthers: 0, availableCopies: 0 },
  governing: { active: true, endOn: '2026-12-31' },
  subscriptionType: { loanPeriodDays: 28, maxRenewals: 2 },
  fees: { outstandingCents: 0, thresholdCents: 500 },
  today,
};

type Patch = { [K in keyof RenewalInput]?: RenewalInput[K] extends object | null ? Partial<NonNullable<RenewalInput[K]>> | null : RenewalInput[K] };

function input(patch: Patch): RenewalInput {
  return {
    loan: { ...base.loan, ...patch.loan },
    title: { ...base.title, ...patch.title },
    governing: patch.governing === null ? null : { ...base.governing!, ...patch.governing },
    subscriptionType: patch.subscriptionType === null ? null : { ...base.subscriptionType!, ...patch.subscriptionType },
    fees: { ...base.fees, ...patch.fees },
    today: patch.today ?? today,
  };
}

describe('RN1–RN8 renewal decision', () => {
  const table: [string, Patch, RenewalDecision][] = [
    ['RN6 renewed: today + loan period', {}, { ok: true, newDueOn: '2026-12-18' }],
    ['RN1 refused: loan of an unlinked patron', { loan: { linked: false } }, { ok: false, reason: 'not_linked' }],
    ['RN1 refused: returned', { loan: { returnedOn: '2026-11-15' } }, { ok: false, reason: 'returned' }],
    ['RN1 is checked first', { loan: { linked: false, returnedOn: '2026-11-15' }, governing: null }, { ok: false, reason: 'not_linked' }],
    ['RN2 refused: more reservations by others than available copies', { title: { activeReservationsByOthers: 1, availableCopies: 0 } }, { ok: false, reason: 'reserved' }],
    ['RN2 allowed: an available copy can satisfy the reservation', { title: { activeReservationsByOthers: 1, availableCopies: 1 } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN2 refused: two reservations, one copy', { title: { activeReservationsByOthers: 2, availableCopies: 1 } }, { ok: false, reason: 'reserved' }],
    ['RN2 before RN3', { title: { activeReservationsByOthers: 1 }, loan: { renewals: 2 } }, { ok: false, reason: 'reserved' }],
    ['RN3 refused: maximum reached', { loan: { renewals: 2 } }, { ok: false, reason: 'max_renewals' }],
    ['RN3 allowed: one renewal left', { loan: { renewals: 1 } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN3 refused: subscription type without renewals', { subscriptionType: { maxRenewals: 0 } }, { ok: false, reason: 'max_renewals' }],
    ['RN4 refused: no governing membership', { governing: null, subscriptionType: null }, { ok: false, reason: 'no_active_membership' }],
    ['RN4 refused: governing membership not active (guest whose home ended)', { governing: { active: false } }, { ok: false, reason: 'no_active_membership' }],
    ['RN4 before RN3', { governing: null, loan: { renewals: 5 } }, { ok: false, reason: 'no_active_membership' }],
    ['RN5 refused: fees reach the threshold', { fees: { outstandingCents: 500 } }, { ok: false, reason: 'fee_block' }],
    ['RN5 allowed: fees below the threshold', { fees: { outstandingCents: 499 } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN5 threshold 0 never blocks', { fees: { outstandingCents: 10_000, thresholdCents: 0 } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN6 capped at the membership end date', { governing: { endOn: '2026-12-10' } }, { ok: true, newDueOn: '2026-12-10' }],
    ['RN6 capped at a guest validUntil', { governing: { endOn: '2026-12-01' } }, { ok: true, newDueOn: '2026-12-01' }],
    ['RN6 refused: membership ends on the current due date', { governing: { endOn: '2026-11-29' } }, { ok: false, reason: 'membership_ends' }],
    ['RN6 refused: membership ends before the current due date', { governing: { endOn: '2026-11-25' } }, { ok: false, reason: 'membership_ends' }],
    ['RN6 open-ended membership: no cap', { governing: { endOn: null } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN6 never earlier than the current due date', { loan: { dueOn: '2027-01-15' }, governing: { endOn: '2027-06-30' }, subscriptionType: { loanPeriodDays: 7 } }, { ok: false, reason: 'no_extension' }],
    ['RN6 refused: renewing on the day of lending gives nothing', { loan: { dueOn: '2026-12-18' } }, { ok: false, reason: 'no_extension' }],
    ['RN6 one day of extension is enough', { loan: { dueOn: '2026-12-17' } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN8 overdue loans may be renewed, counted from today', { loan: { dueOn: '2026-11-01' } }, { ok: true, newDueOn: '2026-12-18' }],
    ['RN8 overdue and membership ended meanwhile', { loan: { dueOn: '2026-11-01' }, governing: { active: false, endOn: '2026-11-15' } }, { ok: false, reason: 'no_active_membership' }],
    ['RN8 overdue, capped by the membership end', { loan: { dueOn: '2026-11-01' }, governing: { endOn: '2026-11-30' } }, { ok: true, newDueOn: '2026-11-30' }],
  ];
  it.each(table)('%s', (_name, patch, expected) => {
    expect(decideRenewal(input(patch))).toEqual(expected);
  });
});
