import 'server-only';
// When the portal refreshes on its own: after sign-in, and when a card is opened
// whose copy is older than the configured age. Both run beside the request — after the response
// with Next's `after()`, so a page never waits for a library — and are bounded like every refresh
// (deadline per library, 30 s claim, MAX_PAIRS_PER_ACCOUNT). The refresh button waits instead
// (lib/actions/refresh-card.ts).
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { logger, safe } from '@/lib/log';
import { refreshAccount } from './refresh';
import { librarySystems, librarySystemsConfig } from './registry';

/** Runs `task` after the response; outside a request (no `after` scope) it just runs, unawaited. */
function besideTheRequest(task: () => Promise<unknown>): void {
  const guarded = () => task().catch((error) => logger().error({ ...safe.error(error) }, 'library refresh in the background failed'));
  try {
    after(guarded);
  } catch {
    void guarded();
  }
}

/** True when some library is linked; a broken configuration is logged and counts as none. */
function anyLinked(): boolean {
  try {
    return librarySystems().linkedIsils().length > 0;
  } catch (error) {
    logger().error({ ...safe.error(error) }, 'library systems configuration unusable');
    return false;
  }
}

/** After sign-in: every linked library of the account whose copy is stale. */
export function refreshAfterSignIn(accountId: number): void {
  if (!anyLinked()) return; // import-only: nothing to do, no query
  besideTheRequest(async () =>
    refreshAccount(await getDb(), librarySystems(), { accountId }, { onlyStale: true, staleAfterMinutes: librarySystemsConfig().refreshAfterMinutes, claimIntervalSeconds: librarySystemsConfig().refreshIntervalSeconds }, new Date()),
  );
}

/** A card was opened: its linked libraries whose copy is older than the configured age. */
export function refreshOpenedCard(accountId: number, cardSlug: string): void {
  if (!anyLinked()) return;
  besideTheRequest(async () =>
    refreshAccount(
      await getDb(),
      librarySystems(),
      { accountId },
      { cardSlug, onlyStale: true, staleAfterMinutes: librarySystemsConfig().refreshAfterMinutes, claimIntervalSeconds: librarySystemsConfig().refreshIntervalSeconds },
      new Date(),
    ),
  );
}
