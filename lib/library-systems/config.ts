// Which libraries are linked, and how to reach their systems. Read once at start
// from the JSON file named by LIBRARY_SYSTEMS_FILE (or the JSON in LIBRARY_SYSTEMS) and validated
// here; a library not named stays import-only. The credentials live only in this configuration:
// never in an import document, a log line or anything sent to a browser.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseIsil } from '@/lib/domain/isil';

/** What SIP2 can carry in a field (the client refuses the rest): no field separator, no line break. */
const sipText = (max: number) =>
  z.string().min(1).max(max).refine((v) => !/[|\r\n]/.test(v), 'must not contain "|" or a line break');

const sip2Endpoint = z.strictObject({
  protocol: z.literal('sip2'),
  host: z.string().min(1).max(255),
  port: z.int().min(1).max(65_535),
  tls: z.boolean().default(false),
  login: z.strictObject({
    user: sipText(64),
    password: sipText(128),
    locationCode: sipText(64).optional(),
  }),
  institutionId: sipText(64),
  charset: z.enum(['ascii', 'utf-8', 'latin1']).default('utf-8'),
  timeoutMs: z.int().min(100).max(120_000).default(10_000),
  maxConnections: z.int().min(1).max(32).default(1),
  /** Idle connections are closed after this long: below the ACS's own idle limit, so the ACS is free for its other terminals. */
  idleTimeoutMs: z.int().min(100).max(3_600_000).default(30_000),
});

export const librarySystemsConfigSchema = z.strictObject({
  /** A card's copy older than this is refreshed when the card is opened (L3). */
  refreshAfterMinutes: z.int().min(1).max(24 * 60).default(15),
  /** The least time between two refreshes of one patron at one library: the bound on calls per account. */
  refreshIntervalSeconds: z.int().min(1).max(3600).default(30),
  libraries: z
    .record(z.string().refine((v) => parseIsil(v) !== null, 'not an ISIL'), sip2Endpoint)
    .default({}),
});

export type LibrarySystemsConfig = z.infer<typeof librarySystemsConfigSchema>;
export type Sip2Endpoint = z.infer<typeof sip2Endpoint>;

export const EMPTY_CONFIG: LibrarySystemsConfig = { refreshAfterMinutes: 15, refreshIntervalSeconds: 30, libraries: {} };

/** Parses a configuration document; the error names the JSON path but never quotes a value. */
export function parseLibrarySystemsConfig(document: unknown): LibrarySystemsConfig {
  const result = librarySystemsConfigSchema.safeParse(document);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
    throw new Error(`Invalid library systems configuration: ${problems}`);
  }
  // ISILs are matched upper-case everywhere (R13).
  const libraries = Object.fromEntries(Object.entries(result.data.libraries).map(([isil, e]) => [isil.toUpperCase(), e]));
  return { ...result.data, libraries };
}

/** From the environment: a file path, else inline JSON, else no linked library. */
export function loadLibrarySystemsConfig(source: { file?: string; inline?: string }): LibrarySystemsConfig {
  const text = source.file ? readFileSync(source.file, 'utf8') : source.inline;
  if (!text) return EMPTY_CONFIG;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error(`Invalid library systems configuration: ${source.file ? source.file : 'LIBRARY_SYSTEMS'} is not JSON`);
  }
  return parseLibrarySystemsConfig(document);
}
