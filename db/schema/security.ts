// Sessions ended by signing out, throttle buckets, and the single-use tokens of recovery mails.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { instant, instantNow, refTo } from './shared';

/**
 * Sessions ended by signing out. A session JWT carries a random id (`sid`); the
 * per-request check (getSignedInAccount) refuses a token whose id is here, in the same statement
 * that reads the session version. A row is only needed while the JWT could still be valid: after
 * `expiresAt` (the 30-day absolute limit) it may go.
 */
export const endedSessions = pgTable(
  'ended_sessions',
  {
    sessionId: text().primaryKey(),
    accountId: refTo(() => accounts.id),
    endedAt: instantNow(),
    expiresAt: instant().notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

/**
 * Throttle buckets for sign-in, activation and linking, shared by every instance.
 * `key` is e.g. `signin:account:42`, `signin:client:203.0.113.7`, `pin:card:BE-ZOT01:2000…`.
 */
export const throttleBuckets = pgTable(
  'throttle_buckets',
  {
    key: text().primaryKey(),
    failures: integer().notNull().default(0),
    windowStartedAt: instant().notNull(),
    lockedUntil: instant(),
    /**
     * When the bucket is forgotten (lib/domain/throttle.ts forgetAt); expired rows are deleted a few
     * at a time whenever a bucket is written, so keys made up by a client cannot pile up. The default
     * (the longest window, a day) only matters for rows that were there before the column.
     */
    expiresAt: instant().notNull().default(sql`now() + interval '1 day'`),
  },
  (t) => [index('throttle_buckets_expires_idx').on(t.expiresAt)],
);

/**
 * Password recovery links. Only the SHA-256 of the token is stored, so a copy of the
 * database cannot reset anyone's password. Single use: `usedAt` is set by a conditional update in
 * the transaction that stores the new password.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: serial().primaryKey(),
    accountId: refTo(() => accounts.id),
    tokenHash: text().notNull().unique(),
    createdAt: instantNow(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
  },
  (t) => [index().on(t.accountId)],
);

/**
 * A requested change of an account's e-mail address: it takes effect only when the link sent to
 * the new address is opened and confirmed. Token stored as SHA-256 only.
 */
export const emailChangeRequests = pgTable(
  'email_change_requests',
  {
    id: serial().primaryKey(),
    accountId: refTo(() => accounts.id),
    newEmail: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: instantNow(),
    expiresAt: instant().notNull(),
    confirmedAt: instant(),
  },
  (t) => [index().on(t.accountId)],
);
