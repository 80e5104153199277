import { describe, expect, it } from 'vitest';
import type { RegionKind } from './pickup-branches';
import { MAX_LISTED_RETURN_BRANCHES, returnPlace } from './return-branches';

const branch = (libraryId: number, code: string) => ({ libraryId, code });
const region = [branch(1, 'A1'), branch(1, 'A2'), branch(2, 'B1'), branch(3, 'C1')];

describe('R3 return places of a loan', () => {
  const cases: [title: string, kind: RegionKind | null, owner: number, scope: 'region' | 'library', codes: string[]][] = [
    ['3b region: every branch of the region', '3b', 2, 'region', ['A1', 'A2', 'B1', 'C1']],
    ['3c region: every branch of the region', '3c', 1, 'region', ['A1', 'A2', 'B1', 'C1']],
    ['3a region: only the owning library’s branches', '3a', 1, 'library', ['A1', 'A2']],
    ['3a region, owner with one branch', '3a', 3, 'library', ['C1']],
    ['lone library: its own branches', null, 1, 'library', ['A1', 'A2']],
  ];
  it.each(cases)('%s', (_title, kind, owner, scope, codes) => {
    const place = returnPlace(kind ? { kind } : null, { libraryId: owner }, region);
    expect(place.scope).toBe(scope);
    expect(place.branches.map((b) => b.code)).toEqual(codes);
    expect(place.listed).toBe(true);
  });

  it('R3 names up to MAX_LISTED_RETURN_BRANCHES branches, else only the region (with a disclosure)', () => {
    const many = Array.from({ length: MAX_LISTED_RETURN_BRANCHES + 1 }, (_, i) => branch(i + 1, `X${i}`));
    expect(returnPlace({ kind: '3b' }, { libraryId: 1 }, many).listed).toBe(false);
    expect(returnPlace({ kind: '3b' }, { libraryId: 1 }, many.slice(1)).listed).toBe(true);
    expect(returnPlace({ kind: '3a' }, { libraryId: 1 }, many)).toEqual({ scope: 'library', branches: [many[0]], listed: true });
  });
});
