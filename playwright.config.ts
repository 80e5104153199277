// End-to-end tests against the production build (`next build` once, then `next start`) on the e2e
// server's own fresh PGlite database — see scripts/serve-e2e.ts. Specs build their scenarios with
// the importer (e2e/support/scenario.ts).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL } from './e2e/support/config';

// Debian's Chromium when present (`npx playwright install` cannot download here), else Playwright's.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const systemChromium = existsSync(SYSTEM_CHROMIUM);

// The scenario endpoint's token, new for every run: set here in the runner's main
// process, so the workers and the web server inherit it; a value given from outside (to reuse a
// server started by hand, see scripts/serve-e2e.ts) is kept.
process.env.E2E_SCENARIO_TOKEN ||= randomBytes(24).toString('base64url');

const launchOptions = {
  ...(systemChromium ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};
const NO_JAVASCRIPT_SPEC = /no-javascript\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores, one server: a couple of workers is plenty.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'nl-BE',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: NO_JAVASCRIPT_SPEC,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // No secret in a URL: the forms as a browser sends them before (or without) the page's scripts.
      name: 'no-javascript',
      testMatch: NO_JAVASCRIPT_SPEC,
      use: { ...devices['Desktop Chrome'], launchOptions, javaScriptEnabled: false },
    },
  ],
  webServer: {
    // Build once, then serve the build on port 3100 with a wiped .data/e2e-pglite.
    command: 'npm run build && npx tsx scripts/serve-e2e.ts',
    url: `${E2E_BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    // The build alone takes 1–2 minutes on two cores.
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM first so next exits cleanly; Playwright falls back to SIGKILL on the group.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
