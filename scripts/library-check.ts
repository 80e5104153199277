// `npm run library:check -- ISIL`: is a linked library reachable with its configured SIP login, and
// what does its system support? Logs in (93), asks the ACS status (99) and prints what it says;
// with `--patron CARD` also whether that card number is known there (patron status, no PIN).
// Needs no database. Exit code 0 when the library answered, 1 otherwise; credentials are never
// printed.
import { parseArgs } from 'node:util';
import { env } from '../lib/env';
import { loadLibrarySystemsConfig } from '../lib/library-systems/config';
import { LibraryUnavailableError } from '../lib/library-systems/port';
import { Sip2LibrarySystem } from '../lib/library-systems/sip2-adapter';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { patron: { type: 'string' } } });
const isil = positionals[0]?.trim().toUpperCase();
if (!isil) {
  console.error('usage: npm run library:check -- ISIL [--patron CARD]');
  process.exit(2);
}

const e = env();
const config = loadLibrarySystemsConfig({ file: e.LIBRARY_SYSTEMS_FILE, inline: e.LIBRARY_SYSTEMS });
const endpoint = config.libraries[isil];
if (!endpoint) {
  const linked = Object.keys(config.libraries);
  console.error(`${isil} is not linked (linked: ${linked.length ? linked.join(', ') : 'none'}). See docs/library-systems.md.`);
  process.exit(1);
}

console.log(`${isil}: ${endpoint.protocol} ${endpoint.host}:${endpoint.port}${endpoint.tls ? ' (TLS)' : ''}, institution ${endpoint.institutionId}, login ${endpoint.login.user}, timeout ${endpoint.timeoutMs} ms`);
const system = new Sip2LibrarySystem(isil, endpoint);
let exitCode = 0;
try {
  const started = Date.now();
  const d = await system.describe();
  console.log(`  logged in and answered in ${Date.now() - started} ms: ${d.protocol}, ${d.online ? 'online' : 'OFFLINE'}`);
  console.log(`  institution: ${d.institutionId ?? '(not given)'}`);
  console.log(`  supports: ${d.supported.length ? d.supported.join(', ') : '(the system does not say)'}`);
  const needed = ['patronInformation', 'itemInformation', 'renew', 'hold', 'patronStatusRequest'];
  const missing = d.supported.length ? needed.filter((n) => !d.supported.includes(n)) : [];
  if (missing.length) console.log(`  MISSING for the portal: ${missing.join(', ')}`);
  for (const m of d.screenMessages) console.log(`  says: ${m}`);
  if (values.patron) {
    const pin = await system.checkPin(values.patron, '');
    console.log(`  card ${values.patron.slice(-4).padStart(values.patron.length, '•')}: ${pin.patronKnown ? 'known' : 'NOT known'} to the system`);
  }
  if (!d.online || missing.length) exitCode = 1;
} catch (error) {
  if (!LibraryUnavailableError.is(error)) throw error;
  const cause = error.cause instanceof Error ? `${error.reason}: ${error.cause.message}` : error.reason;
  console.error(`  cannot be reached: ${cause}`);
  exitCode = 1;
} finally {
  await system.close();
}
process.exit(exitCode);
