// A database error during the write, as a sentence for the person running the import: which
// constraint refused what. Never the stack, never the statement or its parameters (drizzle's
// error message contains both, and the parameters hold personal data and secret hashes).

interface PgErrorFields {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  table?: string;
  table_name?: string;
}

/** The driver's own error (PGlite and postgres.js), under drizzle's DrizzleQueryError wrapper. */
function driverError(error: unknown): PgErrorFields | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const fields = e as PgErrorFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    e = fields.cause;
  }
  return null;
}

const KINDS: Record<string, string> = {
  '23505': 'a duplicate of a stored record (unique constraint',
  '23503': 'a reference to a missing record (foreign key',
  '23514': 'a value the database does not accept (check constraint',
  '23502': 'a missing value (not-null constraint',
};

export function describeDatabaseError(error: unknown): string {
  const pg = driverError(error);
  if (!pg?.code) return 'the database refused the import (unexpected error; nothing was written)';
  const constraint = pg.constraint ?? pg.constraint_name;
  const table = pg.table ?? pg.table_name;
  const kind = KINDS[pg.code];
  const where = table ? ` in table "${table}"` : '';
  if (kind) return `the database refused ${kind}${constraint ? ` "${constraint}"` : ''})${where}; nothing was written`;
  return `the database refused the import (error ${pg.code})${where}; nothing was written`;
}
