// The one gate of the test-only endpoints under /api/test (the scenario import and the change
// export): they exist only where lib/security/scenario-endpoint.ts allows it, and a request must
// carry this run's token. Otherwise the answer is a plain 404, exactly like a route that does not
// exist. Not a route file: Next.js serves only route.ts.
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { scenarioEndpointVerdict } from '@/lib/security/scenario-endpoint';

const TOKEN_HEADER = 'x-e2e-scenario-token';

export const notFound = () => new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });

/** The enabling token when the endpoints may exist, read per request (never inlined at build time). */
function configuredToken(): string | null {
  const verdict = scenarioEndpointVerdict(env());
  return verdict.enabled ? verdict.token : null;
}

function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The JSON body of an allowed request, or the response that refuses it. */
export async function guardedJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const expected = configuredToken();
  if (!expected) return { ok: false, response: notFound() };
  if (!sameToken(request.headers.get(TOKEN_HEADER) ?? '', expected)) {
    return {
      ok: false,
      response: Response.json({ ok: false, errors: [{ path: '', message: 'missing or wrong scenario token' }] }, { status: 403 }),
    };
  }
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: Response.json({ ok: false, errors: [{ path: '', message: 'body is not JSON' }] }, { status: 400 }) };
  }
}
