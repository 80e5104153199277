// Runs before every page and route: keeps the session's sliding 12-hour idle limit (server
// components cannot set cookies, so the refresh happens here) and drops sessions past their
// idle or 30-day limit. Authorisation itself is not done here: every data function and action
// checks the session on its own (ARCHITECTURE convention 2).
import { NextResponse, type NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { authSecret } from '@/lib/auth/secret';
import { sessionCookieAttributes, sessionCookieName } from '@/lib/auth/session-cookie';
import { IDLE_TIMEOUT_SECONDS, judgeSession, needsRefresh } from '@/lib/auth/session-policy';

export async function proxy(request: NextRequest) {
  // The path the patron asked for, so that a redirect to sign-in can bring them back.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-portal-path', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const name = sessionCookieName();
  const raw = request.cookies.get(name)?.value;
  if (!raw) return response;

  const secret = authSecret();
  const token = await decode({ token: raw, secret }).catch(() => null);
  const now = Math.floor(Date.now() / 1000);
  if (!token || typeof token.authTime !== 'number' || typeof token.seen !== 'number') {
    response.cookies.delete(name);
    return response;
  }
  if (judgeSession({ authTime: token.authTime, seen: token.seen }, now) !== 'valid') {
    response.cookies.delete(name);
    return response;
  }
  if (needsRefresh({ seen: token.seen }, now)) {
    const refreshed = await encode({ token: { ...token, seen: now }, secret, maxAge: IDLE_TIMEOUT_SECONDS });
    response.cookies.set(name, refreshed, sessionCookieAttributes(IDLE_TIMEOUT_SECONDS));
  }
  return response;
}

export const config = {
  // Pages and routes; not Next's static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
