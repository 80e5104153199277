// R11 guest validity and R12 refusal (national lending, "Landelijk lenen").
import { addMonths, compareDates, type IsoDate } from './dates';
import { membershipLastDay } from './membership-status';

/**
 * What the guest library knows of the home membership:
 * - `in_network`: the home library is in this database; its membership's own dates decide;
 * - `outside`: the last nightly check with the home system (`validUntil` null: nothing known yet);
 * - null: no home membership found.
 */
export type HomeMembership =
  | { kind: 'in_network'; endOn: IsoDate | null; stoppedOn: IsoDate | null }
  | { kind: 'outside'; validUntil: IsoDate | null; checkedOn: IsoDate | null }
  | null;

export type GuestValidityReason = 'not_registered' | 'first_day' | 'follows_home' | 'home_ended' | 'home_unknown';

export interface GuestValidity {
  valid: boolean;
  /** Last valid day; null when unknown, or open-ended while valid. */
  validUntil: IsoDate | null;
  reason: GuestValidityReason;
}

/** R11: on the day of registration a guest membership runs for three months. */
export const GUEST_FIRST_DAY_MONTHS = 3;

interface HomeState {
  state: 'valid' | 'ended' | 'unknown';
  lastDay: IsoDate | null;
}

/**
 * Whether the home membership is valid on `today`. For an outside home, `checkedOn` is not used to
 * distrust an old check: R11 ties the guest to the home membership "used or not", and a missed
 * nightly check is the system's failure, not the patron's; the last known end date stands.
 */
function homeState(home: HomeMembership, today: IsoDate): HomeState {
  if (home === null) return { state: 'unknown', lastDay: null };
  if (home.kind === 'outside') {
    if (home.validUntil === null) return { state: 'unknown', lastDay: null };
    const ended = compareDates(today, home.validUntil) > 0;
    return { state: ended ? 'ended' : 'valid', lastDay: home.validUntil };
  }
  const lastDay = membershipLastDay(home);
  const stopped = home.stoppedOn !== null && compareDates(home.stoppedOn, today) <= 0;
  const ended = stopped || (lastDay !== null && compareDates(today, lastDay) > 0);
  return { state: ended ? 'ended' : 'valid', lastDay };
}

/**
 * R11 validity of a guest membership on `today`:
 * - before `registeredOn`: not valid (`not_registered`);
 * - on `registeredOn`: valid until registeredOn + 3 months (`first_day`), whatever the home says —
 *   the home check has not run yet; R12 is what refuses a bad home at registration;
 * - from the next day: exactly as the home membership (`follows_home` while it is valid,
 *   `home_ended` once it ended, `home_unknown` when there is no home information).
 */
export function guestValidity(
  guest: { registeredOn: IsoDate },
  home: HomeMembership,
  today: IsoDate,
): GuestValidity {
  const sinceRegistration = compareDates(today, guest.registeredOn);
  if (sinceRegistration < 0) return { valid: false, validUntil: null, reason: 'not_registered' };
  if (sinceRegistration === 0) {
    return { valid: true, validUntil: addMonths(guest.registeredOn, GUEST_FIRST_DAY_MONTHS), reason: 'first_day' };
  }
  const { state, lastDay } = homeState(home, today);
  if (state === 'valid') return { valid: true, validUntil: lastDay, reason: 'follows_home' };
  if (state === 'ended') return { valid: false, validUntil: lastDay, reason: 'home_ended' };
  return { valid: false, validUntil: null, reason: 'home_unknown' };
}

export type GuestRegistrationDecision =
  | { allowed: true; homeValidUntil: IsoDate | null }
  | { allowed: false; reason: 'home_ended' | 'home_unknown' };

/**
 * R12: registering as guest is refused unless the home membership is valid today; the patron is
 * then told to contact their own library. A home blocked for long-unpaid fines reaches us as an
 * ended home (its validity ends at the block), so it is refused as `home_ended`.
 */
export function guestRegistrationAllowed(home: HomeMembership, today: IsoDate): GuestRegistrationDecision {
  const { state, lastDay } = homeState(home, today);
  if (state === 'valid') return { allowed: true, homeValidUntil: lastDay };
  return { allowed: false, reason: state === 'ended' ? 'home_ended' : 'home_unknown' };
}
