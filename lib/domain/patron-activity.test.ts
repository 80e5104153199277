import { describe, expect, it } from 'vitest';
import { regionActivity } from './patron-activity';

describe('R9 inactive only when no membership in the region is active', () => {
  it.each([
    ['one active', [true], 'active'],
    ['expired here, active elsewhere in the region', [false, true], 'active'],
    ['all active', [true, true], 'active'],
    ['all inactive', [false, false], 'inactive'],
    ['no memberships', [], 'inactive'],
  ] as const)('%s', (_name, flags, expected) => {
    const memberships = flags.map((active) => ({ active }));
    expect(regionActivity(memberships)).toBe(expected);
  });
});
