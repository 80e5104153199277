// Why the scenario endpoint is refused, in words for the e2e runner's start-up message
// (e2e/support/config.ts); the verdict itself is lib/security/scenario-endpoint.ts.
import { MIN_SCENARIO_TOKEN_LENGTH, type ScenarioEndpointVerdict } from '../../lib/security/scenario-endpoint';

export function describeScenarioRefusal(reason: Exclude<ScenarioEndpointVerdict, { enabled: true }>['reason']): string {
  switch (reason) {
    case 'no_token':
      return 'E2E_SCENARIO_TOKEN is not set (playwright.config.ts generates one per run).';
    case 'short_token':
      return `E2E_SCENARIO_TOKEN is shorter than ${MIN_SCENARIO_TOKEN_LENGTH} characters.`;
    case 'committed_token':
      return 'E2E_SCENARIO_TOKEN is the value committed to the repository, which anyone can read: generate one per run.';
    case 'production_database':
      return 'NODE_ENV is production and DATABASE_URL is set: the scenario endpoint never exists next to a real database.';
    case 'not_loopback':
      return 'HOSTNAME is not 127.0.0.1, ::1 or localhost: the scenario endpoint exists only on a server that listens on loopback.';
  }
}
