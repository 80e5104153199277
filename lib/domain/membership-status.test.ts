import { describe, expect, it } from 'vitest';
import {
  isActiveStatus,
  membershipLastDay,
  membershipStatus,
  type MembershipDates,
  type MembershipStatus,
} from './membership-status';

const year: MembershipDates = { startOn: '2026-01-01', endOn: '2026-12-31', stoppedOn: null, autoRenew: false };

describe('R7 membership status', () => {
  const table: [string, Partial<MembershipDates>, string, MembershipStatus][] = [
    ['active mid-year', {}, '2026-06-15', 'active'],
    ['active on the start day', {}, '2026-01-01', 'active'],
    ['not started before the start day', {}, '2025-12-31', 'not_started'],
    ['31 days before the end: active', {}, '2026-11-30', 'active'],
    ['30 days before the end: expiring', {}, '2026-12-01', 'expiring'],
    ['on the last day: expiring', {}, '2026-12-31', 'expiring'],
    ['the day after the end: expired', {}, '2027-01-01', 'expired'],
    ['auto-renewing never shows as expiring', { autoRenew: true }, '2026-12-20', 'active'],
    ['auto-renewing still expires when the end passes', { autoRenew: true }, '2027-01-01', 'expired'],
    ['stopped from the stop day', { stoppedOn: '2026-05-01' }, '2026-05-01', 'stopped'],
    ['a later stop leaves it active until then', { stoppedOn: '2026-08-01' }, '2026-05-01', 'active'],
    ['a stop within 30 days makes it expiring', { stoppedOn: '2026-05-20' }, '2026-05-01', 'expiring'],
    ['stopped outranks expired', { stoppedOn: '2026-05-01' }, '2027-03-01', 'stopped'],
    ['stopped before it started', { startOn: '2026-06-01', stoppedOn: '2026-05-01' }, '2026-05-15', 'stopped'],
    ['open-ended is active', { endOn: null }, '2030-01-01', 'active'],
    ['open-ended not started yet', { endOn: null }, '2025-06-01', 'not_started'],
  ];
  it.each(table)('%s', (_name, patch, today, expected) => {
    expect(membershipStatus({ ...year, ...patch }, today)).toBe(expected);
  });
});

describe('R7 membership last day', () => {
  it.each([
    ['2026-12-31', null, '2026-12-31'],
    ['2026-12-31', '2026-05-01', '2026-04-30'],
    ['2026-12-31', '2027-02-01', '2026-12-31'],
    [null, '2026-05-01', '2026-04-30'],
    [null, null, null],
  ])('end %s, stopped %s → %s', (endOn, stoppedOn, expected) => {
    expect(membershipLastDay({ endOn, stoppedOn })).toBe(expected);
  });
});

describe('R7 active statuses', () => {
  it.each([
    ['active', true],
    ['expiring', true],
    ['expired', false],
    ['stopped', false],
    ['not_started', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(isActiveStatus(status)).toBe(expected);
  });
});
