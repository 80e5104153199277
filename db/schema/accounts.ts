// Single Identity accounts (P1), their links to patron records (P2) and their due-date reminders.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { patrons } from './patrons';
import { day, inList, instant, instantNow, refTo } from './shared';

export const LOCALES = ['nl', 'en'] as const;
export const REMINDER_SEND_STATUSES = ['sending', 'sent'] as const;
/** How a patron record came to be linked to an account (P2): activation, card + PIN, or the library's import. */
export const LINK_ORIGINS = ['activation', 'card_pin', 'import'] as const;
export type LinkOrigin = (typeof LINK_ORIGINS)[number];

/** Single Identity login account (P1). The session version revokes every JWT when it changes. */
export const accounts = pgTable(
  'accounts',
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    sessionVersion: integer().notNull().default(1),
    locale: text({ enum: LOCALES }).notNull().default('nl'),
    createdAt: instantNow(),
    /** Due-date reminders: lead time in days (1–7); null = no reminders. `locale` is the mail language. */
    reminderDays: integer().default(3),
    /** Renew loans due tomorrow automatically in the daily reminder run (opt-in); the result goes into that day's reminder. */
    autoRenew: boolean().notNull().default(false),
    /**
     * Whether `email` is verified: the address's link was opened (activation, e-mail
     * change), or the library exported it (import). Recovery mails go only to a verified address.
     */
    emailVerified: boolean().notNull().default(false),
  },
  (t) => [
    check('accounts_locale_check', inList('locale', LOCALES)),
    check('accounts_reminder_days_check', sql`${t.reminderDays} is null or ${t.reminderDays} between 1 and 7`),
    uniqueIndex('accounts_username_lower_idx').on(sql`lower(${t.username})`),
    index('accounts_email_lower_idx').on(sql`lower(${t.email})`),
  ],
);

/** Account ↔ patron links (P2). A patron record is linked to at most one account. */
export const accountPatrons = pgTable(
  'account_patrons',
  {
    accountId: refTo(() => accounts.id),
    patronId: refTo(() => patrons.id).unique(),
    linkedAt: instantNow(),
    /** How the link was made; links from before this column was added came with the import. */
    linkedBy: text({ enum: LINK_ORIGINS }).notNull().default('import'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.patronId] }),
    check('account_patrons_linked_by_check', inList('linked_by', LINK_ORIGINS)),
  ],
);

/**
 * Due-date reminders sent: at most one per account and day (primary key). A row is
 * claimed as `sending` before the mail goes out and becomes `sent` after, so a run that crashes
 * never mails an account twice on one day (see lib/data/reminders.ts). `itemKeys` are the items
 * the mail listed; a later reminder is only sent when something new is due.
 */
export const reminderSends = pgTable(
  'reminder_sends',
  {
    accountId: refTo(() => accounts.id),
    sentOn: day().notNull(),
    status: text({ enum: REMINDER_SEND_STATUSES }).notNull(),
    itemKeys: jsonb().$type<string[]>().notNull(),
    claimedAt: instantNow(),
    sentAt: instant(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.sentOn] }),
    check('reminder_sends_status_check', inList('status', REMINDER_SEND_STATUSES)),
  ],
);

/**
 * The account's private calendar feed of due dates and pick-up deadlines (an ICS URL): at most one
 * per account. Only the SHA-256 of the URL's secret is kept (lib/auth/link-token.ts), so a copy of
 * the database cannot be used to read anyone's feed; revoking deletes the row, creating a new link
 * replaces it.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  accountId: refTo(() => accounts.id).primaryKey(),
  tokenHash: text().notNull().unique(),
  createdAt: instantNow(),
});

/**
 * Personal read-only API tokens (issue 15): named by the patron, sent as `Authorization: Bearer …`.
 * Only the SHA-256 of a token is kept (lib/auth/link-token.ts), so it is shown once, when made;
 * revoking stamps `revoked_at` (the row stays for the settings' list and the audit of last use).
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial().primaryKey(),
    accountId: refTo(() => accounts.id),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: instantNow(),
    lastUsedAt: instant(),
    revokedAt: instant(),
  },
  (t) => [
    check('api_tokens_name_check', sql`char_length(${t.name}) between 1 and 60`),
    index().on(t.accountId),
  ],
);
