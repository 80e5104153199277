// May the test-only scenario endpoint (app/api/test/scenario) exist in this process?
// It imports whole networks, accounts and passwords included, into the database, so it exists only
// on a test server: a token of its own, listening on loopback only, never production on a real
// database. The e2e run generates its token per run (playwright.config.ts); the value once
// committed to the repository is public and therefore refused. Pure: the environment is a parameter.

/** The token that was committed for e2e: anyone can read it, so it never enables the endpoint. */
export const COMMITTED_E2E_SCENARIO_TOKEN = 'e2e-scenario-token-not-a-secret';

/** Shortest accepted token (lib/env.ts refuses shorter ones at start). */
export const MIN_SCENARIO_TOKEN_LENGTH = 16;

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export interface ScenarioEndpointEnv {
  NODE_ENV?: string;
  DATABASE_URL?: string;
  /** Where the server listens (scripts/lib/server.ts: default 0.0.0.0, i.e. every interface). */
  HOSTNAME?: string;
  E2E_SCENARIO_TOKEN?: string;
}

export type ScenarioEndpointVerdict =
  | { enabled: true; token: string }
  | { enabled: false; reason: 'no_token' | 'short_token' | 'committed_token' | 'production_database' | 'not_loopback' };

export function scenarioEndpointVerdict(e: ScenarioEndpointEnv): ScenarioEndpointVerdict {
  const token = e.E2E_SCENARIO_TOKEN;
  if (!token) return { enabled: false, reason: 'no_token' };
  if (token.length < MIN_SCENARIO_TOKEN_LENGTH) return { enabled: false, reason: 'short_token' };
  if (token === COMMITTED_E2E_SCENARIO_TOKEN) return { enabled: false, reason: 'committed_token' };
  if (e.NODE_ENV === 'production' && e.DATABASE_URL) return { enabled: false, reason: 'production_database' };
  if (!e.HOSTNAME || !LOOPBACK.has(e.HOSTNAME.trim().toLowerCase())) return { enabled: false, reason: 'not_loopback' };
  return { enabled: true, token };
}
