// TEST-ONLY: exports a library's unconfirmed portal changes (changes@1) from the running
// e2e server's database, the way `npm run db:export-changes -- --library ISIL` does from a shell:
// the e2e server owns its PGlite directory, so no other process may open it. Same gate as the
// scenario import (../scenario-guard.ts): a 404 everywhere but on the e2e server.
import { z } from 'zod';
import { exportChangesFromAppDb } from '@/db/app-db';
import { guardedJsonBody, notFound } from '../scenario-guard';

export const dynamic = 'force-dynamic';

const request = z.object({ library: z.string().min(1).max(40) }).strict();

export async function POST(incoming: Request): Promise<Response> {
  const guarded = await guardedJsonBody(incoming);
  if (!guarded.ok) return guarded.response;
  const parsed = request.safeParse(guarded.body);
  if (!parsed.success) return Response.json({ ok: false, errors: [{ path: '', message: 'expected { library: ISIL }' }] }, { status: 400 });
  const result = await exportChangesFromAppDb({ library: parsed.data.library });
  return Response.json(result, { status: result.ok ? 200 : 422 });
}

export const GET = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
