// `--ack`: a library hands back a changes@1 document it has applied, and the portal
// marks those changes confirmed (status 'confirmed', resolved by 'ack', now). Only changes that
// are still unconfirmed and belong to the document's library are touched; each listed change must
// also still be the one exported (same kind and moment), so a document of another portal database
// whose ids happen to exist confirms nothing; when none of the listed changes matches, that is an
// error. The whole document is checked first; the writes are one statement in one transaction.
// Acknowledging twice is harmless: the second time, every change is already settled.
import { readJsonFile } from '../json-file';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../client';
import { rowsOf } from '../rows';
import { ErrorList, fromZodIssues, type ImportError } from '../import/errors';
import { changesDocumentSchema } from './changes-schema';

export type AckError = ImportError;

export type AckResult =
  | {
      ok: true;
      library: string;
      /** Confirmed now. */
      acknowledged: number;
      /** Of this library, but confirmed or rejected before (e.g. by an earlier --ack or an import). */
      alreadySettled: number;
      /** No change of this library with that id, kind and moment. */
      unknown: number;
      unknownIds: number[];
    }
  | { ok: false; errors: AckError[] };

export interface AckOptions {
  /** When given, the document must be for this library (ISIL, ignoring case). */
  library?: string;
}

/**
 * A failure of the database as one line: the driver's own message (drizzle wraps it in a message
 * that repeats the statement and its parameters, which are not for a terminal or a log).
 */
export function databaseFailure(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause !== undefined; depth++) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** `json` columns arrive parsed on one driver and as text on the other. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

async function confirmListed(
  tx: Executor,
  libraryId: number,
  listed: { id: number; kind: string; at: string }[],
): Promise<{ acknowledged: number; matched: number; unknownIds: number[] }> {
  // `at` is written with milliseconds; the stored moment has microseconds: within a millisecond.
  const result = await tx.execute(sql`
    with listed as (
      select distinct on (id) id, kind, at
        from jsonb_to_recordset(${JSON.stringify(listed)}::jsonb) as x(id int, kind text, at timestamptz)
       order by id
    ), matched as (
      select pc.id, pc.status
        from portal_changes pc
        join listed on listed.id = pc.id and listed.kind = pc.kind
       where pc.library_id = ${libraryId}
         and pc.occurred_at > listed.at - interval '1 millisecond'
         and pc.occurred_at < listed.at + interval '1 millisecond'
    ), confirmed as (
      update portal_changes
         set status = 'confirmed', resolved_by = 'ack', resolved_at = now()
       where id in (select id from matched where status = 'unconfirmed')
         and status = 'unconfirmed'
      returning id
    )
    select (select count(*) from confirmed)::int as acknowledged,
           (select count(*) from matched)::int as matched,
           coalesce((select json_agg(id order by id) from listed where id not in (select id from matched)), '[]'::json) as unknown_ids`);
  const row = rowsOf<{ acknowledged: number; matched: number; unknown_ids: unknown }>(result)[0];
  if (!row) throw new Error('the acknowledgement statement returned no row');
  return { acknowledged: Number(row.acknowledged), matched: Number(row.matched), unknownIds: json<number[]>(row.unknown_ids) };
}

/** Confirms the changes a changes@1 document lists; a bad document or library changes nothing. */
export async function ackChanges(db: Db, input: unknown, options: AckOptions = {}): Promise<AckResult> {
  const parsed = changesDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const errors = new ErrorList();
    fromZodIssues(parsed.error.issues, errors);
    return { ok: false, errors: errors.list() };
  }
  const doc = parsed.data;
  if (options.library !== undefined && options.library.toUpperCase() !== doc.library.toUpperCase()) {
    return {
      ok: false,
      errors: [{ path: 'library', message: `the document is for ${doc.library}, not ${options.library}` }],
    };
  }
  try {
    return await db.transaction(async (tx) => {
      const found = rowsOf<{ id: number; isil: string }>(
        await tx.execute(sql`select id, isil from libraries where upper(isil) = upper(${doc.library})`),
      )[0];
      if (!found) {
        return { ok: false, errors: [{ path: 'library', message: `no library with ISIL "${doc.library}"` }] } as const;
      }
      const listed = doc.changes.map((c) => ({ id: c.id, kind: c.kind, at: c.at }));
      const counts = await confirmListed(tx, found.id, listed);
      if (listed.length > 0 && counts.matched === 0) {
        // Nothing matched, so nothing was written: a document of another library or another portal.
        return {
          ok: false,
          errors: [{
            path: 'changes',
            message: `none of the ${listed.length} listed change${listed.length === 1 ? ' is a change' : 's is a change'} of ${found.isil} in this portal (a document of another library or another portal?)`,
          }],
        } as const;
      }
      return {
        ok: true,
        library: found.isil,
        acknowledged: counts.acknowledged,
        alreadySettled: counts.matched - counts.acknowledged,
        unknown: counts.unknownIds.length,
        unknownIds: counts.unknownIds,
      } as const;
    });
  } catch (error) {
    return { ok: false, errors: [{ path: '(database)', message: `${databaseFailure(error)}; nothing was changed` }] };
  }
}

/** Reads a document from a file and acknowledges it; an unreadable file or broken JSON is an error. */
export async function ackChangesFile(db: Db, file: string, options: AckOptions = {}): Promise<AckResult> {
  const read = await readJsonFile(file);
  if (!read.ok) return read;
  return ackChanges(db, read.input, options);
}
