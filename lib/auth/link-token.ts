// The tokens of the links the portal mails (password reset, e-mail change and verification).
// 32 random bytes, base64url, in the link only; the database keeps their SHA-256, so a copy of it
// cannot be used to take over an account. A reset link is valid 30 minutes, an e-mail link 24 hours.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const RESET_TOKEN_TTL_MS = 30 * 60_000;
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

/** 32 random bytes, base64url (43 characters), and the SHA-256 that is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const tokenFormat = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Whether `token` can be one of ours at all (checked before any look-up). */
export function isTokenShaped(token: unknown): token is string {
  return tokenFormat.safeParse(token).success;
}
