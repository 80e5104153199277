// Runs before every page and route:
// - security headers on every response, with a fresh CSP nonce per request;
// - server actions only from this site's own pages (Origin required and matching);
// - a request id (`x-request-id`: a sane incoming one is kept, else a new UUID) on the request, for
//   the action logs, and on the response; one structured log line per request (lib/log.ts: the
//   path without query values, never a cookie);
// - the session's sliding 12-hour idle limit (server components cannot set cookies, so the refresh
//   happens here), dropping sessions past their idle or 30-day limit.
// Authorisation itself is not done here: every data function and action checks the session on
// its own (ARCHITECTURE convention 2).
import { NextResponse, type NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { authSecret } from '@/lib/auth/secret';
import { sessionCookieAttributes, sessionCookieName } from '@/lib/auth/session-cookie';
import { decodeSessionToken } from '@/lib/auth/session-token';
import { IDLE_TIMEOUT_SECONDS, judgeSession, needsRefresh } from '@/lib/auth/session-policy';
import { env } from '@/lib/env';
import { logger, requestIdFrom, safe } from '@/lib/log';
import { isForeignActionRequest, securityHeaders } from '@/lib/security/headers';

export async function proxy(request: NextRequest) {
  const production = env().NODE_ENV === 'production';
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({ nonce, production });
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  headers['x-request-id'] = requestId;
  logRequest(request, requestId);

  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (isForeignActionRequest(request, host)) {
    return new NextResponse('Forbidden', { status: 403, headers: { ...headers, 'content-type': 'text/plain' } });
  }

  // Next.js reads the nonce for its own scripts from the policy on the request.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-request-id', requestId);
  // The path the patron asked for, so that a redirect to sign-in can bring them back.
  requestHeaders.set('x-portal-path', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);

  await keepSessionAlive(request, response);
  return response;
}

/** The request line: method, path (query parameter names only), whether it is a server action. */
function logRequest(request: NextRequest, requestId: string): void {
  try {
    logger().info(
      {
        requestId,
        method: request.method,
        ...safe.path(request.nextUrl.pathname, request.nextUrl.searchParams),
        ...(request.headers.has('next-action') ? { serverAction: true } : {}),
      },
      'request',
    );
  } catch {
    // Logging never breaks a request.
  }
}

async function keepSessionAlive(request: NextRequest, response: NextResponse): Promise<void> {
  const name = sessionCookieName();
  const raw = request.cookies.get(name)?.value;
  if (!raw) return;
  const secret = authSecret();
  const token = await decodeSessionToken(raw, secret);
  const now = Math.floor(Date.now() / 1000);
  if (!token || typeof token.authTime !== 'number' || typeof token.seen !== 'number') {
    response.cookies.delete(name);
    return;
  }
  if (judgeSession({ authTime: token.authTime, seen: token.seen }, now) !== 'valid') {
    response.cookies.delete(name);
    return;
  }
  if (needsRefresh({ seen: token.seen }, now)) {
    const refreshed = await encode({ token: { ...token, seen: now }, secret, maxAge: IDLE_TIMEOUT_SECONDS });
    response.cookies.set(name, refreshed, sessionCookieAttributes(IDLE_TIMEOUT_SECONDS));
  }
}

export const config = {
  // Pages and routes; not Next's static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
