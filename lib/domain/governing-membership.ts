// R6 Governing membership: whose rules apply to a loan, and the warning about mixed subscription types.
import { compareDates, type IsoDate } from './dates';

/** A membership as R6 sees it: where it is, its subscription type, and its effective state today. */
export interface GoverningCandidate {
  id: number;
  libraryId: number;
  /** Null for a library outside any region. */
  regionId: number | null;
  subscriptionTypeCode: string;
  /** Effective today (see effective-membership: R7 for ordinary, R11 for guest memberships). */
  active: boolean;
  /** Effective last day; null is open-ended and so ends after any date. */
  endOn: IsoDate | null;
}

export interface LendingLibrary {
  libraryId: number;
  regionId: number | null;
}

/** Later end first; open-ended first of all; then the lower id so the choice is stable. */
function endsLater(a: GoverningCandidate, b: GoverningCandidate): number {
  if (a.endOn !== b.endOn) {
    if (a.endOn === null) return -1;
    if (b.endOn === null) return 1;
    const byEnd = compareDates(b.endOn, a.endOn);
    if (byEnd !== 0) return byEnd;
  }
  return a.id - b.id;
}

/**
 * R6: the active membership at the lending library; if none, the active membership in the lending
 * library's region that ends last; null when neither exists (then RN4 refuses renewal). A library
 * outside any region is governed only by a membership there.
 */
export function governingMembership<T extends GoverningCandidate>(
  memberships: readonly T[],
  lending: LendingLibrary,
): T | null {
  const active = memberships.filter((m) => m.active);
  const atLibrary = active.filter((m) => m.libraryId === lending.libraryId).sort(endsLater);
  if (atLibrary[0]) return atLibrary[0];
  if (lending.regionId === null) return null;
  const inRegion = active.filter((m) => m.regionId === lending.regionId).sort(endsLater);
  return inRegion[0] ?? null;
}

export interface SubscriptionTypeConflict {
  conflict: boolean;
  /** The active memberships per subscription type, ordered by type code; empty types omitted. */
  types: { subscriptionTypeCode: string; membershipIds: number[] }[];
}

/**
 * R6 warning: active memberships of *different* subscription types in one region mean the rules of
 * a loan depend on where it was lent; the portal asks the patron to stop one. Pass the memberships
 * of one region (or of one lone library); inactive ones are ignored.
 */
export function conflictingSubscriptionTypes(memberships: readonly GoverningCandidate[]): SubscriptionTypeConflict {
  const byType = new Map<string, number[]>();
  for (const m of memberships) {
    if (!m.active) continue;
    byType.set(m.subscriptionTypeCode, [...(byType.get(m.subscriptionTypeCode) ?? []), m.id]);
  }
  const types = [...byType]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([subscriptionTypeCode, membershipIds]) => ({ subscriptionTypeCode, membershipIds }));
  return { conflict: types.length > 1, types };
}
