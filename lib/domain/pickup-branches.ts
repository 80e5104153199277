// R3 Transport: where a reservation may be picked up. Pure; the reservations page (its choices) and
// the change-pick-up action (its check) both ask these functions.

/** A region's kind: `3a` no transport, `3b`/`3c` transport between its libraries is arranged. */
export type RegionKind = '3a' | '3b' | '3c';

/** The reservation statuses whose pick-up branch may still change. */
export type ReservationStatusForPickup = 'waiting' | 'in_transit' | 'ready' | (string & {});

/**
 * R3 pick-up branches for a reservation of a card, among `branches` (the branches of the card's
 * libraries):
 * - `3b`/`3c` region: every branch of every library of the region (transport is arranged);
 * - `3a` region: only branches of the library the current pick-up branch belongs to. R3 says "the
 *   owning library's branches"; a reservation is on a title, not an item, so nothing is owned yet —
 *   the library of the pick-up branch is the one that will set a copy aside, and is our reading;
 * - a lone library (`region` null): its own branches.
 */
export function allowedPickupBranches<B extends { libraryId: number }>(
  region: { kind: RegionKind } | null,
  current: { libraryId: number },
  branches: readonly B[],
): B[] {
  if (region && region.kind !== '3a') return [...branches];
  return branches.filter((b) => b.libraryId === current.libraryId);
}

/** R3: only a `waiting` reservation may move — one in transit or ready is already on its way or on a shelf. */
export function pickupCanChange(status: ReservationStatusForPickup): boolean {
  return status === 'waiting';
}

/**
 * R3 choices shown for one reservation: the allowed branches (the current one included) while it
 * may move, else none.
 */
export function pickupOptions<B extends { libraryId: number }>(
  region: { kind: RegionKind } | null,
  reservation: { status: ReservationStatusForPickup; pickup: { libraryId: number } },
  branches: readonly B[],
): B[] {
  return pickupCanChange(reservation.status) ? allowedPickupBranches(region, reservation.pickup, branches) : [];
}

/**
 * R3 for one requested branch (the change-pick-up action): may a reservation picked up at a branch
 * of library `current.libraryId` (in region `current.regionId` of kind `current.regionKind`, or in
 * none) move to `target`? A branch of another region is never allowed, whatever the kinds.
 */
export function pickupMoveAllowed(
  current: { libraryId: number; regionId: number | null; regionKind: RegionKind | null },
  target: { libraryId: number; regionId: number | null },
): boolean {
  const sameRegion = current.regionId !== null && target.regionId === current.regionId;
  const candidates = sameRegion || target.libraryId === current.libraryId ? [target] : [];
  const region = current.regionKind ? { kind: current.regionKind } : null;
  return allowedPickupBranches(region, current, candidates).length > 0;
}
