// R8 Digital collections: regional recognition (R1) does not extend to them; only an own active
// membership at a library that holds the licence gives access.

export interface RegionDigitalCollection {
  id: number;
  /** The libraries of the region that hold a licence for this collection. */
  libraryIds: readonly number[];
}

export interface DigitalAccessMembership {
  libraryId: number;
  /** Effective today (R7 / R11; see effective-membership). */
  active: boolean;
}

export type DigitalAccess =
  | { collectionId: number; access: true; viaLibraryIds: number[] }
  | {
      collectionId: number;
      access: false;
      /** Licensed libraries where the patron has a membership that is no longer active: renew there. */
      renewLibraryIds: number[];
      /** Licensed libraries where the patron has no membership: join one of them. */
      joinLibraryIds: number[];
    };

/**
 * R8, per collection of the region (same order as given): access when the patron has an active
 * membership at a licensed library; else where to get it — renewing a lapsed membership is
 * offered apart from joining a new library, since the patron would rather renew than join.
 * Library ids keep the collection's order so the caller decides how to sort names.
 */
export function digitalAccess(
  collections: readonly RegionDigitalCollection[],
  memberships: readonly DigitalAccessMembership[],
): DigitalAccess[] {
  const activeAt = new Set(memberships.filter((m) => m.active).map((m) => m.libraryId));
  const memberAt = new Set(memberships.map((m) => m.libraryId));
  return collections.map((c) => {
    const libraryIds = [...new Set(c.libraryIds)];
    const via = libraryIds.filter((id) => activeAt.has(id));
    if (via.length > 0) return { collectionId: c.id, access: true, viaLibraryIds: via };
    return {
      collectionId: c.id,
      access: false,
      renewLibraryIds: libraryIds.filter((id) => memberAt.has(id)),
      joinLibraryIds: libraryIds.filter((id) => !memberAt.has(id)),
    };
  });
}
