import { describe, expect, it } from 'vitest';
import { guestRegistrationAllowed, guestValidity, type GuestValidity, type HomeMembership } from './guest-validity';

const outside = (validUntil: string | null, checkedOn: string | null = '2026-11-21'): HomeMembership => ({
  kind: 'outside',
  validUntil,
  checkedOn,
});
const inNetwork = (endOn: string | null, stoppedOn: string | null = null): HomeMembership => ({
  kind: 'in_network',
  endOn,
  stoppedOn,
});

describe('R11 guest validity', () => {
  const registeredOn = '2026-11-30';
  const table: [string, HomeMembership, string, GuestValidity][] = [
    ['before registration', outside('2027-06-30'), '2026-11-29', { valid: false, validUntil: null, reason: 'not_registered' }],
    ['first day: three months, clamped to month end', outside('2027-06-30'), '2026-11-30', { valid: true, validUntil: '2027-02-28', reason: 'first_day' }],
    ['first day ignores an unknown home', null, '2026-11-30', { valid: true, validUntil: '2027-02-28', reason: 'first_day' }],
    ['first day ignores an ended home', outside('2026-10-01'), '2026-11-30', { valid: true, validUntil: '2027-02-28', reason: 'first_day' }],
    ['next day: follows an outside home', outside('2027-06-30'), '2026-12-01', { valid: true, validUntil: '2027-06-30', reason: 'follows_home' }],
    ['next day: shorter than three months when the home ends sooner', outside('2026-12-15'), '2026-12-01', { valid: true, validUntil: '2026-12-15', reason: 'follows_home' }],
    ['valid on the home last day', outside('2026-12-15'), '2026-12-15', { valid: true, validUntil: '2026-12-15', reason: 'follows_home' }],
    ['ends with the home', outside('2026-12-15'), '2026-12-16', { valid: false, validUntil: '2026-12-15', reason: 'home_ended' }],
    ['an old check still stands', outside('2027-06-30', '2026-12-01'), '2027-03-01', { valid: true, validUntil: '2027-06-30', reason: 'follows_home' }],
    ['outside home never checked', outside(null, null), '2026-12-01', { valid: false, validUntil: null, reason: 'home_unknown' }],
    ['no home membership', null, '2026-12-01', { valid: false, validUntil: null, reason: 'home_unknown' }],
    ['in-network home active', inNetwork('2027-12-31'), '2027-01-10', { valid: true, validUntil: '2027-12-31', reason: 'follows_home' }],
    ['in-network home expired', inNetwork('2026-12-31'), '2027-01-10', { valid: false, validUntil: '2026-12-31', reason: 'home_ended' }],
    ['in-network home stopped', inNetwork('2027-12-31', '2027-01-05'), '2027-01-10', { valid: false, validUntil: '2027-01-04', reason: 'home_ended' }],
    ['in-network home stopped later', inNetwork('2027-12-31', '2027-02-01'), '2027-01-10', { valid: true, validUntil: '2027-01-31', reason: 'follows_home' }],
    ['in-network home open-ended', inNetwork(null), '2027-01-10', { valid: true, validUntil: null, reason: 'follows_home' }],
  ];
  it.each(table)('%s', (_name, home, today, expected) => {
    expect(guestValidity({ registeredOn }, home, today)).toEqual(expected);
  });
});

describe('R12 guest registration refusal', () => {
  it.each([
    ['valid outside home', outside('2027-06-30'), { allowed: true, homeValidUntil: '2027-06-30' }],
    ['outside home valid through today', outside('2026-11-30'), { allowed: true, homeValidUntil: '2026-11-30' }],
    ['expired outside home', outside('2026-11-29'), { allowed: false, reason: 'home_ended' }],
    ['outside home not checked', outside(null, null), { allowed: false, reason: 'home_unknown' }],
    ['no home membership', null, { allowed: false, reason: 'home_unknown' }],
    ['valid in-network home', inNetwork('2026-12-31'), { allowed: true, homeValidUntil: '2026-12-31' }],
    ['stopped in-network home', inNetwork('2026-12-31', '2026-11-30'), { allowed: false, reason: 'home_ended' }],
  ] as const)('%s', (_name, home, expected) => {
    expect(guestRegistrationAllowed(home, '2026-11-30')).toEqual(expected);
  });
});
