// R5/R7 regional advice, as the documents give it to librarians: before a membership lapses (at
// the end of the month, where the library's memberships end there), look whether the patron has
// other active memberships in the region; only one needs renewing — the others lapse at the start
// of next month, and the contribution is paid only once (R5) — unless a digital collection needs a
// particular one (R8). Duplicate auto-renewing memberships of the same subscription type are
// pointless too: the patron keeps one and has the others stopped (R5: paid once).
import { addDays, compareDates, type IsoDate } from './dates';
import type { RegionDigitalCollection } from './digital-access';
import type { MembershipStatus } from './membership-status';

export interface AdviceMembership {
  id: number;
  libraryId: number;
  /** Effective R7 status today (see effective-membership). */
  status: MembershipStatus;
  endOn: IsoDate | null;
  /** Needed for the duplicate auto-renewal advice; a guest membership is never one (R10). */
  kind?: 'ordinary' | 'guest';
  subscriptionTypeCode?: string;
  autoRenew?: boolean;
}

export interface RegionRenewalAdvice {
  /** The expiring memberships, soonest end first; `monthEnd`: it lapses at the end of a month. */
  expiring: { membershipId: number; libraryId: number; endOn: IsoDate | null; monthEnd: boolean }[];
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
  /**
   * R5: groups (two or more) of active auto-renewing ordinary memberships of one subscription type,
   * by id: the patron pays once, so one of each group is enough and the others can be stopped.
   */
  duplicateAutoRenew: number[][];
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

/** Whether `day` is the last day of its month. */
export function isMonthEnd(day: IsoDate): boolean {
  return addDays(day, 1).endsWith('-01');
}

/**
 * R5/R7 advice for one patron's memberships in one region and the region's digital collections.
 * Null when there is nothing to explain: no expiring membership with another active one beside it
 * (expiring or continuing), and no duplicate auto-renewing memberships.
 */
export function regionRenewalAdvice(
  memberships: readonly AdviceMembership[],
  collections: readonly RegionDigitalCollection[],
): RegionRenewalAdvice | null {
  const expiringAll = memberships.filter((m) => m.status === 'expiring').sort(bySoonestEnd);
  const continuing = memberships.filter((m) => m.status === 'active');
  // With one expiring membership and nothing else active, the patron simply renews it (or not).
  const expiring = expiringAll.length > 0 && expiringAll.length + continuing.length >= 2 ? expiringAll : [];

  const byType = new Map<string, number[]>();
  for (const m of [...continuing].sort((a, b) => a.id - b.id)) {
    if (m.kind === 'guest' || !m.autoRenew || m.subscriptionTypeCode === undefined) continue;
    byType.set(m.subscriptionTypeCode, [...(byType.get(m.subscriptionTypeCode) ?? []), m.id]);
  }
  const duplicateAutoRenew = [...byType.values()].filter((ids) => ids.length > 1);
  if (expiring.length === 0 && duplicateAutoRenew.length === 0) return null;

  const continuingLibraries = new Set(continuing.map((m) => m.libraryId));
  const digital =
    expiring.length === 0
      ? []
      : collections
          .filter((c) => !c.libraryIds.some((id) => continuingLibraries.has(id)))
          .map((c) => ({
            collectionId: c.id,
            membershipIds: expiring.filter((m) => c.libraryIds.includes(m.libraryId)).map((m) => m.id),
          }))
          .filter((d) => d.membershipIds.length > 0);
  const sole = new Set(digital.filter((d) => d.membershipIds.length === 1).flatMap((d) => d.membershipIds));

  return {
    expiring: expiring.map((m) => ({
      membershipId: m.id,
      libraryId: m.libraryId,
      endOn: m.endOn,
      monthEnd: m.endOn !== null && isMonthEnd(m.endOn),
    })),
    continuingMembershipIds: expiring.length === 0 ? [] : continuing.map((m) => m.id),
    digital,
    neededForDigital: expiring.filter((m) => sole.has(m.id)).map((m) => m.id),
    duplicateAutoRenew,
  };
}
