// R7 Status of a membership on a given day.
import { addDays, compareDates, daysBetween, type IsoDate } from './dates';

export type MembershipStatus = 'not_started' | 'active' | 'expiring' | 'expired' | 'stopped';

/** The dates R7 needs. `endOn` null means open-ended (no end date known or set). */
export interface MembershipDates {
  startOn: IsoDate;
  endOn: IsoDate | null;
  stoppedOn: IsoDate | null;
  autoRenew: boolean;
}

/** R7: "ends within 30 days" — the end date is at most this many days after today. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * The last day the membership is in force: its end date, or the day before it was stopped if
 * that is earlier (a stop takes effect on `stoppedOn` itself, so a stop recorded for a later day
 * leaves the membership in force until then). Null when open-ended.
 */
export function membershipLastDay(m: Pick<MembershipDates, 'endOn' | 'stoppedOn'>): IsoDate | null {
  const dayBeforeStop = m.stoppedOn === null ? null : addDays(m.stoppedOn, -1);
  if (m.endOn === null) return dayBeforeStop;
  if (dayBeforeStop === null) return m.endOn;
  return compareDates(dayBeforeStop, m.endOn) < 0 ? dayBeforeStop : m.endOn;
}

/**
 * R7 status on `today`, checked in this order:
 * 1. `stopped` once `stoppedOn` has come (a stop outranks an end date that also passed: the patron
 *    or library ended it deliberately);
 * 2. `not_started` when `startOn` is after today — not active, so it grants no rights yet (R1, R6),
 *    but it is not expired either: the portal can say when it starts;
 * 3. `expired` after the last day;
 * 4. `expiring` when active and the last day is within 30 days, unless it renews automatically;
 * 5. `active`.
 */
export function membershipStatus(m: MembershipDates, today: IsoDate): MembershipStatus {
  if (m.stoppedOn !== null && compareDates(m.stoppedOn, today) <= 0) return 'stopped';
  if (compareDates(today, m.startOn) < 0) return 'not_started';
  const lastDay = membershipLastDay(m);
  if (lastDay === null) return 'active';
  if (compareDates(today, lastDay) > 0) return 'expired';
  if (!m.autoRenew && daysBetween(today, lastDay) <= EXPIRING_WITHIN_DAYS) return 'expiring';
  return 'active';
}

/** R7: `expiring` memberships are still active; only these two statuses grant rights. */
export function isActiveStatus(status: MembershipStatus): boolean {
  return status === 'active' || status === 'expiring';
}
