// R9 Inactive means inactive everywhere in the region.

export type RegionActivity = 'active' | 'inactive';

/**
 * R9: a patron is inactive in a region only when *no* membership of that region is active — an
 * expired membership at the current library does not make a patron with an active one elsewhere
 * in the region inactive. Pass every membership of the region (of one lone library for a card
 * outside any region), each with its effective `active` (see effective-membership).
 */
export function regionActivity(memberships: readonly { active: boolean }[]): RegionActivity {
  return memberships.some((m) => m.active) ? 'active' : 'inactive';
}

