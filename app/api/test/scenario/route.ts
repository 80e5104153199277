// TEST-ONLY: imports a `mijn-bibliotheek/network@1` document into the running server's database,
// so that Playwright specs can build their scenario (e2e/support/scenario.ts). The e2e server owns
// its PGlite directory, so no other process could write to it; this endpoint is the way in.
//
// It exists only where lib/security/scenario-endpoint.ts allows it (issue 11 B): a token of at
// least 16 characters that is not the one once committed for e2e, a server listening on loopback
// only (HOSTNAME 127.0.0.1, ::1 or localhost), and never NODE_ENV=production with DATABASE_URL.
// Otherwise every method answers a plain 404, exactly like a route that does not exist:
// NEVER set E2E_SCENARIO_TOKEN outside the e2e server. When it exists, a request must carry the
// same token in the `x-e2e-scenario-token` header.
import { createHash, timingSafeEqual } from 'node:crypto';
import { getDb } from '@/db/client';
import { librarySystems } from '@/lib/library-systems/registry';
import { importNetwork } from '@/db/import/import-network';
import { env } from '@/lib/env';
import { scenarioEndpointVerdict } from '@/lib/security/scenario-endpoint';

export const dynamic = 'force-dynamic';

const TOKEN_HEADER = 'x-e2e-scenario-token';

/** The enabling token when the endpoint may exist, read per request (never inlined at build time). */
function configuredToken(): string | null {
  const verdict = scenarioEndpointVerdict(env());
  return verdict.enabled ? verdict.token : null;
}

function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const notFound = () => new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });

export async function POST(request: Request): Promise<Response> {
  const expected = configuredToken();
  if (!expected) return notFound();
  if (!sameToken(request.headers.get(TOKEN_HEADER) ?? '', expected)) {
    return Response.json({ ok: false, errors: [{ path: '', message: 'missing or wrong scenario token' }] }, { status: 403 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, errors: [{ path: '', message: 'body is not JSON' }] }, { status: 400 });
  }
  const result = await importNetwork(await getDb(), body, { linkedIsils: librarySystems().linkedIsils() });
  return Response.json(result, { status: result.ok ? 200 : 422 });
}

// Every other method looks exactly like a missing route too (no 405 that would reveal it).
export const GET = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
