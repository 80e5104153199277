// `npm run db:seed`: the demo network (idempotent).
// `npm run db:seed -- --scale N [--chunk-size 2000]`: the demo plus the scale network of N patrons
// and the bench account. `--today YYYY-MM-DD` pins the date every relative date derives from
// (default: today in Europe/Brussels). Opens the configured database (DATABASE_URL, else PGlite in
// PGLITE_DIR), migrates it, seeds, prints a summary, and always closes the database.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isValidIsoDate, todayInBrussels } from '../../lib/domain/dates';
import { configuredDbOptions, DATABASE_IN_USE_EXIT_CODE, DatabaseInUseError, openDb, type DbHandle } from '../client';
import { importNetwork } from '../import/import-network';
import { migrate } from '../migrate';
import { DEMO_ACCOUNTS, DEMO_ACTIVATIONS, DEMO_PASSWORD, seedDemo } from './demo';
import { BENCH_ACCOUNT, scaleDocuments } from './scale';

const argsSchema = z.object({
  scale: z.coerce.number().int().min(0).max(1_000_000).optional(),
  today: z
    .string()
    .refine(isValidIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
    .optional(),
  'chunk-size': z.coerce.number().int().min(1).max(100_000).default(2000),
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
    const totals = { patrons: 0, items: 0, loans: 0, reservations: 0, fees: 0 };
    let k = 0;
    t = Date.now();
    for (const doc of scaleDocuments(n, today, { chunkSize: args['chunk-size'] })) {
      const c = Date.now();
      const result = await importNetwork(handle.db, doc, { today });
      if (!result.ok) {
        console.error(`Scale document ${k} was refused (a bug in db/seed/scale.ts):`);
        for (const e of result.errors.slice(0, 50)) console.error(`  ${e.path}: ${e.message}`);
        exitCode = 1;
        break;
      }
      totals.patrons += doc.patrons?.length ?? 0;
      totals.items += doc.items?.length ?? 0;
      totals.loans += doc.loans?.length ?? 0;
      totals.reservations += doc.reservations?.length ?? 0;
      totals.fees += doc.fees?.length ?? 0;
      const label = k === 0 ? 'skeleton + bench' : `patrons ${(k - 1) * args['chunk-size']}–${Math.min(n, k * args['chunk-size']) - 1}`;
      console.log(`  ${label}: ${seconds(Date.now() - c)} (${doc.loans?.length ?? 0} loans)`);
      k++;
    }
    if (exitCode === 0)
      console.log(
        `Scale network: ${n} patrons (+${BENCH_ACCOUNT.patrons.length} bench records), ${totals.items} items, ` +
          `${totals.loans} loans, ${totals.reservations} reservations, ${totals.fees} fees in ${k} documents, ` +
          `${seconds(Date.now() - t)}. Bench account: ${BENCH_ACCOUNT.username} / ${BENCH_ACCOUNT.password}`,
      );
  }
  console.log(`Done in ${seconds(Date.now() - started)}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exitCode = exitCode;
