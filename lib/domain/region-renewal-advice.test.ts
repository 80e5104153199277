import { describe, expect, it } from 'vitest';
import type { RegionDigitalCollection } from './digital-access';
import type { MembershipStatus } from './membership-status';
import { regionRenewalAdvice, type AdviceMembership, type RegionRenewalAdvice } from './region-renewal-advice';

const ZOTTEGEM = 10;
const OOSTERZELE = 11;
const HERZELE = 12;
const m = (id: number, libraryId: number, status: MembershipStatus, endOn: string | null = '2026-11-30'): AdviceMembership => ({
  id,
  libraryId,
  status,
  endOn,
});
const EBOOKS = 1;
const FILMS = 2;

describe('R7 regional renewal advice', () => {
  const table: [string, AdviceMembership[], RegionDigitalCollection[], RegionRenewalAdvice | null][] = [
    ['one expiring membership: nothing to explain', [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'active', '2027-06-30')], [], null],
    ['none expiring', [m(1, ZOTTEGEM, 'active'), m(2, OOSTERZELE, 'active')], [], null],
    ['expired ones do not count', [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'expired')], [], null],
    [
      'two expiring, no digital collections: renew only one',
      [m(2, OOSTERZELE, 'expiring', '2026-11-30'), m(1, ZOTTEGEM, 'expiring', '2026-11-30'), m(3, HERZELE, 'expired')],
      [],
      {
        expiring: [
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30' },
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30' },
        ],
        continuingMembershipIds: [],
        digital: [],
        neededForDigital: [],
      },
    ],
    [
      'R8: a collection only one of them gives makes that one needed',
      [m(1, ZOTTEGEM, 'expiring', '2026-12-15'), m(2, OOSTERZELE, 'expiring', '2026-11-30')],
      [
        { id: EBOOKS, libraryIds: [OOSTERZELE] },
        { id: FILMS, libraryIds: [ZOTTEGEM, OOSTERZELE] },
      ],
      {
        expiring: [
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30' },
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-12-15' },
        ],
        continuingMembershipIds: [],
        digital: [
          { collectionId: EBOOKS, membershipIds: [2] },
          { collectionId: FILMS, membershipIds: [2, 1] },
        ],
        neededForDigital: [2],
      },
    ],
    [
      'R8: a collection kept by a continuing membership needs no renewal',
      [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'expiring'), m(3, HERZELE, 'active', '2027-12-31')],
      [
        { id: EBOOKS, libraryIds: [OOSTERZELE, HERZELE] },
        { id: FILMS, libraryIds: [ZOTTEGEM] },
      ],
      {
        expiring: [
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30' },
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30' },
        ],
        continuingMembershipIds: [3],
        digital: [{ collectionId: FILMS, membershipIds: [1] }],
        neededForDigital: [1],
      },
    ],
    [
      'a collection the patron does not have today is not mentioned',
      [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'expiring')],
      [{ id: EBOOKS, libraryIds: [HERZELE] }],
      {
        expiring: [
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30' },
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30' },
        ],
        continuingMembershipIds: [],
        digital: [],
        neededForDigital: [],
      },
    ],
  ];
  it.each(table)('%s', (_name, memberships, collections, expected) => {
    expect(regionRenewalAdvice(memberships, collections)).toEqual(expected);
  });
});
