import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects, so that pure tests run without starting a database:
//  - `unit`: every test but `*.db.test.ts`; no global set-up (`npm run test:unit`);
//  - `db`:   the `*.db.test.ts` files — integration tests on fresh databases (test/db.ts), with
//            test/global-setup.ts migrating the PGlite (and, with TEST_DATABASE_URL, PostgreSQL) template.
// `vitest run` runs both. Aliases, timeouts, the worker cap and the PIN pepper apply to both.
const exclude = ['node_modules/**', 'e2e/**', '.next/**', '.data/**', 'bench/**'];
const dbTests = ['**/*.db.test.ts', '**/*.db.test.tsx'];

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside the react-server condition; tests import the data layer directly.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
    },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite runs in-process, so more workers mostly contend.
    maxWorkers: 2,
    // The PIN pepper (lib/auth/pepper.ts) is fixed for tests rather than generated into .data.
    env: { PIN_PEPPER: 'test-only-pin-pepper-0123456789abcdef' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...exclude, ...dbTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: dbTests,
          exclude,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
