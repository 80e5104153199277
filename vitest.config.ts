import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside the react-server condition; tests import the data layer directly.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.data/**', 'bench/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite runs in-process, so more workers mostly contend.
    maxWorkers: 2,
    // The PIN pepper (lib/auth/pepper.ts) is fixed for tests rather than generated into .data.
    env: { PIN_PEPPER: 'test-only-pin-pepper-0123456789abcdef' },
  },
});
