// Imports a `mijn-bibliotheek/network@1` document: all or nothing (IMPORT_FORMAT "Behaviour").
// The shape is checked first, without the database; then, inside one transaction, the references
// and cross-checks against stored records, and — only when there is no error — the writes. Any
// error inside the transaction rolls everything back.
import { readJsonFile } from '../json-file';
import type { Db } from '../client';
import { describeDatabaseError } from './database-error';
import type { ImportError } from './errors';
import { guestHomeWarnings, type ImportWarning } from './guest-warnings';
import { checkNetworkDocument, parseNetworkDocument } from './validate';
import type { KeptRecord } from './portal-changes';
import { emptyWriteReport, writeNetwork, type TableCounts, type WriteProgress } from './write';

export type { ImportError } from './errors';
export type { KeptRecord } from './portal-changes';
export type { ImportWarning } from './guest-warnings';

export type ImportResult =
  | {
      ok: true;
      counts: Record<string, { inserted: number; updated: number; unchanged?: number; removed?: number }>;
      /**
       * Records whose portal change the import did not revert, each with its JSON path
       * (`loans[3]`) and why; an existing account whose document values differ.
       */
      kept: KeptRecord[];
      /** What the reader should know about the whole document, e.g. that it has no `exportedAt`. */
      notes: string[];
      /**
       * Records imported as they are but that break a rule the library should look into, each with
       * its JSON path: a guest membership registered while the home membership was not valid (R12).
       */
      warnings: ImportWarning[];
      /** Portal changes this import confirmed (the document shows them) or rejected (the library's fact won). */
      portalChanges: { confirmed: number; rejected: number };
    }
  | { ok: false; errors: ImportError[] };

export interface ImportOptions {
  /**
   * The date the import runs on (`YYYY-MM-DD`). Format @1 has no rule that depends on it yet;
   * it is accepted so that callers (tests, the seed) can pin it once such a rule appears.
   */
  today?: string;
  /**
   * ISILs of the linked libraries (L5): their system checks card + PIN, so a PIN the
   * document carries for one of their cards is not kept (any stored one is dropped).
   */
  linkedIsils?: readonly string[];
}

/** Thrown inside the transaction to roll it back when validation finds errors. */
class Refused extends Error {
  constructor(readonly errors: ImportError[]) {
    super('import refused');
  }
}

export async function importNetwork(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const shape = parseNetworkDocument(input);
  if (!shape.ok) return shape;
  const progress: WriteProgress = { section: '' };
  const report = emptyWriteReport();
  try {
    const counts: TableCounts = await db.transaction(async (tx) => {
      // Checked in the writer's transaction: what is stored cannot change between check and write.
      const errors = await checkNetworkDocument(tx, shape.doc);
      if (errors.length > 0) throw new Refused(errors);
      const linked = new Set((options.linkedIsils ?? []).map((i) => i.toUpperCase()));
      return writeNetwork(tx, shape.doc, progress, linked, report);
    });
    return { ok: true, counts, kept: report.kept, notes: report.notes, warnings: guestHomeWarnings(shape.doc), portalChanges: report.portalChanges };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors };
    return { ok: false, errors: [{ path: progress.section || '(document)', message: describeDatabaseError(error) }] };
  }
}

/** Reads and imports a JSON file; an unreadable file or broken JSON is an error like any other. */
export async function importNetworkFile(db: Db, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readJsonFile(file);
  if (!read.ok) return read;
  return importNetwork(db, read.input, options);
}
