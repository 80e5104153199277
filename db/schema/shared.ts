// What the schema's areas share: the check for an enum column and the column shapes that recur.
// Each helper is exactly the drizzle column it stands for, so the SQL is the same either way.
import { sql } from 'drizzle-orm';
import { date, integer, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** `<column> in ('a', 'b', …)`, the check that keeps an enum column to its values. */
export const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** A calendar day, read and written as `YYYY-MM-DD` on both drivers. */
export const day = () => date({ mode: 'string' });

/** A point in time: `timestamp with time zone`. */
export const instant = () => timestamp({ withTimezone: true });

/** A point in time that defaults to the moment the row is written. */
export const instantNow = () => instant().notNull().defaultNow();

/** A required reference: `integer not null references <column>`. */
export const refTo = (column: () => AnyPgColumn) => integer().notNull().references(column);
