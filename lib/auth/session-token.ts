// The session cookie's claims, decoded with next-auth's own `decode` (same secret, same JWE, same
// expiry check) and remembered per cookie value. Every page request decodes the same cookie twice
// (proxy.ts for the sliding refresh, lib/auth/session.ts for the account), and the cookie stays the
// same for up to REFRESH_AFTER_SECONDS across requests; each decode derives the key anew with HKDF
// and decrypts (issue 16: part of the fixed cost every portal page pays). What is remembered is only
// what decoding that exact string with that exact secret gave; the time-dependent checks (`exp`,
// `nbf`, with jose's 15 s tolerance as next-auth passes it) are made again on every use, so a
// remembered token expires exactly when a decoded one would. Whether the session still counts is
// not remembered: that stays the database's answer per request (lib/auth/session-store.ts).
import { decode, type JWT } from 'next-auth/jwt';

/** Bounded: one entry per live cookie value; the oldest goes first. */
const MAX_ENTRIES = 1000;
/** next-auth's decode passes this clock tolerance to jose's jwtDecrypt. */
const CLOCK_TOLERANCE_SECONDS = 15;

const decoded = new Map<string, Promise<JWT | null>>();

/** The claims of session cookie `raw` under `secret`, or null when it does not decode or has expired. */
export async function decodeSessionToken(raw: string, secret: string): Promise<JWT | null> {
  const key = `${secret}\u0000${raw}`;
  let pending = decoded.get(key);
  if (!pending) {
    pending = decode({ token: raw, secret }).catch(() => null);
    decoded.set(key, pending);
    if (decoded.size > MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  }
  const token = await pending;
  if (!token) return null;
  const now = Math.floor(Date.now() / 1000);
  if (typeof token.exp === 'number' && token.exp <= now - CLOCK_TOLERANCE_SECONDS) return null;
  if (typeof token.nbf === 'number' && token.nbf > now + CLOCK_TOLERANCE_SECONDS) return null;
  return { ...token }; // a copy: callers may spread or change it
}
