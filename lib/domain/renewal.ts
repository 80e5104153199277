// RN1–RN8: may this loan be renewed today, and until when. Pure: the caller loads the facts,
// this decides, the caller writes the result atomically (RN7 lives in the write, not here).
import { addDays, compareDates, maxDate, type IsoDate } from './dates';
import { feeBlocks } from './money';

/**
 * Refusal reasons, in the order they are checked; the first that applies is reported:
 * 1. `not_linked`, `returned` — RN1: not the account's loan (P3), or no longer on loan;
 * 2. `reserved` — RN2: another patron's reservation no available copy can satisfy;
 * 3. `no_active_membership` — RN4: no governing membership (R6; R11 for guests) is active. Checked
 *    before RN3 because RN3's maximum comes from that membership's subscription type;
 * 4. `max_renewals` — RN3;
 * 5. `fee_block` — RN5;
 * 6. `membership_ends` — RN6: the membership's end date caps the new due date at or before the
 *    current one;
 * 7. `no_extension` — RN6 without a cap: today + loan period is not after the current due date
 *    (e.g. renewing on the day of lending). Refused rather than "renewed" to the same date, which
 *    would spend one of the patron's renewals for nothing.
 */
export const RENEWAL_REFUSALS = [
  'not_linked',
  'returned',
  'reserved',
  'no_active_membership',
  'max_renewals',
  'fee_block',
  'membership_ends',
  'no_extension',
] as const;

export type RenewalRefusal = (typeof RENEWAL_REFUSALS)[number];

export type RenewalDecision = { ok: true; newDueOn: IsoDate } | { ok: false; reason: RenewalRefusal };

export interface RenewalInput {
  loan: {
    /** RN1/P3: the loan's patron is linked to the signed-in account. */
    linked: boolean;
    returnedOn: IsoDate | null;
    dueOn: IsoDate;
    renewals: number;
  };
  /** RN2, for the loan's title. */
  title: {
    /** Reservations of *other* patrons that are waiting or in transit. */
    activeReservationsByOthers: number;
    /** Copies neither on loan nor set aside for a ready reservation. */
    availableCopies: number;
  };
  /** R6 governing membership (effective: R11 validity for guests); null when there is none. */
  governing: { active: boolean; endOn: IsoDate | null } | null;
  /** The governing membership's subscription type; null when there is no governing membership. */
  subscriptionType: { loanPeriodDays: number; maxRenewals: number } | null;
  /** RN5: the patron's outstanding fees in the loan's region (or lone library) and its threshold. */
  fees: { outstandingCents: number; thresholdCents: number };
  today: IsoDate;
}

const refuse = (reason: RenewalRefusal): RenewalDecision => ({ ok: false, reason });

/**
 * Decides one renewal; see RENEWAL_REFUSALS for the order of the checks. RN8: an overdue loan is
 * renewed like any other — the new due date counts from today, and late fees already due stay
 * (they are fees, not part of this decision, unless they reach the RN5 threshold).
 */
export function decideRenewal(input: RenewalInput): RenewalDecision {
  const { loan, title, governing, subscriptionType, fees, today } = input;
  if (!loan.linked) return refuse('not_linked'); // RN1, P3
  if (loan.returnedOn !== null) return refuse('returned'); // RN1
  if (title.activeReservationsByOthers > title.availableCopies) return refuse('reserved'); // RN2
  if (!governing?.active || !subscriptionType) return refuse('no_active_membership'); // RN4
  if (loan.renewals >= subscriptionType.maxRenewals) return refuse('max_renewals'); // RN3
  if (feeBlocks(fees.outstandingCents, fees.thresholdCents)) return refuse('fee_block'); // RN5

  // RN6: today + loan period, never earlier than the current due date, never after the end date.
  const wanted = maxDate(addDays(today, subscriptionType.loanPeriodDays), loan.dueOn);
  const cap = governing.endOn;
  const capped = cap !== null && compareDates(cap, wanted) < 0;
  const newDueOn = capped ? cap : wanted;
  if (compareDates(newDueOn, loan.dueOn) <= 0) return refuse(capped ? 'membership_ends' : 'no_extension');
  return { ok: true, newDueOn };
}
