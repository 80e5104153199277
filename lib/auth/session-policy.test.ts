import { describe, expect, it } from 'vitest';
import { judgeSession, needsRefresh } from './session-policy';

const H = 3600;
const D = 24 * H;

describe('P1 session lifetime: 12 h idle, 30 days at most', () => {
  it.each([
    ['fresh', { authTime: 0, seen: 0 }, 60, 'valid'],
    ['active all day', { authTime: 0, seen: 20 * H }, 21 * H, 'valid'],
    ['idle just under 12 h', { authTime: 0, seen: 0 }, 12 * H, 'valid'],
    ['idle over 12 h', { authTime: 0, seen: 0 }, 12 * H + 1, 'idle'],
    ['active but 30 days old', { authTime: 0, seen: 30 * D }, 30 * D + 1, 'too_old'],
    ['29 days, active', { authTime: 0, seen: 29 * D }, 29 * D + 60, 'valid'],
  ] as const)('%s', (_n, claims, now, verdict) => {
    expect(judgeSession(claims, now)).toBe(verdict);
  });

  it('re-issues the sliding expiry only after five minutes', () => {
    expect(needsRefresh({ seen: 0 }, 299)).toBe(false);
    expect(needsRefresh({ seen: 0 }, 301)).toBe(true);
  });
});
