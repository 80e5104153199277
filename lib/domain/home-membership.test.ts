import { describe, expect, it } from 'vitest';
import { guestRegisteredWithInvalidHome, homeMembershipOf, judgeMembership, membershipRecordOf, type MembershipFacts } from './home-membership';

const today = '2026-11-25';
const membership = (patch: Partial<MembershipFacts>): MembershipFacts => ({
  id: 1, patronId: 7, libraryId: 10, kind: 'ordinary', startOn: '2026-01-01', endOn: '2026-12-31', autoRenew: false,
  stoppedOn: null, registeredOn: null, homeValidUntil: null, homeCheckedOn: null, homeLibraryId: null, ...patch,
});
const guest = membership({ id: 1, kind: 'guest', registeredOn: '2026-06-01', endOn: null, homeLibraryId: 20 });
const home = (patch: Partial<MembershipFacts>) => membership({ libraryId: 20, ...patch });
const stoppedOpen = home({ id: 2, endOn: null, stoppedOn: '2026-10-01' });
const activeFinite = home({ id: 3, endOn: '2026-12-10' });
const activeOpen = home({ id: 4, endOn: null });
const expiredLate = home({ id: 5, startOn: '2025-01-01', endOn: '2026-11-01' });
const notStartedOpen = home({ id: 6, startOn: '2027-01-01', endOn: null });
const otherPatron = home({ id: 7, patronId: 8, endOn: null });
const expiredEarly = home({ id: 8, startOn: '2025-01-01', endOn: '2026-06-30' });
const activeLater = home({ id: 9, endOn: '2027-06-30' });

describe('R11 homeMembershipOf: the home membership a guest follows', () => {
  const table: [string, MembershipFacts, MembershipFacts[], number | null][] = [
    ['R11 the one active today, not a stopped open-ended one', guest, [guest, stoppedOpen, activeFinite, otherPatron], 3],
    ['R11 an active open-ended one is the latest', guest, [guest, activeFinite, activeOpen, stoppedOpen], 4],
    ['R11 none active: the latest last day, open-ended ones last', guest, [guest, notStartedOpen, stoppedOpen, expiredLate], 5],
    ['R11 several active: the one that ends last, whatever the order of the rows', guest, [guest, activeFinite, activeLater], 9],
    ['R11 an active one wins over an earlier expired one (not the first match)', guest, [guest, expiredEarly, activeFinite], 3],
    ['R11 equal candidates: the lowest id', guest, [guest, home({ id: 12, endOn: '2027-06-30' }), activeLater], 9],
    ['R11 another patron’s membership never counts', guest, [guest, otherPatron], null],
    ['R11 a guest membership at the home library is no home membership', guest, [guest, home({ id: 10, kind: 'guest', registeredOn: '2026-01-01' })], null],
    ['R11 no home library in the network', { ...guest, homeLibraryId: null }, [guest, activeFinite], null],
    ['R11 an ordinary membership follows no home', membership({ homeLibraryId: 20 }), [activeFinite], null],
  ];
  it.each(table)('%s', (_name, of, rows, expected) => {
    expect(homeMembershipOf(of, rows, today)?.id ?? null).toBe(expected);
  });
});

describe('R7 R11 membershipRecordOf / judgeMembership', () => {
  it.each([
    ['R7 an ordinary membership by its own dates', membership({}), [], { kind: 'ordinary', startOn: '2026-01-01', endOn: '2026-12-31', stoppedOn: null, autoRenew: false }],
    ['R11 a guest follows its home membership in the network', guest, [guest, stoppedOpen, activeFinite], { kind: 'guest', registeredOn: '2026-06-01', stoppedOn: null, home: { kind: 'in_network', endOn: '2026-12-10', stoppedOn: null } }],
    [
      'R11 without one, the last nightly check with the home system',
      { ...guest, homeLibraryId: null, homeValidUntil: '2027-03-31', homeCheckedOn: '2026-11-24' },
      [],
      { kind: 'guest', registeredOn: '2026-06-01', stoppedOn: null, home: { kind: 'outside', validUntil: '2027-03-31', checkedOn: '2026-11-24' } },
    ],
  ] as const)('%s', (_name, row, rows, expected) => {
    expect(membershipRecordOf(row, rows, today)).toEqual(expected);
  });

  it('R11 a guest is judged by the chosen home membership', () => {
    expect(judgeMembership(guest, [guest, stoppedOpen, activeFinite], today)).toMatchObject({ active: true, endOn: '2026-12-10' });
    expect(judgeMembership(guest, [guest, expiredEarly], today)).toMatchObject({ active: false, status: 'expired', endOn: '2026-06-30' });
  });
});

describe('R12 guestRegisteredWithInvalidHome: registered while the home membership was not valid', () => {
  const outside = (patch: Partial<MembershipFacts>) => membership({ id: 1, kind: 'guest', registeredOn: '2026-06-01', endOn: null, homeLibraryId: null, ...patch });
  const table: [string, MembershipFacts, MembershipFacts[], boolean][] = [
    ['in network, home valid on the registration day', guest, [home({ id: 2, endOn: '2026-06-30' })], false],
    ['in network, home ended the day before registration', guest, [home({ id: 2, endOn: '2026-05-31' })], true],
    ['in network, home stopped before registration', guest, [home({ id: 2, endOn: null, stoppedOn: '2026-05-01' })], true],
    ['in network, home ends on the registration day: still valid', guest, [home({ id: 2, endOn: '2026-06-01' })], false],
    ['in network, ended home renewed later is judged as it is stored', guest, [home({ id: 2, endOn: '2027-06-30' })], false],
    ['outside, nightly check says valid until before registration', outside({ homeValidUntil: '2026-05-15', homeCheckedOn: '2026-05-15' }), [], true],
    ['outside, valid at registration, ended since (R11, not R12)', outside({ homeValidUntil: '2026-09-30', homeCheckedOn: '2026-10-01' }), [], false],
    ['outside, nothing known yet: not held against the patron', outside({}), [], false],
    ['an ordinary membership never', home({ id: 2, endOn: '2020-01-01' }), [], false],
  ];
  it.each(table)('%s', (_name, row, others, expected) => {
    expect(guestRegisteredWithInvalidHome(row, [row, ...others])).toBe(expected);
  });
});
