// What `db.execute` answers, read the same way on both drivers: PGlite answers `{ rows }`,
// postgres.js an array of rows; a json column may arrive parsed or as text. The one copy of that
// unwrapping, for every raw statement of the project (views, actions, the refresh, the export).
import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';
import { executePrepared } from './prepared';

/** The rows of a `db.execute` result, whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A json value as the driver gave it: parsed already, or as text. */
export function jsonValue<T>(raw: unknown): T {
  return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
}

/**
 * Runs one statement that answers one row with one json column (`view` unless named) and returns
 * that column's value (undefined when no row). Prepared on PostgreSQL (db/prepared.ts): a view's
 * text takes all its values as parameters.
 */
export async function queryView<T>(db: Executor, statement: SQL, column = 'view'): Promise<T> {
  const rows = rowsOf<Record<string, unknown>>(await executePrepared(db, statement));
  return jsonValue<T>(rows[0]?.[column]);
}
