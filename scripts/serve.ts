// `npm start` (and `npm run demo` after `next build`): the production server, ready with no set-up.
//  1. parse the environment (lib/env.ts);
//  2.–3. the session secret and the PIN pepper (scripts/lib/secrets.ts): configured, else — refused
//     in production with a real database — generated once into .data with a loud warning;
//  4. open the configured database, migrate, seed the demo network when it has no libraries, CLOSE
//     it (one process owns a PGlite directory);
//  5. the Next.js server (scripts/lib/next-server.ts) as a child in its own process group; SIGINT/SIGTERM go to the whole group; exit
//     with its code.
import { configuredDbOptions, DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError } from '../db/client';
import { env } from '../lib/env';
import { prepareSecrets } from './lib/secrets';
import { listenAddress, prepareDatabase, runNextStart } from './lib/server';

function fail(message: string, code = 1): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(code);
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

let secret: string;
try {
  secret = prepareSecrets();
} catch (error) {
  fail((error as Error).message);
}

try {
  await prepareDatabase(configuredDbOptions(), { seedWhenEmpty: true });
} catch (error) {
  // One process owns a PGlite directory: another process (an import, a second portal) holds the embedded database.
  if (DatabaseInUseError.is(error)) fail(error.message, DATABASE_IN_USE_EXIT_CODE);
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
