// Linked libraries: claims on calls in flight to a library's system (L1/RN7) and the
// freshness of the copy per patron and library (L3).
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { libraries } from './network';
import { patrons } from './patrons';
import { inList, instant, instantNow, refTo } from './shared';

export const LIBRARY_SYNC_FAILURES = ['unreachable'] as const;

/**
 * L1/RN7 for linked libraries: one call to a library system in flight per subject (`loan:42`,
 * `reservation:7`). The claim is taken in a short transaction before the call and released with
 * the answer, so a repeated or concurrent request never sends a second renewal; a claim left by a
 * crashed request expires (see lib/actions/library-claims.ts). A released claim is kept for a
 * while (`releasedAt`): a refresh whose snapshot was taken before it leaves that row alone (L2).
 */
export const libraryClaims = pgTable('library_claims', {
  subject: text().primaryKey(),
  accountId: refTo(() => accounts.id),
  requestKey: text().notNull(),
  claimedAt: instantNow(),
  releasedAt: instant(),
});

/**
 * Freshness of the copy per patron record and linked library (L3). `lastAttemptAt` is
 * also the claim: a refresh starts only by moving it forward with a conditional update, so one
 * refresh per patron and library runs at a time and not more often than every 30 seconds
 * (lib/library-systems/refresh.ts). `lastFailure` is the last attempt's failure, null after a success.
 */
export const librarySync = pgTable(
  'library_sync',
  {
    patronId: refTo(() => patrons.id),
    libraryId: refTo(() => libraries.id),
    lastFetchedAt: instant(),
    lastAttemptAt: instant().notNull(),
    lastFailure: text({ enum: LIBRARY_SYNC_FAILURES }),
  },
  (t) => [
    primaryKey({ columns: [t.patronId, t.libraryId] }),
    check('library_sync_last_failure_check', sql`${t.lastFailure} is null or ${inList('last_failure', LIBRARY_SYNC_FAILURES)}`),
    index().on(t.libraryId),
  ],
);
