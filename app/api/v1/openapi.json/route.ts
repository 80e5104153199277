// The OpenAPI 3.1 description of the personal API, generated from the zod schemas of its responses
// (lib/domain/personal-api.ts). Public: it describes the API, it holds no one's data.
import { openApiDocument } from '@/lib/domain/personal-api';
import { json, methodNotAllowed } from '../http';

export const dynamic = 'force-static';

export async function GET(): Promise<Response> {
  return json(openApiDocument('/api/v1'), 200, { 'cache-control': 'public, max-age=300' });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
