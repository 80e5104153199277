import { describe, expect, it } from 'vitest';
import { allowedPickupBranches, pickupMoveAllowed, pickupOptions, type RegionKind } from './pickup-branches';

const branches = [
  { id: 1, code: '3550', name: 'Zottegem', libraryId: 10, libraryName: 'Zottegem' },
  { id: 2, code: '9860', name: 'Oosterzele', libraryId: 11, libraryName: 'Oosterzele' },
];

describe('R3 allowedPickupBranches', () => {
  it.each([
    ['R3 3b: any branch of the region', { kind: '3b' as const }, [1, 2]],
    ['R3 3c: any branch of the region', { kind: '3c' as const }, [1, 2]],
    ['R3 3a: the pick-up library only', { kind: '3a' as const }, [1]],
    ['R3 lone library: its own branches', null, [1]],
  ])('%s', (_name, region, expected) => {
    expect(allowedPickupBranches(region, { libraryId: 10 }, branches).map((b) => b.id)).toEqual(expected);
  });
});

describe('R3 pickupOptions: only a waiting reservation may move', () => {
  it.each([
    ['R3 waiting in 3b: every branch of the region', 'waiting', [1, 2]],
    ['R3 in transit: no choice', 'in_transit', []],
    ['R3 ready: no choice', 'ready', []],
  ])('%s', (_name, status, expected) => {
    expect(pickupOptions({ kind: '3b' }, { status, pickup: { libraryId: 10 } }, branches).map((b) => b.id)).toEqual(expected);
  });
});

describe('R3 pickupMoveAllowed: one requested branch', () => {
  const at = (regionId: number | null, regionKind: RegionKind | null) => ({ libraryId: 10, regionId, regionKind });
  it.each([
    ['R3 3b: another library of the region', at(1, '3b'), { libraryId: 11, regionId: 1 }, true],
    ['R3 3c: another library of the region', at(1, '3c'), { libraryId: 11, regionId: 1 }, true],
    ['R3 3a: another library of the region is refused', at(1, '3a'), { libraryId: 11, regionId: 1 }, false],
    ['R3 3a: another branch of the pick-up library', at(1, '3a'), { libraryId: 10, regionId: 1 }, true],
    ['R3 3b: a library of another region is refused', at(1, '3b'), { libraryId: 12, regionId: 2 }, false],
    ['R3 3b: a lone library is refused', at(1, '3b'), { libraryId: 12, regionId: null }, false],
    ['R3 lone library: its own branches', at(null, null), { libraryId: 10, regionId: null }, true],
    ['R3 lone library: another lone library is refused', at(null, null), { libraryId: 12, regionId: null }, false],
  ])('%s', (_name, current, target, expected) => {
    expect(pickupMoveAllowed(current, target)).toBe(expected);
  });
});
