// Where the e2e server (scripts/serve-e2e.ts) copies everything `next start` prints, wiped at each
// start, so that e2e/logs-clean.spec.ts can check that no secret ever reaches a log line.
export const E2E_SERVER_LOG = '.data/e2e-server.log';
