// The personal read-only API (issue 15): its resources, the zod schemas of its responses, the
// OpenAPI 3.1 description generated from them (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1
// uses), the bearer header parse and the throttle policies. Pure: no database, no request.
import { z } from 'zod';
import type { ThrottlePolicy } from './throttle';

export const API_RESOURCES = ['loans', 'reservations', 'fees', 'cards'] as const;
export type ApiResource = (typeof API_RESOURCES)[number];

export const isApiResource = (value: string): value is ApiResource => (API_RESOURCES as readonly string[]).includes(value);

/** Most active tokens an account may have at once. */
export const MAX_API_TOKENS = 10;
export const API_TOKEN_NAME_MAX = 60;

const date = z.iso.date();

export const ApiLoan = z
  .object({
    id: z.int(),
    title: z.string(),
    author: z.string().nullable(),
    libraryName: z.string(),
    branchName: z.string(),
    lentOn: date,
    dueOn: date,
    renewals: z.int().min(0),
  })
  .meta({ id: 'Loan', description: 'An open loan of one of the account’s linked patrons.' });

export const ApiReservation = z
  .object({
    id: z.int(),
    title: z.string(),
    author: z.string().nullable(),
    status: z.enum(['waiting', 'in_transit', 'ready']),
    placedOn: date,
    readyUntil: date.nullable(),
    libraryName: z.string(),
    pickupBranchName: z.string(),
  })
  .meta({ id: 'Reservation', description: 'An active reservation.' });

export const ApiFee = z
  .object({
    id: z.int(),
    kind: z.enum(['late', 'reservation', 'lost', 'damaged', 'contribution']),
    description: z.string(),
    createdOn: date,
    amountCents: z.int().describe('Amount in euro cents.'),
    libraryName: z.string(),
  })
  .meta({ id: 'Fee', description: 'An unpaid fee.' });

export const ApiCard = z
  .object({
    id: z.int(),
    number: z.string().regex(/^•••• ?[0-9A-Z]*$/).describe('Masked: only the last four characters.'),
    kind: z.enum(['wise', 'eid', 'uitpas', 'akaart', 'other']),
    libraryName: z.string(),
  })
  .meta({ id: 'Card', description: 'A library card of a linked patron (number masked).' });

export const API_ITEM_SCHEMAS = { loans: ApiLoan, reservations: ApiReservation, fees: ApiFee, cards: ApiCard } as const;

/** Every response is `{ data: [...] }`. */
export const apiResponseSchema = (resource: ApiResource) => z.object({ data: z.array(API_ITEM_SCHEMAS[resource]) });

export const ApiError = z.object({ error: z.string() }).meta({ id: 'Error' });

const SUMMARIES: Record<ApiResource, string> = {
  loans: 'Open loans of every linked patron record',
  reservations: 'Active reservations',
  fees: 'Unpaid fees (amounts in cents)',
  cards: 'Library cards (numbers masked)',
};

/** The OpenAPI 3.1 description of the API, its schemas generated from the zod schemas above. */
export function openApiDocument(serverUrl: string) {
  const registry = z.registry<{ id?: string }>();
  for (const schema of [...Object.values(API_ITEM_SCHEMAS), ApiError]) registry.add(schema, { id: schema.meta()?.id as string });
  const schemas = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` }).schemas;
  for (const schema of Object.values(schemas)) delete (schema as { $schema?: string }).$schema;
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const paths = Object.fromEntries(
    API_RESOURCES.map((resource) => [
      `/${resource}`,
      {
        get: {
          operationId: `list${resource[0]!.toUpperCase()}${resource.slice(1)}`,
          summary: SUMMARIES[resource],
          security: [{ bearer: [] }],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { data: { type: 'array', items: { $ref: `#/components/schemas/${API_ITEM_SCHEMAS[resource].meta()?.id}` } } },
                    required: ['data'],
                    additionalProperties: false,
                  },
                },
              },
            },
            '401': errorResponse('Missing, unknown or revoked token'),
            '405': errorResponse('Only GET is allowed'),
            '429': errorResponse('Too many requests'),
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'Mijn Bibliotheek personal API', version: '1.0.0', description: 'Read-only access to your own loans, reservations, fees and cards. Create a token in your account settings.' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    paths,
  };
}

/**
 * The token of an `Authorization: Bearer …` header, or null (missing, another scheme, malformed).
 * Anything longer than 200 characters is no token of ours.
 */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header || header.length > 220) return null;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  return match ? match[1]! : null;
}

/** API requests, every one counted: 300 in 15 min per client address and per token → 15 min, up to 1 h. */
export const API_THROTTLE: ThrottlePolicy = { maxFailures: 300, windowMs: 15 * 60_000, lockMs: 15 * 60_000, maxLockMs: 60 * 60_000 };

export const apiClientThrottleKey = (clientAddress: string) => ({ key: `api:client:${clientAddress.slice(0, 64)}`, policy: API_THROTTLE });
/** Per token, by its hash (a bucket key never holds the token itself). */
export const apiTokenThrottleKey = (tokenHash: string) => ({ key: `api:token:${tokenHash.slice(0, 64)}`, policy: API_THROTTLE });
