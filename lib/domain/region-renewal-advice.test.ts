import { describe, expect, it } from 'vitest';
import type { RegionDigitalCollection } from './digital-access';
import type { MembershipStatus } from './membership-status';
import { isMonthEnd, regionRenewalAdvice, type AdviceMembership, type RegionRenewalAdvice } from './region-renewal-advice';

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

describe('R7 regional renewal advice (R5: renew one, pay once)', () => {
  const table: [string, AdviceMembership[], RegionDigitalCollection[], RegionRenewalAdvice | null][] = [
    ['one expiring membership alone: nothing to explain', [m(1, ZOTTEGEM, 'expiring')], [], null],
    [
      'one expiring, one continuing: no need to renew the expiring one',
      [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'active', '2027-06-30')],
      [],
      {
        expiring: [{ membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30', monthEnd: true }],
        continuingMembershipIds: [2],
        digital: [],
        neededForDigital: [],
        duplicateAutoRenew: [],
      },
    ],
    [
      'R8: one expiring, one continuing, the expiring one alone gives a collection',
      [m(1, ZOTTEGEM, 'expiring', '2026-12-15'), m(2, OOSTERZELE, 'active', '2027-06-30')],
      [{ id: EBOOKS, libraryIds: [ZOTTEGEM] }],
      {
        expiring: [{ membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-12-15', monthEnd: false }],
        continuingMembershipIds: [2],
        digital: [{ collectionId: EBOOKS, membershipIds: [1] }],
        neededForDigital: [1],
        duplicateAutoRenew: [],
      },
    ],
    ['none expiring', [m(1, ZOTTEGEM, 'active'), m(2, OOSTERZELE, 'active')], [], null],
    ['expired ones do not count', [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'expired')], [], null],
    [
      'two expiring, no digital collections: renew only one',
      [m(2, OOSTERZELE, 'expiring', '2026-11-30'), m(1, ZOTTEGEM, 'expiring', '2026-11-30'), m(3, HERZELE, 'expired')],
      [],
      {
        expiring: [
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30', monthEnd: true },
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30', monthEnd: true },
        ],
        continuingMembershipIds: [],
        digital: [],
        neededForDigital: [],
        duplicateAutoRenew: [],
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
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30', monthEnd: true },
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-12-15', monthEnd: false },
        ],
        continuingMembershipIds: [],
        digital: [
          { collectionId: EBOOKS, membershipIds: [2] },
          { collectionId: FILMS, membershipIds: [2, 1] },
        ],
        neededForDigital: [2],
        duplicateAutoRenew: [],
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
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30', monthEnd: true },
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30', monthEnd: true },
        ],
        continuingMembershipIds: [3],
        digital: [{ collectionId: FILMS, membershipIds: [1] }],
        neededForDigital: [1],
        duplicateAutoRenew: [],
      },
    ],
    [
      'a collection the patron does not have today is not mentioned',
      [m(1, ZOTTEGEM, 'expiring'), m(2, OOSTERZELE, 'expiring')],
      [{ id: EBOOKS, libraryIds: [HERZELE] }],
      {
        expiring: [
          { membershipId: 1, libraryId: ZOTTEGEM, endOn: '2026-11-30', monthEnd: true },
          { membershipId: 2, libraryId: OOSTERZELE, endOn: '2026-11-30', monthEnd: true },
        ],
        continuingMembershipIds: [],
        digital: [],
        neededForDigital: [],
        duplicateAutoRenew: [],
      },
    ],
  ];
  it.each(table)('%s', (_name, memberships, collections, expected) => {
    expect(regionRenewalAdvice(memberships, collections)).toEqual(expected);
  });
});

const auto = (id: number, libraryId: number, type: string, autoRenew = true, kind: 'ordinary' | 'guest' = 'ordinary'): AdviceMembership => ({
  ...m(id, libraryId, 'active', '2027-06-30'),
  kind,
  subscriptionTypeCode: type,
  autoRenew,
});

describe('R5 one contribution: duplicate auto-renewing memberships', () => {
  const table: [string, AdviceMembership[], number[][] | null][] = [
    ['two auto-renewing of one type: keep one', [auto(2, OOSTERZELE, 'VOLW'), auto(1, ZOTTEGEM, 'VOLW')], [[1, 2]]],
    ['different types: R6, not this advice', [auto(1, ZOTTEGEM, 'VOLW'), auto(2, OOSTERZELE, 'LEERKR')], null],
    ['one of them not auto-renewing: it lapses by itself', [auto(1, ZOTTEGEM, 'VOLW'), auto(2, OOSTERZELE, 'VOLW', false)], null],
    ['a guest membership is never a duplicate', [auto(1, ZOTTEGEM, 'VOLW'), auto(2, OOSTERZELE, 'VOLW', true, 'guest')], null],
    [
      'a stopped or expired one does not count',
      [auto(1, ZOTTEGEM, 'VOLW'), { ...auto(2, OOSTERZELE, 'VOLW'), status: 'stopped' }, { ...auto(3, HERZELE, 'VOLW'), status: 'expired' }],
      null,
    ],
    ['three of one type: one group', [auto(1, ZOTTEGEM, 'VOLW'), auto(2, OOSTERZELE, 'VOLW'), auto(3, HERZELE, 'VOLW')], [[1, 2, 3]]],
  ];
  it.each(table)('%s', (_name, memberships, expected) => {
    const advice = regionRenewalAdvice(memberships, []);
    expect(advice?.duplicateAutoRenew ?? null).toEqual(expected);
    if (advice) expect(advice.expiring).toEqual([]);
  });
});

describe('R7 end of the month', () => {
  it.each([
    ['2026-11-30', true],
    ['2026-12-31', true],
    ['2028-02-29', true],
    ['2027-02-28', true],
    ['2026-12-15', false],
    ['2028-02-28', false],
  ] as const)('%s → %s', (day, expected) => {
    expect(isMonthEnd(day)).toBe(expected);
  });
});
