// The read-your-writes cookie: which values send an account to the primary (docs/operations.md,
// "Read replicas"). Anything else — another account's, expired, made by hand — counts for nothing.
import { describe, expect, it } from 'vitest';
import { encodePendingWrite, PENDING_WRITE_SECONDS, pendingLsnOf } from './read-routing';

const NOW = 1_800_000_000;

describe('pending-write cookie', () => {
  const cases: Array<[string, string | undefined, number, string | null]> = [
    ['its own fresh write', encodePendingWrite(7, '16/B374D848', NOW), 7, '16/B374D848'],
    ['no cookie', undefined, 7, null],
    ["another account's write", encodePendingWrite(8, '16/B374D848', NOW), 7, null],
    ['expired', encodePendingWrite(7, '0/1', NOW - PENDING_WRITE_SECONDS - 1), 7, null],
    ['a life longer than any set', `7.0/1.${NOW + PENDING_WRITE_SECONDS + 60}`, 7, null],
    ['not an LSN', `7.select.${NOW + 10}`, 7, null],
    ['extra parts', `7.0/1.${NOW + 10}.x`, 7, null],
    ['empty', '', 7, null],
  ];
  it.each(cases)('%s', (_name, value, account, expected) => {
    expect(pendingLsnOf(value, account, NOW)).toBe(expected);
  });
});
