// R7 regional note: when several active memberships of one region are expiring, only one needs
// renewing (the others lapse at the start of next month, R5: the contribution is paid once) —
// unless a digital collection needs a particular one (R8).
import { compareDates, type IsoDate } from './dates';
import type { RegionDigitalCollection } from './digital-access';
import type { MembershipStatus } from './membership-status';

export interface AdviceMembership {
  id: number;
  libraryId: number;
  /** Effective R7 status today (see effective-membership). */
  status: MembershipStatus;
  endOn: IsoDate | null;
}

export interface RegionRenewalAdvice {
  /** The expiring memberships, soonest end first. */
  expiring: { membershipId: number; libraryId: number; endOn: IsoDate | null }[];
  /**
   * Active memberships that are not expiring (later end or auto-renewal). When there is one, the
   * patron keeps borrowing in the region (R1) without renewing any of the expiring ones.
   */
  continuingMembershipIds: number[];
  /**
   * Collections the patron has today that would be lost unless one of `membershipIds` (expiring,
   * at a licensed library) is renewed; collections kept by a continuing membership are left out.
   */
  digital: { collectionId: number; membershipIds: number[] }[];
  /** Expiring memberships that are the only way to keep some collection: renew these. */
  neededForDigital: number[];
}

function bySoonestEnd(a: AdviceMembership, b: AdviceMembership): number {
  if (a.endOn !== b.endOn) {
    if (a.endOn === null) return 1;
    if (b.endOn === null) return -1;
    const byEnd = compareDates(a.endOn, b.endOn);
    if (byEnd !== 0) return byEnd;
  }
  return a.id - b.id;
}

/**
 * R7 advice for one region's memberships and the region's digital collections; null when fewer than
 * two memberships are expiring (then there is nothing to explain).
 */
export function regionRenewalAdvice(
  memberships: readonly AdviceMembership[],
  collections: readonly RegionDigitalCollection[],
): RegionRenewalAdvice | null {
  const expiring = memberships.filter((m) => m.status === 'expiring').sort(bySoonestEnd);
  if (expiring.length < 2) return null;
  const continuing = memberships.filter((m) => m.status === 'active');
  const continuingLibraries = new Set(continuing.map((m) => m.libraryId));

  const digital = collections
    .filter((c) => !c.libraryIds.some((id) => continuingLibraries.has(id)))
    .map((c) => ({
      collectionId: c.id,
      membershipIds: expiring.filter((m) => c.libraryIds.includes(m.libraryId)).map((m) => m.id),
    }))
    .filter((d) => d.membershipIds.length > 0);
  const sole = new Set(digital.filter((d) => d.membershipIds.length === 1).flatMap((d) => d.membershipIds));

  return {
    expiring: expiring.map((m) => ({ membershipId: m.id, libraryId: m.libraryId, endOn: m.endOn })),
    continuingMembershipIds: continuing.map((m) => m.id),
    digital,
    neededForDigital: expiring.filter((m) => sole.has(m.id)).map((m) => m.id),
  };
}
