// `npm run db:seed`: the demo network (idempotent).
// `npm run db:seed -- --scale N [--chunk-size 5000]`: the demo plus the scale network of N patrons
// and the bench account, bulk-loaded (db/seed/scale-bulk.ts); a database that already holds the N
// patrons is left as it is (the bench reuses a loaded database). `--today YYYY-MM-DD` pins the date every relative date derives from
// (default: today in Europe/Brussels). Opens the configured database (DATABASE_URL, else PGlite in
// PGLITE_DIR), migrates it, seeds, prints a summary, and always closes the database.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isValidIsoDate, todayInBrussels } from '../../lib/domain/dates';
import { configuredDbOptions, DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError, openDb, type DbHandle } from '../client';
import { migrate } from '../migrate';
import { DEMO_ACCOUNTS, DEMO_ACTIVATIONS, DEMO_PASSWORD, seedDemo } from './demo';
import { BENCH_ACCOUNT } from './scale';
import { loadScaleNetwork } from './scale-bulk';

const argsSchema = z.object({
  scale: z.coerce.number().int().min(0).max(2_000_000).optional(),
  today: z
    .string()
    .refine(isValidIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
    .optional(),
  'chunk-size': z.coerce.number().int().min(1).max(100_000).default(5000),
});

function parseCli(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scale: { type: 'string' }, today: { type: 'string' }, 'chunk-size': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  return parsed.data;
}

function fail(message: string): never {
  console.error(`${message}\nUsage: npm run db:seed [-- --scale N] [--today YYYY-MM-DD] [--chunk-size N]`);
  process.exit(2);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const args = parseCli(process.argv.slice(2));
const today = args.today ?? todayInBrussels(new Date());
const started = Date.now();
let handle: DbHandle;
try {
  handle = await openDb(configuredDbOptions());
} catch (error) {
  // One process owns a PGlite directory: the embedded database is open in another process (the portal); no stack trace.
  console.error(DatabaseInUseError.is(error) ? error.message : `seed failed: ${(error as Error).message ?? String(error)}`);
  process.exit(DatabaseInUseError.is(error) ? DATABASE_IN_USE_EXIT_CODE : 1);
}
let exitCode = 0;
try {
  await migrate(handle);
  console.log(`Database: ${handle.driver}; today: ${today}`);

  let t = Date.now();
  const demo = await seedDemo(handle.db, { today });
  const changed = Object.values(demo.counts).reduce((sum, c) => sum + c.inserted + c.updated, 0);
  console.log(
    `Demo network: ${changed} rows written (0 when already seeded today)` +
      (demo.removed.loans + demo.removed.reservations + demo.removed.fees > 0
        ? `, ${demo.removed.loans} loans/${demo.removed.reservations} reservations/${demo.removed.fees} fees of an earlier day removed`
        : '') +
      ` in ${seconds(Date.now() - t)}`,
  );
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  for (const a of DEMO_ACTIVATIONS) console.log(`  ${a.purpose} at ${a.libraryName}: card ${a.cardNumber}, PIN ${a.pin}`);

  if (args.scale !== undefined) {
    const n = args.scale;
    t = Date.now();
    let shown = 0;
    const result = await loadScaleNetwork(handle, n, today, {
      chunkSize: args['chunk-size'],
      onChunk: (done) => {
        if (done - shown >= 50_000 || done === n) {
          shown = done;
          console.log(`  ${done} patrons generated and copied (${seconds(Date.now() - t)})`);
        }
      },
    });
    const c = result.counts;
    const s = result.seconds;
    console.log(
      result.skipped
        ? `Scale network: the database already holds its ${n} patrons; kept as it is (skeleton re-imported in ${seconds(s.skeleton * 1000)}).`
        : `Scale network: ${n} patrons (+${BENCH_ACCOUNT.patrons.length} bench records), ${c.titles} generated titles, ${c.items} items, ` +
            `${c.loans} loans, ${c.reservations} reservations, ${c.fees} fees in ${seconds(Date.now() - t)} ` +
            `(skeleton ${s.skeleton.toFixed(1)} s, rows ${s.rows.toFixed(1)} s, indexes and keys ${s.indexes.toFixed(1)} s, analyze ${s.analyze.toFixed(1)} s).`,
    );
    console.log(`Bench account: ${BENCH_ACCOUNT.username} / ${BENCH_ACCOUNT.password}`);
  }
  console.log(`Done in ${seconds(Date.now() - started)}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exitCode = exitCode;
