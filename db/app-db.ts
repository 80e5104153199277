// The app's own database (getDb) for the two test-only route handlers under app/api/test: the e2e
// server owns its PGlite directory, so these are how a spec imports a scenario or exports changes.
// Here rather than in app/, which never opens the database itself.
import { getDb } from './client';
import { exportChanges, type ExportOptions } from './export/export-changes';
import { importNetwork, type ImportOptions } from './import/import-network';

/** Imports a network@1 document into the app's database (db/import). */
export async function importIntoAppDb(document: unknown, options: ImportOptions = {}) {
  return importNetwork(await getDb(), document, options);
}

/** A library's unconfirmed portal changes from the app's database, as a changes@1 document (db/export). */
export async function exportChangesFromAppDb(options: ExportOptions) {
  return exportChanges(await getDb(), options);
}
