// R11: the home membership a guest membership follows, and the membership record every reader
// judges (effectiveMembership) — one rule for the card views, the renew action, the reminder mail
// and Info lidmaatschap. Pure: the rows come from the caller, `today` is a parameter.
import { compareDates, type IsoDate } from './dates';
import { effectiveMembership, type EffectiveMembership, type MembershipRecord } from './effective-membership';
import { guestRegistrationAllowed } from './guest-validity';

/** What the R11 choice and the judgement need of one membership row. */
export interface MembershipFacts {
  id: number;
  patronId: number;
  libraryId: number;
  kind: 'ordinary' | 'guest';
  startOn: IsoDate;
  endOn: IsoDate | null;
  autoRenew: boolean;
  stoppedOn: IsoDate | null;
  registeredOn: IsoDate | null;
  homeValidUntil: IsoDate | null;
  homeCheckedOn: IsoDate | null;
  /** R13 home library of a guest membership when it is in the network; null otherwise. */
  homeLibraryId: number | null;
}

const ordinaryRecord = (row: MembershipFacts): MembershipRecord => ({
  kind: 'ordinary', startOn: row.startOn, endOn: row.endOn, stoppedOn: row.stoppedOn, autoRenew: row.autoRenew,
});

/** Later last day first; `nullIsLatest`: an open-ended membership counts as the latest (else last). */
function later(a: IsoDate | null, b: IsoDate | null, nullIsLatest: boolean): number {
  if (a === b) return 0;
  if (a === null) return nullIsLatest ? -1 : 1;
  if (b === null) return nullIsLatest ? 1 : -1;
  return compareDates(b, a);
}

/**
 * R11: the home membership a guest membership follows — the same patron's ordinary membership at
 * the R13 home library (`homeLibraryId`), among `rows` (the patron's memberships are always read
 * with the guest one). When there are several: the one active today first; then the one in force
 * longest (an active open-ended one counts as the latest; among those no longer or not yet active,
 * the latest last day, open-ended ones last); then the lowest id. Null: no home membership in the
 * network, so the last nightly check decides.
 */
export function homeMembershipOf<T extends MembershipFacts>(guest: MembershipFacts, rows: readonly T[], today: IsoDate): T | null {
  if (guest.kind !== 'guest' || guest.homeLibraryId === null) return null;
  const ranked = rows
    .filter((o) => o.kind === 'ordinary' && o.patronId === guest.patronId && o.libraryId === guest.homeLibraryId)
    .map((row) => {
      const effective = effectiveMembership(ordinaryRecord(row), today);
      return { row, active: effective.active, lastDay: effective.endOn };
    });
  ranked.sort((a, b) => Number(b.active) - Number(a.active) || later(a.lastDay, b.lastDay, a.active) || a.row.id - b.row.id);
  return ranked[0]?.row ?? null;
}

/**
 * The record `effectiveMembership` judges: an ordinary membership by its dates (R7); a guest one
 * (R11) by the home membership in the network when there is one (its own dates decide), else by
 * the last nightly check with the home system.
 */
export function membershipRecordOf(row: MembershipFacts, rows: readonly MembershipFacts[], today: IsoDate): MembershipRecord {
  if (row.kind === 'ordinary') return ordinaryRecord(row);
  const home = homeMembershipOf(row, rows, today);
  return {
    kind: 'guest',
    registeredOn: row.registeredOn ?? row.startOn,
    stoppedOn: row.stoppedOn,
    home: home
      ? { kind: 'in_network', endOn: home.endOn, stoppedOn: home.stoppedOn }
      : { kind: 'outside', validUntil: row.homeValidUntil, checkedOn: row.homeCheckedOn },
  };
}

/** R7/R11: one membership of `rows` judged on `today`, its guest home chosen among `rows`. */
export function judgeMembership(row: MembershipFacts, rows: readonly MembershipFacts[], today: IsoDate): EffectiveMembership {
  return effectiveMembership(membershipRecordOf(row, rows, today), today);
}

/**
 * R12 applied after the fact: whether a guest membership was registered while its home membership
 * was not valid (`guestRegistrationAllowed` on the registration day, the home chosen as R11 does
 * on that day). Only a home known to have ended counts; a home nothing is known of yet (no nightly
 * check, no membership in the network) is not held against the patron. False for ordinary rows.
 */
export function guestRegisteredWithInvalidHome(row: MembershipFacts, rows: readonly MembershipFacts[]): boolean {
  if (row.kind !== 'guest') return false;
  const registeredOn = row.registeredOn ?? row.startOn;
  const record = membershipRecordOf(row, rows, registeredOn);
  if (record.kind !== 'guest') return false;
  const decision = guestRegistrationAllowed(record.home, registeredOn);
  return !decision.allowed && decision.reason === 'home_ended';
}
