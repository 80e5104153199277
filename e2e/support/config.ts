// Fixed settings of the e2e server, shared by playwright.config.ts, scripts/serve-e2e.ts and the
// helpers. Nothing here is a secret: the token and the auth secret exist only on the test server.
/** 3100 unless `E2E_PORT` is set (so that two checkouts can run their e2e suites side by side). */
export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The e2e server's own PGlite directory, wiped at each start. */
export const E2E_PGLITE_DIR = '.data/e2e-pglite';
/** Enables POST /api/test/scenario on the e2e server; sent in the header below. */
export const E2E_SCENARIO_TOKEN = 'e2e-scenario-token-not-a-secret';
export const E2E_SCENARIO_HEADER = 'x-e2e-scenario-token';
export const E2E_AUTH_SECRET = 'e2e-only-nextauth-secret-0123456789abcdef';
/** Where the e2e server writes mails (.eml; no SMTP configured), wiped at each start; e2e/mail-*.spec.ts read them. */
export const E2E_OUTBOX_DIR = '.data/e2e-outbox';
