// Playwright's web server (playwright.config.ts runs it after `npm run build`): the production
// build on its OWN, freshly wiped embedded database, so tests never touch a developer's data or a
// real PostgreSQL:
//  - PGLITE_DIR=.data/e2e-pglite, wiped at every start; DATABASE_URL is ignored (removed);
//  - migrated and seeded with the demo network, then closed before the Next.js server (scripts/lib/next-server.ts) opens it;
//  - a fixed test NEXTAUTH_SECRET, and this run's E2E_SCENARIO_TOKEN from the environment
//    (playwright.config.ts generates it; when you start this script yourself, export the same
//    value to the Playwright run), which enables the scenario import endpoint
//    (app/api/test/scenario/route.ts) that e2e/support/scenario.ts posts to. That endpoint
//    answers 404 unless lib/security/scenario-endpoint.ts allows it: a generated token (not the
//    committed one), loopback only, never production with DATABASE_URL.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  E2E_AUTH_SECRET,
  E2E_HOSTNAME,
  E2E_LIBRARY_SYSTEMS_FILE,
  E2E_OUTBOX_DIR,
  E2E_PGLITE_DIR,
  E2E_PORT,
  E2E_SIP2_PORT,
  e2eScenarioToken,
} from '../e2e/support/config';
import { linkedLibraryConfig } from '../test/scenarios/linked-library';
import { E2E_SERVER_LOG } from '../e2e/support/server-log';
import { prepareDatabase, runNextStart } from './lib/server';

if (process.env.DATABASE_URL) {
  console.warn('[e2e] DATABASE_URL is set; ignoring it — the e2e server always uses its own PGlite directory.');
}
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = E2E_PGLITE_DIR;

let scenarioToken: string;
try {
  scenarioToken = e2eScenarioToken();
} catch (error) {
  console.error(`${(error as Error).message}\n  Start it as: E2E_SCENARIO_TOKEN=$(openssl rand -hex 24) npx tsx scripts/serve-e2e.ts (and give the Playwright run the same value).`);
  process.exit(1);
}

rmSync(path.resolve(E2E_PGLITE_DIR), { recursive: true, force: true });
rmSync(path.resolve(E2E_OUTBOX_DIR), { recursive: true, force: true });
rmSync(path.resolve(E2E_SERVER_LOG), { force: true });
// Library BE-REF01 is linked to the reference SIP2 server that e2e/library-link.spec.ts runs; a
// short idle timeout because that server serves one connection at a time (the spec's desk too).
mkdirSync(path.dirname(path.resolve(E2E_LIBRARY_SYSTEMS_FILE)), { recursive: true });
writeFileSync(path.resolve(E2E_LIBRARY_SYSTEMS_FILE), JSON.stringify(linkedLibraryConfig(E2E_SIP2_PORT, 5_000, 300), null, 2));
await prepareDatabase({ pgliteDir: E2E_PGLITE_DIR }, { seedWhenEmpty: true, log: (line) => console.log(`[e2e]${line}`) });

runNextStart({
  port: E2E_PORT,
  // Loopback only: nobody else needs the test server (and HOSTNAME may be a container's name).
  hostname: E2E_HOSTNAME,
  detached: false,
  // Everything the server prints, also in a file: e2e/logs-clean.spec.ts greps it for secrets.
  logFile: E2E_SERVER_LOG,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PGLITE_DIR: E2E_PGLITE_DIR,
    NEXTAUTH_SECRET: E2E_AUTH_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    E2E_SCENARIO_TOKEN: scenarioToken,
    // The scenario endpoint checks where the server listens (loopback only).
    HOSTNAME: E2E_HOSTNAME,
    // The specs stand in for one trusted proxy: each sets its own X-Forwarded-For (or none: then
    // the socket counts), so that per-client throttles never couple tests. Never a default.
    TRUSTED_PROXY_HOPS: '1',
    // Mails go to .eml files that the mail specs read; their links point at this server.
    SMTP_URL: '',
    OUTBOX_DIR: E2E_OUTBOX_DIR,
    PUBLIC_BASE_URL: `http://127.0.0.1:${E2E_PORT}`,
    LIBRARY_SYSTEMS_FILE: path.resolve(E2E_LIBRARY_SYSTEMS_FILE),
    LIBRARY_SYSTEMS: '',
  },
});
