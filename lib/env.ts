// The environment, parsed once with zod. Nothing else reads process.env directly.
// A leaf module: db/, lib/ and scripts may import it; it imports nothing of the project.
import { z } from 'zod';

/** Shortest accepted session secret: 32 characters (`openssl rand -base64 32` gives 44). */
export const MIN_SECRET_LENGTH = 32;

const secretSchema = (name: string) =>
  z
    .string()
    .min(MIN_SECRET_LENGTH, {
      message: `${name} must be at least ${MIN_SECRET_LENGTH} characters: a short secret lets anyone who guesses it forge sessions. Generate one with \`openssl rand -base64 32\`.`,
    })
    .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica of DATABASE_URL's database (docs/operations.md, "Read replicas"): the views
   * read from it, every write and the session check guarding one stay on DATABASE_URL. Only with
   * DATABASE_URL: PGlite has no replica.
   */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /** How long a read may wait for the replica before it is asked of the primary instead. */
  DATABASE_REPLICA_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /**
   * Whether the views' statements are prepared on PostgreSQL (db/prepared.ts). `off` only behind a
   * pooler in transaction mode that does not track prepared statements (PgBouncer before 1.21, or
   * without max_prepared_statements): docs/scaling.md §4.
   */
  DATABASE_PREPARE: z.enum(['on', 'off']).default('on'),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  NEXTAUTH_SECRET: secretSchema('NEXTAUTH_SECRET'),
  AUTH_SECRET: secretSchema('AUTH_SECRET'),
  NEXTAUTH_URL: z.string().url().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
  /**
   * Only on the e2e test server: enables POST /api/test/scenario (see lib/security/scenario-endpoint.ts
   * for when it may exist at all). Never set it in a deployment.
   */
  E2E_SCENARIO_TOKEN: z.string().min(16).optional(),
  /** A JSON file naming the linked libraries and their SIP2 endpoints (docs/library-systems.md). */
  LIBRARY_SYSTEMS_FILE: z.string().min(1).optional(),
  /** The same document inline, when a file is awkward (containers); the file wins when both are set. */
  LIBRARY_SYSTEMS: z.string().min(2).optional(),
  /** Where `next start` listens (scripts/lib/server.ts; default 0.0.0.0). The scenario endpoint exists only on loopback. */
  HOSTNAME: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How many reverse proxies stand in front of the portal (lib/auth/client-address.ts). 0: the
   * client address is the socket's, and X-Forwarded-For is ignored. N: the N-th X-Forwarded-For
   * entry from the right, i.e. the address the outermost of our own proxies saw.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Server-side secret mixed into every PIN hash (lib/auth/pepper.ts). At least 32 characters. */
  PIN_PEPPER: z.string().min(32).optional(),
  /** The ceiling on failed PIN checks per hour, all cards and clients together (lib/domain/throttle.ts). */
  PIN_FAILURES_PER_HOUR: z.coerce.number().int().min(10).max(1_000_000).default(300),
}).refine((e) => !e.DATABASE_REPLICA_URL || e.DATABASE_URL, {
  path: ['DATABASE_REPLICA_URL'],
  message: 'DATABASE_REPLICA_URL needs DATABASE_URL (its primary): PGlite has no replica.',
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** The parsed environment. Empty strings count as unset, as in a shell `VAR=`. */
export function env(): Env {
  if (parsed) return parsed;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  parsed = result.data;
  return parsed;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  parsed = undefined;
}
