// `npm start` (and `npm run demo` after `next build`): the production server, ready with no set-up.
//  1. parse the environment (lib/env.ts);
//  2. the session secret: NEXTAUTH_SECRET/AUTH_SECRET, else — refused in production with a real
//     database — one generated once into .data/auth-secret (0600) with a loud warning;
//  3. the PIN pepper: PIN_PEPPER, else — refused in production with a real database — one generated
//     once into .data/pin-pepper;
//  4. open the configured database, migrate, seed the demo network when it has no libraries, CLOSE
//     it (one process owns a PGlite directory);
//  5. the Next.js server (scripts/lib/next-server.ts) as a child in its own process group; SIGINT/SIGTERM go to the whole group; exit
//     with its code.
import { configuredDbOptions } from '../db/client';
import { pepperRequired, pinPepper } from '../lib/auth/pepper';
import { configuredSecret, generatedSecret, GENERATED_SECRET_FILE, secretRequired } from '../lib/auth/secret';
import { env } from '../lib/env';
import { listenAddress, prepareDatabase, runNextStart } from './lib/server';

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  fail((error as Error).message);
}

let address: { port: number; hostname: string };
try {
  address = listenAddress();
} catch (error) {
  fail((error as Error).message);
}

let secret = configuredSecret();
if (!secret) {
  if (secretRequired()) {
    fail(
      'NODE_ENV is production and DATABASE_URL is set, but no NEXTAUTH_SECRET (or AUTH_SECRET) is.\n' +
        '  Refusing to start: sessions would be signed with a secret that other instances do not share.\n' +
        '  Set NEXTAUTH_SECRET to a long random value (e.g. `openssl rand -base64 32`), the same on every instance.',
    );
  }
  try {
    secret = generatedSecret();
  } catch (error) {
    fail((error as Error).message);
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! WARNING: no NEXTAUTH_SECRET set — using a generated development secret from ${GENERATED_SECRET_FILE}.\n` +
      '!! Fine for a demo on this machine. For any real deployment set NEXTAUTH_SECRET.\n' +
      `${bar}\n`,
  );
}

// The PIN pepper, like the session secret: required in production with a real database; otherwise
// generated once into .data before seeding, so that the seed and the server hash with the same one.
if (pepperRequired()) {
  fail(
    'NODE_ENV is production and DATABASE_URL is set, but no PIN_PEPPER is.\n' +
      '  Refusing to start: PIN hashes need a server-side secret shared by every instance and by the importer.\n' +
      '  Set PIN_PEPPER to a long random value (e.g. `openssl rand -base64 32`), and never change or lose it.',
  );
}
pinPepper();

try {
  await prepareDatabase(configuredDbOptions(), { seedWhenEmpty: true });
} catch (error) {
  fail(`Could not prepare the database: ${(error as Error).message}`);
}

console.log(
  `[serve] starting next on http://${address.hostname === '0.0.0.0' ? 'localhost' : address.hostname}:${address.port} ` +
    `(${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.PGLITE_DIR}`})`,
);
runNextStart({
  ...address,
  detached: true,
  env: { ...process.env, NODE_ENV: 'production', NEXTAUTH_SECRET: secret },
});
