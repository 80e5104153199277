import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSessionToken } from './session-token';

const SECRET = 'session-token-test-secret-0123456789abcdef';
const OTHER = 'another-session-token-secret-0123456789ab';
const claims = { sub: '7', sv: 1, sid: 'abc', authTime: 1_000, seen: 1_000 };

afterEach(() => vi.useRealTimers());

describe('P1 session cookie decode, remembered per cookie value', () => {
  it.each([
    ['a good cookie, first time', SECRET, 60, 0, true],
    ['the same cookie again (remembered)', SECRET, 60, 0, true],
    ['the same cookie under another secret', OTHER, 60, 0, false],
    ['just within the 15 s tolerance after exp', SECRET, 60, 60 + 14, true],
    ['expired past the tolerance: refused though remembered', SECRET, 60, 60 + 15, false],
  ] as const)('%s', async (_name, secret, maxAge, laterSeconds, decodes) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
    const raw = await encode({ token: claims, secret: SECRET, maxAge });
    expect(await decodeSessionToken(raw, SECRET)).toMatchObject(claims); // remembered now
    vi.setSystemTime(new Date(Date.parse('2026-11-30T10:00:00Z') + laterSeconds * 1000));
    const token = await decodeSessionToken(raw, secret);
    if (decodes) expect(token).toMatchObject(claims);
    else expect(token).toBeNull();
  });

  it('refuses garbage, and gives each caller its own copy', async () => {
    expect(await decodeSessionToken('not-a-jwe', SECRET)).toBeNull();
    const raw = await encode({ token: claims, secret: SECRET, maxAge: 60 });
    const first = (await decodeSessionToken(raw, SECRET))!;
    first.seen = 99;
    expect((await decodeSessionToken(raw, SECRET))!.seen).toBe(1_000);
  });
});
