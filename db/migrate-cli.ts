// `npm run db:migrate`: applies the migrations to the configured database. Exit status 75 when
// the embedded database is in use by another process (db/pglite-lock.ts), 1 on other failures.
import { configuredDbOptions, DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError, openDb, type DbHandle } from './client';
import { migrate } from './migrate';

let handle: DbHandle | undefined;
try {
  handle = await openDb(configuredDbOptions());
  await migrate(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} catch (error) {
  console.error(DatabaseInUseError.is(error) ? error.message : `migrate failed: ${(error as Error).message ?? String(error)}`);
  process.exitCode = DatabaseInUseError.is(error) ? DATABASE_IN_USE_EXIT_CODE : 1;
} finally {
  await handle?.close();
}
