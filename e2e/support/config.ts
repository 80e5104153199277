// Settings of the e2e server, shared by playwright.config.ts, scripts/serve-e2e.ts and the
// helpers. Nothing here is a secret: the auth secret exists only on the test server, and the
// scenario token is generated per run (playwright.config.ts) and read from the environment.
import { COMMITTED_E2E_SCENARIO_TOKEN, scenarioEndpointVerdict } from '../../lib/security/scenario-endpoint';
import { describeScenarioRefusal } from '../../test/support/scenario-refusal';
/** 3100 unless `E2E_PORT` is set (so that two checkouts can run their e2e suites side by side). */
export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The e2e server's own PGlite directory, wiped at each start. */
export const E2E_PGLITE_DIR = '.data/e2e-pglite';
/**
 * The value once committed here as the scenario token. It is public, so the endpoint refuses it
 * (lib/security/scenario-endpoint.ts); it stays only so that tests can show that it is refused.
 */
export const E2E_SCENARIO_TOKEN_COMMITTED = COMMITTED_E2E_SCENARIO_TOKEN;
/** Where the e2e server listens: loopback only (the scenario endpoint exists nowhere else). */
export const E2E_HOSTNAME = '127.0.0.1';

/**
 * This run's scenario token: E2E_SCENARIO_TOKEN from the environment, which playwright.config.ts
 * generates when unset (its workers and web server inherit it). Throws when it is missing or
 * would not enable the endpoint, so a mistake shows up as one clear message.
 */
export function e2eScenarioToken(): string {
  const verdict = scenarioEndpointVerdict({ NODE_ENV: 'production', HOSTNAME: E2E_HOSTNAME, E2E_SCENARIO_TOKEN: process.env.E2E_SCENARIO_TOKEN });
  if (!verdict.enabled) throw new Error(`[e2e] ${describeScenarioRefusal(verdict.reason)}`);
  return verdict.token;
}
export const E2E_SCENARIO_HEADER = 'x-e2e-scenario-token';
export const E2E_AUTH_SECRET = 'e2e-only-nextauth-secret-0123456789abcdef';
/** Where the e2e server writes mails (.eml; no SMTP configured), wiped at each start; e2e/mail-*.spec.ts read them. */
export const E2E_OUTBOX_DIR = '.data/e2e-outbox';
/**
 * Where the e2e server expects the reference SIP2 server that links library BE-REF01:
 * e2e/library-link.spec.ts starts and stops it there; the other specs never touch that library.
 */
export const E2E_SIP2_PORT = Number(process.env.E2E_SIP2_PORT) || E2E_PORT + 2900;
/** The e2e server's library systems configuration, written at each start. */
export const E2E_LIBRARY_SYSTEMS_FILE = '.data/e2e-library-systems.json';
