import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: migrations are written from the schema and committed.
// Applying them is db/migrate.ts's job, for both drivers.
export default defineConfig({
  dialect: 'postgresql',
  // One file per area (db/schema.ts only re-exports them for the app's imports).
  schema: './db/schema/*.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
