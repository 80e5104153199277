// `npm run db:export-changes -- --library ISIL [--since TIMESTAMP] [--out FILE]` writes the
// library's unconfirmed portal changes as a changes@1 document (docs/changes-format.md) to stdout
// or FILE; `npm run db:export-changes -- --ack FILE [--library ISIL]` confirms the changes of a
// document the library has applied. Exit status 0 on success, 1 on errors (unknown library, a bad
// document, a database failure), 2 on wrong usage. Migrates the configured database first, and
// always closes it, or the process would hang on the open handle.
import { rename, rm, writeFile } from 'node:fs/promises';
import { configuredDbOptions, DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError, openDb, type DbHandle } from '../client';
import { migrate } from '../migrate';
import { ackChangesFile, databaseFailure } from './ack-changes';
import { parseCommand, USAGE, type Command } from './args';
import { exportChanges } from './export-changes';

/** Writes next to the target and renames, so a reader never sees half a document. */
async function writeAtomically(target: string, text: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function run(handle: DbHandle, command: Command): Promise<number> {
  if (command.mode === 'ack') {
    const result = await ackChangesFile(handle.db, command.ack, { library: command.library });
    if (!result.ok) {
      console.error(`${command.ack}: not acknowledged, nothing was changed (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`);
      for (const e of result.errors) console.error(`${e.path}: ${e.message}`);
      return 1;
    }
    console.log(
      `${result.library}: ${result.acknowledged} acknowledged, ${result.alreadySettled} already settled, ${result.unknown} unknown` +
        (result.unknownIds.length > 0 ? ` (ids ${result.unknownIds.join(', ')})` : ''),
    );
    return 0;
  }
  const result = await exportChanges(handle.db, { library: command.library, since: command.since ?? null });
  if (!result.ok) {
    console.error(`export refused: ${result.message}`);
    if (result.reason === 'unexportable') {
      for (const p of result.problems) console.error(`change ${p.id} (${p.kind}): ${p.message}`);
    }
    return 1;
  }
  const text = `${JSON.stringify(result.document, null, 2)}\n`;
  const n = result.document.changes.length;
  const summary = `exported ${n} unconfirmed change${n === 1 ? '' : 's'} of ${result.document.library}`;
  if (command.out) {
    await writeAtomically(command.out, text);
    console.log(`${summary} to ${command.out}`);
  } else {
    process.stdout.write(text);
    console.error(summary); // stdout holds only the document
  }
  return 0;
}

async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args);
  if (!parsed.ok) {
    console.error(parsed.message);
    console.error(USAGE);
    return 2;
  }
  let handle: DbHandle | undefined;
  try {
    handle = await openDb(configuredDbOptions());
    await migrate(handle);
    return await run(handle, parsed.command);
  } catch (error) {
    // The portal runs on this embedded database: say what to do (docs/operations.md).
    if (DatabaseInUseError.is(error)) {
      console.error(error.message);
      return DATABASE_IN_USE_EXIT_CODE;
    }
    // Opening, migrating or writing failed: say what, without a stack trace.
    console.error(`${parsed.command.mode === 'ack' ? 'acknowledgement' : 'export'} failed: ${databaseFailure(error)}`);
    return 1;
  } finally {
    await handle?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
