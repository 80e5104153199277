// `npm run db:migrate`: applies the migrations to the configured database.
import { configuredDbOptions, openDb } from './client';
import { migrate } from './migrate';

const handle = await openDb(configuredDbOptions());
try {
  await migrate(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
