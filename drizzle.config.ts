import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: migrations are written from the schema and committed.
// Applying them is db/migrate.ts's job, for both drivers.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
