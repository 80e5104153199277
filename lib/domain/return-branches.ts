// R3 Transport, for returning a loan: in a `3b`/`3c` region an item may be returned at any branch
// of any library of the region; in a `3a` region (and for a library outside any region) only at
// the branches of the library that owns it (lent it). Pure; the loans view asks it per loan.
import { allowedPickupBranches, type RegionKind } from './pickup-branches';

/**
 * Up to this many branches are named in the row; with more, the row says "any branch of <region>"
 * and a disclosure lists them, so a large region does not turn each loan row into a list.
 */
export const MAX_LISTED_RETURN_BRANCHES = 4;

export interface ReturnPlace<B> {
  /** `region`: every branch of the region (transport, 3b/3c); `library`: the owning library's branches. */
  scope: 'region' | 'library';
  /** The branches where the item may be returned, in the order given. */
  branches: B[];
  /** The branches are few enough to name in the row (else: the region or library, plus a disclosure). */
  listed: boolean;
}

/**
 * R3 return places of a loan lent by library `owner.libraryId`, among `branches` (every branch of
 * the card's libraries — the region's, or the lone library's). The same rule as pick-up, where the
 * "owning library" is known for certain: it is the library that lent the item.
 */
export function returnPlace<B extends { libraryId: number }>(
  region: { kind: RegionKind } | null,
  owner: { libraryId: number },
  branches: readonly B[],
): ReturnPlace<B> {
  const allowed = allowedPickupBranches(region, owner, branches);
  const scope = region && region.kind !== '3a' ? 'region' : 'library';
  return { scope, branches: allowed, listed: allowed.length <= MAX_LISTED_RETURN_BRANCHES };
}
