// `npm run demo:sip2` (after `next build`): the portal with one library linked to a real SIP2
// server, on this machine, in one command:
//  1. the environment, the session secret and the PIN pepper, as `npm start` does;
//  2. the reference SIP2 server (../shared/sip2-reference-server) on 127.0.0.1:6001, or a free port
//     when 6001 is taken, in its own process group;
//  3. .data/library-systems.demo.json linking "Bibliotheek Referentie" (BE-REF01) to it;
//  4. the database: migrated, the demo network seeded when empty, then the reference-library
//     scenario (db/seed/reference-library.ts) imported with BE-REF01 linked (L5: no PIN kept);
//  5. two of the sample items lent to djfiander over SIP (message 11), as a desk would, so that the
//     portal has loans to show and renew; the import carries them too, as the library's export would;
//  6. the portal (scripts/lib/next-server.ts) with LIBRARY_SYSTEMS_FILE set. SIGINT/SIGTERM stop it;
//     the reference server is stopped with it.
// The sample ILS keeps its data in its child process, which dies 60 s after its last message and
// comes back with the sample data (docs/sip2.md): a keep-alive asks its status every 40 s.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { configuredDbOptions, openDb } from '../db/client';
import { importNetwork } from '../db/import/import-network';
import { migrate } from '../db/migrate';
import { LINKED_ISIL, LINKED_PASSWORD, SAMPLE_ITEMS, linkedLibraryConfig, linkedLibraryScenario } from '../db/seed/reference-library';
import { todayInBrussels } from '../lib/domain/dates';
import { env } from '../lib/env';
import { sipDueDate } from '../lib/library-systems/sip2-adapter';
import { prepareSecrets } from './lib/secrets';
import { listenAddress, prepareDatabase, runNextStart } from './lib/server';
import { choosePort, referenceClient, startReferenceServer, type RunningReferenceServer } from './lib/sip2-reference';

const CONFIG_FILE = '.data/library-systems.demo.json';
/** Below the sample ILS's 60 s: each status request re-arms its child's alarm. */
const KEEP_ALIVE_MS = 40_000;

let reference: RunningReferenceServer | null = null;

async function fail(message: string): Promise<never> {
  console.error(`\n✖ ${message}\n`);
  await reference?.stop().catch(() => {});
  process.exit(1);
}

let config: ReturnType<typeof env>;
let address: { port: number; hostname: string };
let secret: string;
try {
  config = env();
  address = listenAddress();
  secret = prepareSecrets();
} catch (error) {
  await fail((error as Error).message);
}
if (config!.DATABASE_URL && config!.NODE_ENV === 'production') {
  await fail('DATABASE_URL is set with NODE_ENV=production: the SIP2 demo imports sample data; run it on the embedded database.');
}

const today = todayInBrussels(new Date());

// Until the portal runs (runNextStart then forwards the signals), Ctrl-C must not leave the SIP2
// server behind: a signal without a handler ends Node without running its 'exit' hooks.
const stopEarly = () => void fail('interrupted');
process.once('SIGINT', stopEarly);
process.once('SIGTERM', stopEarly);

try {
  const port = await choosePort(6001);
  console.log(`[demo:sip2] starting the reference SIP2 server on 127.0.0.1:${port} (the first start may install Perl modules)`);
  reference = await startReferenceServer(port);
  console.log(`[demo:sip2] reference SIP2 server ready (process group ${reference.pgid})`);
} catch (error) {
  await fail(`Could not start the reference SIP2 server: ${(error as Error).message}`);
}
const sip = reference!;

// Short idle timeout: the reference server serves one connection at a time, so the portal lets go
// of it soon after each piece of work and the keep-alive (or a desk) gets its turn.
const systemsConfig = linkedLibraryConfig(sip.port, 10_000, 5_000);
const configPath = path.resolve(CONFIG_FILE);
writeFileSync(configPath, `${JSON.stringify(systemsConfig, null, 2)}\n`, { mode: 0o600 });
console.log(`[demo:sip2] wrote ${CONFIG_FILE}: ${LINKED_ISIL} → sip2 127.0.0.1:${sip.port}`);

// The desk lends two sample items to djfiander; their due dates go into the import, as a library's
// export would carry them.
const linkedLoans: { item: string; patron: 'david'; dueOn: string }[] = [];
{
  const desk = referenceClient(sip.host, sip.port);
  try {
    for (const item of [SAMPLE_ITEMS.perl, SAMPLE_ITEMS.alibi]) {
      const answer = await desk.checkout('djfiander', item);
      const dueOn = sipDueDate(answer.dueDate);
      if (!answer.ok || !dueOn) await fail(`the reference server did not lend ${item}: ${answer.screenMessages.join(' ') || 'no message'}`);
      linkedLoans.push({ item, patron: 'david', dueOn: dueOn! });
    }
  } catch (error) {
    await fail(`Lending the sample items failed: ${(error as Error).message}`);
  } finally {
    await desk.close();
  }
  console.log(`[demo:sip2] lent ${linkedLoans.map((l) => `${l.item} (due ${l.dueOn})`).join(', ')} to djfiander over SIP`);
}

try {
  await prepareDatabase(configuredDbOptions(), { seedWhenEmpty: true });
  const handle = await openDb(configuredDbOptions());
  try {
    await migrate(handle);
    const result = await importNetwork(handle.db, linkedLibraryScenario({ today, linkedLoans }), { today, linkedIsils: [LINKED_ISIL] });
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    console.log(`[db] reference-library scenario imported (${LINKED_ISIL} linked, BE-IMP01 import-only)`);
  } finally {
    await handle.close();
  }
} catch (error) {
  await fail(`Could not prepare the database: ${(error as Error).message}`);
}

// Keep the sample ILS's child alive; a missed beat only means it may restart with its sample data.
const keepAlive = setInterval(() => {
  const client = referenceClient(sip.host, sip.port, 20_000);
  client
    .scStatus()
    .catch((error: unknown) => console.warn(`[demo:sip2] keep-alive to the reference server failed: ${(error as Error).message}`))
    .finally(() => void client.close().catch(() => {}));
}, KEEP_ALIVE_MS);

const shown = address!.hostname === '0.0.0.0' ? 'localhost' : address!.hostname;
console.log(
  `\n[demo:sip2] Sign in at http://${shown}:${address!.port}/login as david.fiander / ${LINKED_PASSWORD}\n` +
    `[demo:sip2] "Bibliotheek Referentie" is linked to the reference SIP2 server: renewals go to it, the card refreshes from it.\n` +
    `[demo:sip2] Its sample data is in memory: a restart of its child process (docs/sip2.md) forgets the loans.\n` +
    `[demo:sip2] The demo network's accounts work as with \`npm run demo\`. Ctrl-C stops the portal and the SIP2 server.\n`,
);

process.off('SIGINT', stopEarly);
process.off('SIGTERM', stopEarly);
runNextStart({
  ...address!,
  detached: true,
  env: { ...process.env, NODE_ENV: 'production', NEXTAUTH_SECRET: secret!, LIBRARY_SYSTEMS_FILE: configPath, LIBRARY_SYSTEMS: '' },
  beforeExit: async () => {
    clearInterval(keepAlive);
    console.log('[demo:sip2] stopping the reference SIP2 server');
    await sip.stop();
  },
});
