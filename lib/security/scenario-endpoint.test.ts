// When the test-only scenario endpoint may exist at all.
import { describe, expect, it } from 'vitest';
import { describeScenarioRefusal } from '../../test/support/scenario-refusal';
import { COMMITTED_E2E_SCENARIO_TOKEN, scenarioEndpointVerdict, type ScenarioEndpointEnv } from './scenario-endpoint';

const TOKEN = 'a-token-generated-for-this-run-0123456789';
const testServer: ScenarioEndpointEnv = { NODE_ENV: 'production', HOSTNAME: '127.0.0.1', E2E_SCENARIO_TOKEN: TOKEN };

describe('scenarioEndpointVerdict', () => {
  const cases: [label: string, env: ScenarioEndpointEnv, expected: string][] = [
    ['the e2e server: production build, PGlite, loopback, a generated token', testServer, 'enabled'],
    ['development on localhost', { NODE_ENV: 'development', HOSTNAME: 'localhost', E2E_SCENARIO_TOKEN: TOKEN }, 'enabled'],
    ['IPv6 loopback', { ...testServer, HOSTNAME: '::1' }, 'enabled'],
    ['IPv6 loopback in brackets', { ...testServer, HOSTNAME: '[::1]' }, 'enabled'],
    ['a test database in development', { NODE_ENV: 'development', DATABASE_URL: 'postgres://localhost/test', HOSTNAME: '127.0.0.1', E2E_SCENARIO_TOKEN: TOKEN }, 'enabled'],
    ['no token', { ...testServer, E2E_SCENARIO_TOKEN: undefined }, 'no_token'],
    ['an empty token', { ...testServer, E2E_SCENARIO_TOKEN: '' }, 'no_token'],
    ['a short token', { ...testServer, E2E_SCENARIO_TOKEN: 'short' }, 'short_token'],
    ['the token committed for e2e', { ...testServer, E2E_SCENARIO_TOKEN: COMMITTED_E2E_SCENARIO_TOKEN }, 'committed_token'],
    ['production with DATABASE_URL', { ...testServer, DATABASE_URL: 'postgres://db.example/mijnbib' }, 'production_database'],
    ['production with DATABASE_URL, even on loopback in development terms', { ...testServer, NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1/x' }, 'production_database'],
    ['listening on every interface', { ...testServer, HOSTNAME: '0.0.0.0' }, 'not_loopback'],
    ['listening on every IPv6 interface', { ...testServer, HOSTNAME: '::' }, 'not_loopback'],
    ['a container hostname', { ...testServer, HOSTNAME: 'web-7f9c' }, 'not_loopback'],
    ['a public address', { ...testServer, HOSTNAME: '203.0.113.5' }, 'not_loopback'],
    ['HOSTNAME unset (the default is 0.0.0.0)', { ...testServer, HOSTNAME: undefined }, 'not_loopback'],
    ['a loopback-looking name', { ...testServer, HOSTNAME: 'localhost.evil.example' }, 'not_loopback'],
  ];
  it.each(cases)('%s', (_label, env, expected) => {
    const verdict = scenarioEndpointVerdict(env);
    expect(verdict.enabled ? 'enabled' : verdict.reason).toBe(expected);
    if (!verdict.enabled) expect(describeScenarioRefusal(verdict.reason)).toMatch(/\w/);
  });
});
