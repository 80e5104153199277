import { describe, expect, it } from 'vitest';
import { effectiveMembership, type EffectiveMembership, type MembershipRecord } from './effective-membership';

const ordinary: MembershipRecord = { kind: 'ordinary', startOn: '2026-01-01', endOn: '2026-12-31', stoppedOn: null, autoRenew: false };
const guest = (patch: Partial<Extract<MembershipRecord, { kind: 'guest' }>> = {}): MembershipRecord => ({
  kind: 'guest',
  registeredOn: '2026-09-01',
  stoppedOn: null,
  home: { kind: 'outside', validUntil: '2027-03-31', checkedOn: '2026-11-21' },
  ...patch,
});

describe('R7 R11 effective membership', () => {
  const table: [string, MembershipRecord, string, Omit<EffectiveMembership, 'guest'> & { guestReason: string | null }][] = [
    ['R7 ordinary active', ordinary, '2026-06-01', { status: 'active', active: true, endOn: '2026-12-31', guestReason: null }],
    ['R7 ordinary expiring is active', ordinary, '2026-12-15', { status: 'expiring', active: true, endOn: '2026-12-31', guestReason: null }],
    ['R7 ordinary expired', ordinary, '2027-01-01', { status: 'expired', active: false, endOn: '2026-12-31', guestReason: null }],
    ['R7 ordinary stopped ends the day before', { ...ordinary, stoppedOn: '2026-06-01' }, '2026-07-01', { status: 'stopped', active: false, endOn: '2026-05-31', guestReason: null }],
    ['R7 ordinary not started', ordinary, '2025-12-01', { status: 'not_started', active: false, endOn: '2026-12-31', guestReason: null }],
    ['R11 guest first day', guest({ registeredOn: '2026-11-30', home: null }), '2026-11-30', { status: 'active', active: true, endOn: '2027-02-28', guestReason: 'first_day' }],
    ['R11 guest follows home', guest(), '2026-11-30', { status: 'active', active: true, endOn: '2027-03-31', guestReason: 'follows_home' }],
    ['R11 guest expiring with its home', guest(), '2027-03-15', { status: 'expiring', active: true, endOn: '2027-03-31', guestReason: 'follows_home' }],
    ['R11 guest ended with its home', guest(), '2027-04-01', { status: 'expired', active: false, endOn: '2027-03-31', guestReason: 'home_ended' }],
    ['R11 guest without home information', guest({ home: null }), '2026-11-30', { status: 'expired', active: false, endOn: null, guestReason: 'home_unknown' }],
    ['R11 guest before registration', guest(), '2026-08-31', { status: 'not_started', active: false, endOn: null, guestReason: 'not_registered' }],
    ['R11 guest stopped by the guest library', guest({ stoppedOn: '2026-11-01' }), '2026-11-30', { status: 'stopped', active: false, endOn: '2026-10-31', guestReason: 'follows_home' }],
    ['R11 guest with a later stop is capped by it', guest({ stoppedOn: '2026-12-10' }), '2026-11-30', { status: 'expiring', active: true, endOn: '2026-12-09', guestReason: 'follows_home' }],
  ];
  it.each(table)('%s', (_name, membership, today, expected) => {
    const { guest: validity, ...rest } = effectiveMembership(membership, today);
    expect({ ...rest, guestReason: validity?.reason ?? null }).toEqual(expected);
  });
});
