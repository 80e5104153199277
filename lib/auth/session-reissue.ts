import 'server-only';
// After the session version changes (unlinking, password change), every other session of the
// account ends; this one carries on with a token for the new version. Server actions only:
// they are where cookies may be set.
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { authSecret } from './secret';
import { sessionCookieAttributes, sessionCookieName } from './session-cookie';
import { IDLE_TIMEOUT_SECONDS } from './session-policy';

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
