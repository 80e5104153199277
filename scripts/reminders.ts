// `npm run reminders`: today's due-date reminders, meant to run daily from cron, a
// systemd timer or a Kubernetes CronJob (docs/operations.md). Idempotent: a second run the same day
// sends nothing. Opens the configured database, runs, closes it; exit code 1 when something failed.
//
// With the embedded PGlite database, one process owns the directory (db/pglite-lock.ts): run this
// while the portal is stopped, or use PostgreSQL (DATABASE_URL) in production. Exit 75 when in use.
import { register } from 'node:module';

// The data layer is marked `server-only` (it must never reach a browser bundle); that package
// resolves to an empty module only under the `react-server` condition, which Next.js sets for
// server code. This script is server code too, so resolve `server-only` the same way.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
        return next(specifier, context);
      }`,
    ),
  import.meta.url,
);

const { openDb, configuredDbOptions, DatabaseInUseError, DATABASE_IN_USE_EXIT_CODE } = await import('../db/client');
const { runReminders } = await import('../lib/jobs/reminders');
const { getMailer } = await import('../lib/mail/transport');
const { librarySystems } = await import('../lib/library-systems/registry');

let handle: Awaited<ReturnType<typeof openDb>>;
try {
  handle = await openDb(configuredDbOptions());
} catch (error) {
  // One process owns a PGlite directory: the embedded database is open in another process (the portal); no stack trace.
  console.error(DatabaseInUseError.is(error) ? error.message : `[reminders] failed: ${(error as Error).message ?? String(error)}`);
  process.exit(DatabaseInUseError.is(error) ? DATABASE_IN_USE_EXIT_CODE : 1);
}
let exitCode = 0;
try {
  // The automatic renewal (opt-in) goes through the linked libraries as the portal does (L1).
  const report = await runReminders(handle.db, { mailer: getMailer(), systems: librarySystems(), log: (line) => console.error(line) });
  console.log(
    `[reminders] ${report.today}: ${report.sent} sent, ${report.unchanged} with nothing new, ` +
      `${report.skipped} already claimed, ${report.failed} failed (of ${report.candidates} candidates); ` +
      `automatic renewal: ${report.autoRenewed} renewed, ${report.autoRefused} refused`,
  );
  if (report.failed > 0) exitCode = 1;
} catch (error) {
  // The driver's own message (drizzle's wraps it together with the whole statement).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error('[reminders] failed:', cause instanceof Error ? cause.message : cause);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exit(exitCode);
