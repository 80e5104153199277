import { describe, expect, it } from 'vitest';
import { conflictingSubscriptionTypes, governingMembership, type GoverningCandidate } from './governing-membership';

const ZO = 1;
const OTHER = 2;
const m = (id: number, libraryId: number, regionId: number | null, endOn: string | null, active = true, subscriptionTypeCode = 'VOLW'): GoverningCandidate => ({
  id,
  libraryId,
  regionId,
  subscriptionTypeCode,
  active,
  endOn,
});

describe('R6 governing membership', () => {
  const table: [string, GoverningCandidate[], { libraryId: number; regionId: number | null }, number | null][] = [
    ['the active membership at the lending library', [m(1, 10, ZO, '2027-12-31'), m(2, 11, ZO, '2026-12-31')], { libraryId: 11, regionId: ZO }, 2],
    ['else the active one in the region that ends last', [m(1, 10, ZO, '2026-12-31'), m(2, 11, ZO, '2027-06-30'), m(3, 20, OTHER, '2030-01-01')], { libraryId: 12, regionId: ZO }, 2],
    ['an inactive membership at the lending library does not govern', [m(1, 10, ZO, '2026-12-31'), m(2, 11, ZO, '2027-06-30', false)], { libraryId: 11, regionId: ZO }, 1],
    ['open-ended ends last', [m(1, 10, ZO, '2030-12-31'), m(2, 11, ZO, null)], { libraryId: 12, regionId: ZO }, 2],
    ['ties go to the lower id', [m(5, 10, ZO, '2026-12-31'), m(3, 11, ZO, '2026-12-31')], { libraryId: 12, regionId: ZO }, 3],
    ['another region never governs (RN4: none)', [m(1, 20, OTHER, '2030-01-01')], { libraryId: 12, regionId: ZO }, null],
    ['only inactive memberships (RN4: none)', [m(1, 10, ZO, '2026-12-31', false)], { libraryId: 10, regionId: ZO }, null],
    ['a lone library: only its own membership', [m(1, 30, null, '2027-01-01')], { libraryId: 30, regionId: null }, 1],
    ['a lone library: no regional fallback', [m(1, 31, null, '2027-01-01')], { libraryId: 30, regionId: null }, null],
    ['no memberships', [], { libraryId: 10, regionId: ZO }, null],
  ];
  it.each(table)('%s', (_name, memberships, lending, expectedId) => {
    expect(governingMembership(memberships, lending)?.id ?? null).toBe(expectedId);
  });
});

describe('R6 conflicting subscription types in one region', () => {
  it.each([
    ['one type', [m(1, 10, ZO, '2027-01-01'), m(2, 11, ZO, '2027-01-01')], false, [{ subscriptionTypeCode: 'VOLW', membershipIds: [1, 2] }]],
    [
      'two types, both active',
      [m(1, 10, ZO, '2027-01-01', true, 'VOLW'), m(2, 11, ZO, '2027-01-01', true, 'LEERK')],
      true,
      [
        { subscriptionTypeCode: 'LEERK', membershipIds: [2] },
        { subscriptionTypeCode: 'VOLW', membershipIds: [1] },
      ],
    ],
    ['a different type that is no longer active', [m(1, 10, ZO, '2027-01-01', true, 'VOLW'), m(2, 11, ZO, '2025-01-01', false, 'JEUGD')], false, [{ subscriptionTypeCode: 'VOLW', membershipIds: [1] }]],
    ['nothing active', [m(1, 10, ZO, '2025-01-01', false)], false, []],
  ])('%s', (_name, memberships, conflict, types) => {
    expect(conflictingSubscriptionTypes(memberships)).toEqual({ conflict, types });
  });
});
