// Responses of the personal read-only API (/api/v1): JSON, never cached by a shared cache, and the
// same 401 for a missing, unknown or revoked token. GET only: every other method is 405.
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

export const unauthorized = () =>
  json({ error: 'unauthorized' }, 401, { 'www-authenticate': 'Bearer realm="mijn-bibliotheek", error="invalid_token"' });

export const tooManyRequests = (retryAfterMs: number) => json({ error: 'too_many_requests' }, 429, { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) });

export const methodNotAllowed = async () => json({ error: 'method_not_allowed' }, 405, { allow: 'GET' });
