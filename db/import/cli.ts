// `npm run db:import -- FILE.json`: migrates the configured database, imports the document, and
// prints a summary, or every error as `path: message`. Exit status 0 on success, 1 on errors,
// 2 on wrong usage, 75 when the embedded database is in use by another process (the portal). The database is always closed, or the process would hang on the open handle.
import { env } from '../../lib/env';
import { loadLibrarySystemsConfig } from '../../lib/library-systems/config';
import { configuredDbOptions, DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError, openDb, type DbHandle } from '../client';
import { migrate } from '../migrate';
import { importNetworkFile, type ImportResult } from './import-network';

function summary(result: Extract<ImportResult, { ok: true }>): string {
  const rows = Object.entries(result.counts).map(([table, c]) => {
    const parts = [`${c.inserted} inserted`, `${c.updated} updated`, `${c.unchanged ?? 0} unchanged`];
    if (c.removed) parts.push(`${c.removed} removed`);
    return `  ${table.padEnd(32)} ${parts.join(', ')}`;
  });
  const { confirmed, rejected } = result.portalChanges;
  const changes = `  ${'portal changes'.padEnd(32)} ${confirmed} confirmed, ${rejected} rejected`;
  // What the import did not revert, what breaks a rule (by path), and what to know about the document.
  const kept = result.kept.map((r) => `${r.path}: ${r.message}`);
  const notes = result.notes.map((n) => `note: ${n}`);
  const warnings = result.warnings.map((w) => `warning: ${w.path}: ${w.message}`);
  return ['Imported:', ...rows, changes, ...kept, ...warnings, ...notes].join('\n');
}

async function main(args: string[]): Promise<number> {
  const files = args.filter((a) => a !== '--');
  const file = files[0];
  if (files.length !== 1 || file === undefined) {
    console.error('usage: npm run db:import -- FILE.json');
    return 2;
  }
  // Into PostgreSQL the PINs must be peppered with the servers' PIN_PEPPER: a pepper generated
  // into this machine's .data would make every imported PIN fail on the servers.
  if (env().DATABASE_URL && !env().PIN_PEPPER) {
    console.error('import refused: DATABASE_URL is set but PIN_PEPPER is not; set it to the servers\' PIN_PEPPER.');
    return 2;
  }
  let handle: DbHandle | undefined;
  try {
    handle = await openDb(configuredDbOptions());
    await migrate(handle);
    // L5: the linked libraries check their own PINs; their cards' PINs are not kept.
    const linked = loadLibrarySystemsConfig({ file: env().LIBRARY_SYSTEMS_FILE, inline: env().LIBRARY_SYSTEMS });
    const result = await importNetworkFile(handle.db, file, { linkedIsils: Object.keys(linked.libraries) });
    if (!result.ok) {
      console.error(`${file}: not imported, nothing was changed (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`);
      for (const e of result.errors) console.error(`${e.path}: ${e.message}`);
      return 1;
    }
    console.log(summary(result));
    return 0;
  } catch (error) {
    // The embedded database is open elsewhere: the message says what to do.
    if (DatabaseInUseError.is(error)) {
      console.error(error.message);
      return DATABASE_IN_USE_EXIT_CODE;
    }
    // Opening or migrating failed: say what, without a stack trace.
    console.error(`import failed: ${(error as Error).message ?? String(error)}`);
    return 1;
  } finally {
    await handle?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
