// One view of any membership on `today`: ordinary memberships by their dates (R7), guest
// memberships by R11. The rules that compare memberships (R6 governing, R8 digital access,
// R9 activity, RN4/RN6 renewal) take this shape, so a guest is never judged by dates it lacks.
import { compareDates, type IsoDate } from './dates';
import { guestValidity, type GuestValidity, type HomeMembership } from './guest-validity';
import {
  isActiveStatus,
  membershipLastDay,
  membershipStatus,
  type MembershipDates,
  type MembershipStatus,
} from './membership-status';

export type MembershipRecord =
  | ({ kind: 'ordinary' } & MembershipDates)
  | { kind: 'guest'; registeredOn: IsoDate; stoppedOn: IsoDate | null; home: HomeMembership };

export interface EffectiveMembership {
  status: MembershipStatus;
  /** R7: active or expiring — the membership grants rights today. */
  active: boolean;
  /** Last day in force (R6 ordering, RN6 cap, display); null when open-ended or unknown. */
  endOn: IsoDate | null;
  /** R11 details for a guest membership (why it is or is not valid); null for ordinary ones. */
  guest: GuestValidity | null;
}

export function effectiveMembership(m: MembershipRecord, today: IsoDate): EffectiveMembership {
  if (m.kind === 'ordinary') {
    const status = membershipStatus(m, today);
    return { status, active: isActiveStatus(status), endOn: membershipLastDay(m), guest: null };
  }
  const validity = guestValidity(m, m.home, today);
  // The guest library's own stop ends the guest membership whatever the home says.
  if (m.stoppedOn !== null && compareDates(m.stoppedOn, today) <= 0) {
    return { status: 'stopped', active: false, endOn: membershipLastDay({ endOn: null, stoppedOn: m.stoppedOn }), guest: validity };
  }
  if (validity.reason === 'not_registered') {
    return { status: 'not_started', active: false, endOn: null, guest: validity };
  }
  if (!validity.valid) return { status: 'expired', active: false, endOn: validity.validUntil, guest: validity };
  // Guests never renew themselves: their validity follows the home library, so no auto-renewal.
  const dates: MembershipDates = { startOn: m.registeredOn, endOn: validity.validUntil, stoppedOn: m.stoppedOn, autoRenew: false };
  const status = membershipStatus(dates, today);
  return { status, active: isActiveStatus(status), endOn: membershipLastDay(dates), guest: validity };
}
