import 'server-only';
// After the session version changes (unlinking, password change), every other session of the
// account ends; this one carries on with a token for the new version. And sign-in by server action
// (the form posts, with or without JavaScript, so no secret is in a URL) starts a session here. Server actions
// only: they are where cookies may be set.
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { authSecret } from './secret';
import { sessionCookieAttributes, sessionCookieName } from './session-cookie';
import { IDLE_TIMEOUT_SECONDS, newSessionClaims } from './session-policy';
import { newSessionId } from './session-store';
import { rememberWrite } from './read-routing';
import { refreshAfterSignIn } from '../library-systems/triggers';

/**
 * Starts a session for an account whose password was just checked: the same JWT (claims, secret,
 * lifetime) and cookie as next-auth's Credentials callback makes, so everything that reads the
 * session (getSignedInAccount, proxy.ts, next-auth's /api/auth/session) reads this one too.
 */
export async function startSession(accountId: number, sessionVersion: number): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({ token: { ...newSessionClaims(accountId, sessionVersion, now, newSessionId()) }, secret: authSecret(), maxAge: IDLE_TIMEOUT_SECONDS });
  (await cookies()).set(sessionCookieName(), token, sessionCookieAttributes(IDLE_TIMEOUT_SECONDS));
  // Sign-in wrote (throttle, a just-activated account): the first pages wait for the replica.
  await rememberWrite(accountId);
  // Linked libraries: as after next-auth's own sign-in (options.ts events), the account's linked libraries
  // are asked for fresh data beside the response, never in its way.
  refreshAfterSignIn(accountId);
}

export async function reissueSession(sessionVersion: number): Promise<void> {
  const secret = authSecret();
  const cookieStore = await cookies();
  const name = sessionCookieName();
  const raw = cookieStore.get(name)?.value;
  const token = raw ? await decode({ token: raw, secret }).catch(() => null) : null;
  if (!token) return;
  const now = Math.floor(Date.now() / 1000);
  const fresh = await encode({ token: { ...token, sv: sessionVersion, seen: now }, secret, maxAge: IDLE_TIMEOUT_SECONDS });
  cookieStore.set(name, fresh, sessionCookieAttributes(IDLE_TIMEOUT_SECONDS));
}

/** Ends this browser's session (the others end through the session version). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
