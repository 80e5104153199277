// TEST-ONLY: imports a `mijn-bibliotheek/network@1` document into the running server's database,
// so that Playwright specs can build their scenario (e2e/support/scenario.ts). The e2e server owns
// its PGlite directory, so no other process could write to it; this endpoint is the way in.
//
// It exists only where lib/security/scenario-endpoint.ts allows it: a token of at
// least 16 characters that is not the one once committed for e2e, a server listening on loopback
// only (HOSTNAME 127.0.0.1, ::1 or localhost), and never NODE_ENV=production with DATABASE_URL.
// Otherwise every method answers a plain 404, exactly like a route that does not exist:
// NEVER set E2E_SCENARIO_TOKEN outside the e2e server. When it exists, a request must carry the
// same token in the `x-e2e-scenario-token` header.
import { importIntoAppDb } from '@/db/app-db';
import { librarySystems } from '@/lib/library-systems/registry';
import { guardedJsonBody, notFound } from '../scenario-guard';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const guarded = await guardedJsonBody(request);
  if (!guarded.ok) return guarded.response;
  const result = await importIntoAppDb(guarded.body, { linkedIsils: librarySystems().linkedIsils() });
  return Response.json(result, { status: result.ok ? 200 : 422 });
}

// Every other method looks exactly like a missing route too (no 405 that would reveal it).
export const GET = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
