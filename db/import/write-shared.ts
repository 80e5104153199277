// What every section of the writer (write.ts) shares: the context it writes in, natural keys,
// and the resolution of references to ids.
import type { Executor } from '../client';
import type { PortalChangeReconciler } from './portal-changes';
import type { ParsedNetworkDocument } from './schema';
import { inChunks } from './chunks';
import { upsertByNaturalKey, type Counts, type UpsertSpec } from './upsert';

export type TableCounts = Record<string, Counts>;

/** One import's writing: the transaction, the document, the counts per table and the change log. */
export interface WriteContext {
  db: Executor;
  doc: ParsedNetworkDocument;
  counts: TableCounts;
  /** Names the part of the document being written, so that a database error can name it. */
  at: (section: string) => void;
  /** The portal's standing changes against the document. */
  changes: PortalChangeReconciler;
}

/** Hashes in flight at once; argon2 runs on libuv's pool (4 threads unless UV_THREADPOOL_SIZE says more). */
export const HASH_CONCURRENCY = 8;

/** A composite natural key. */
export const k = (...parts: unknown[]): string => parts.map(String).join('\u0000');

export const splitPair = (key: string): [number, number] => {
  const [a, b] = key.split('\u0000');
  return [Number(a), Number(b)];
};

/** Natural key → id, from what was just written plus, for the rest, one query per chunk. */
export async function resolve(
  known: Map<string, number>,
  wanted: Iterable<string>,
  lookup: (chunk: string[]) => Promise<{ key: string; id: number }[]>,
): Promise<Map<string, number>> {
  const missing = [...new Set(wanted)].filter((key) => !known.has(key));
  for (const row of await inChunks(missing, lookup)) known.set(row.key, row.id);
  return known;
}

export function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  // validate.ts resolved every reference; reaching this means the two disagree.
  if (id === undefined) throw new Error(`internal: ${what} ${JSON.stringify(key)} did not resolve`);
  return id;
}

/** upsertByNaturalKey into one table, its counts kept under `name`; returns natural key → id. */
export async function upsertCounted<Draft extends Record<string, unknown>>(
  ctx: WriteContext,
  name: string,
  spec: UpsertSpec<Draft>,
  drafts: Draft[],
): Promise<Map<string, number>> {
  const { ids, counts } = await upsertByNaturalKey(ctx.db, spec, drafts);
  ctx.counts[name] = counts;
  return ids;
}
