// The personal read-only API: GET /api/v1/{loans,reservations,fees,cards} with
// `Authorization: Bearer <token>` (a token made in account settings). No session: the token is the
// key, looked up by its hash only; every request counts against the client address's and the
// token's throttle buckets. The token is in a header, never in the request line (lib/log.ts redacts
// `authorization`). Answers follow the OpenAPI description at /api/v1/openapi.json.
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { loadPersonalApi } from '@/lib/data/loaders';
import { isApiResource } from '@/lib/domain/personal-api';
import { json, methodNotAllowed, tooManyRequests, unauthorized } from '../http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }): Promise<Response> {
  const { resource } = await params;
  if (!isApiResource(resource)) return json({ error: 'not_found' }, 404);
  const result = await loadPersonalApi(resource, request.headers.get('authorization'), clientAddressFromHeaders(request.headers));
  if (result.throttled) return tooManyRequests(result.retryAfterMs);
  if (!result.body) return unauthorized();
  return json(result.body);
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
