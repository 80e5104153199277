// Read replicas end to end (docs/operations.md, "Read replicas"): the production build served by a
// server of its own with DATABASE_URL on a primary and DATABASE_REPLICA_URL on a streaming replica
// made for this spec (test/support/replica-server.ts: pg_createcluster + pg_basebackup -R, dropped
// after). With the replica's replay paused, the patron renews: the new due date shows at once and
// after a reload (read-your-writes: their reads go to the primary until the replica replays the
// write), while another browser of the same account — no pending write — still reads the paused
// replica's old date; resumed, that browser catches up.
import { addDays, todayInBrussels } from '../lib/domain/dates';
import { RENEW_PASSWORD, RENEW_TITLES, renewScenario, renewScenarioSlugs, renewScenarioUsers } from '../test/scenarios/renew-loans';
import { startReplicaServer, type ReplicaServer } from '../test/support/replica-server';
import { E2E_AUTH_SECRET, E2E_PORT } from './support/config';
import { expect, test } from './support/fixtures';
import { signIn } from './support/sign-in';

/** Beside the suite's server (E2E_PORT), like E2E_SIP2_PORT: two checkouts side by side do not meet. */
const REPLICA_E2E_PORT = E2E_PORT + 7;
const BASE = `http://127.0.0.1:${REPLICA_E2E_PORT}`;

test.use({ baseURL: BASE });
// Making two clusters and starting a server takes a while on two busy cores.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: ReplicaServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startReplicaServer({
    port: REPLICA_E2E_PORT,
    env: {
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: E2E_AUTH_SECRET,
      NEXTAUTH_URL: BASE,
      HOSTNAME: '127.0.0.1',
      TRUSTED_PROXY_HOPS: '1',
      SMTP_URL: '',
      OUTBOX_DIR: '.data/e2e-replica-outbox',
      // A busy machine must not turn the other browser's replica read into a fallback to the primary.
      DATABASE_REPLICA_TIMEOUT_MS: '15000',
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
});

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${iso}T12:00:00Z`));

test('renewing with the replica paused shows the new due date at once; another browser reads the replica until it catches up', async ({ page, browser, checkA11y }) => {
  const suffix = `RP${Math.random().toString(36).slice(2, 5).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
  const today = todayInBrussels(new Date());
  await server.importNetwork(renewScenario({ today, suffix, kinds: ['renewable'] }));
  const username = renewScenarioUsers({ suffix }).an;
  const loansPath = `/cards/${renewScenarioSlugs({ suffix }).region}/loans`;
  const title = RENEW_TITLES.renewable;
  const newDue = longDate(addDays(today, 28));
  const dueCell = (p: typeof page) => p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: new RegExp(`^${title}`) }) }).getByRole('cell').nth(2);

  await signIn(page, username, RENEW_PASSWORD);
  await page.goto(loansPath);
  const oldDue = (await dueCell(page).textContent())!;
  expect(oldDue).not.toContain(newDue);

  // A second browser of the same account: it made no write, so it reads the replica.
  const other = await browser.newContext({ baseURL: BASE, locale: 'nl-BE' });
  const otherPage = await other.newPage();
  await signIn(otherPage, username, RENEW_PASSWORD);

  // Both sign-ins (writes: their browsers wait for their own LSN) replayed before the replica stands still.
  await server.pair.waitForReplay();
  await server.pair.pauseReplay();
  try {
    await page.getByRole('button', { name: 'Alles verlengen' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('1 verlengd, 0 niet verlengd');
    // The page's data after the action (router.refresh) and after a reload: from the primary.
    await expect(dueCell(page)).toContainText(newDue);
    await page.reload();
    await expect(dueCell(page)).toContainText(newDue);
    await checkA11y({ label: 'loans after renewing, read from the primary' });

    // The replica stands still: the other browser still sees the old date.
    await otherPage.goto(loansPath);
    await expect(dueCell(otherPage)).toHaveText(oldDue);
  } finally {
    await server.pair.resumeReplay();
  }
  await server.pair.waitForReplay();
  await otherPage.reload();
  await expect(dueCell(otherPage)).toContainText(newDue);
  await checkA11y({ page: otherPage, label: 'loans read from the replica' });
  await other.close();
});
