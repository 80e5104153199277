// Batching: one statement per chunk of rows, never one per row (the scale seed writes ~400 000
// loans through the importer), and well under Postgres' 65 535 bind parameters per statement.

/** Rows per statement. At ≤ 12 columns a row, 1000 rows stay far below the parameter limit. */
export const CHUNK_SIZE = 1000;

export function chunked<T>(values: readonly T[], size: number = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Runs `query` per chunk of the distinct `values` and concatenates the results. */
export async function inChunks<T, R>(values: Iterable<T>, query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunked([...new Set(values)])) out.push(...(await query(chunk)));
  return out;
}
