import { describe, expect, it } from 'vitest';
import { digitalAccess, type DigitalAccess, type DigitalAccessMembership } from './digital-access';

const ZOTTEGEM = 10;
const OOSTERZELE = 11;
const HERZELE = 12;

describe('R8 digital access per collection', () => {
  const table: [string, readonly number[], DigitalAccessMembership[], DigitalAccess][] = [
    ['active membership at a licensed library', [ZOTTEGEM], [{ libraryId: ZOTTEGEM, active: true }], { collectionId: 1, access: true, viaLibraryIds: [ZOTTEGEM] }],
    [
      'regional recognition is not enough',
      [OOSTERZELE],
      [{ libraryId: ZOTTEGEM, active: true }],
      { collectionId: 1, access: false, renewLibraryIds: [], joinLibraryIds: [OOSTERZELE] },
    ],
    [
      'several licensed libraries to choose from',
      [OOSTERZELE, HERZELE],
      [{ libraryId: ZOTTEGEM, active: true }],
      { collectionId: 1, access: false, renewLibraryIds: [], joinLibraryIds: [OOSTERZELE, HERZELE] },
    ],
    [
      'a lapsed membership at a licensed library: renew there',
      [ZOTTEGEM, OOSTERZELE],
      [{ libraryId: ZOTTEGEM, active: false }],
      { collectionId: 1, access: false, renewLibraryIds: [ZOTTEGEM], joinLibraryIds: [OOSTERZELE] },
    ],
    [
      'access through any of several memberships',
      [ZOTTEGEM, OOSTERZELE, HERZELE],
      [
        { libraryId: ZOTTEGEM, active: true },
        { libraryId: HERZELE, active: true },
      ],
      { collectionId: 1, access: true, viaLibraryIds: [ZOTTEGEM, HERZELE] },
    ],
    ['no licence in the region at all', [], [{ libraryId: ZOTTEGEM, active: true }], { collectionId: 1, access: false, renewLibraryIds: [], joinLibraryIds: [] }],
    ['no memberships', [ZOTTEGEM, ZOTTEGEM], [], { collectionId: 1, access: false, renewLibraryIds: [], joinLibraryIds: [ZOTTEGEM] }],
  ];
  it.each(table)('%s', (_name, libraryIds, memberships, expected) => {
    expect(digitalAccess([{ id: 1, libraryIds }], memberships)).toEqual([expected]);
  });

  it('R8 keeps the order of the collections', () => {
    const result = digitalAccess(
      [
        { id: 2, libraryIds: [ZOTTEGEM] },
        { id: 1, libraryIds: [OOSTERZELE] },
      ],
      [{ libraryId: ZOTTEGEM, active: true }],
    );
    expect(result.map((r) => [r.collectionId, r.access])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});
