// The network database: every table of the domain in ../shared/DOMAIN.md.
// Column names are snake_case in SQL (drizzle `casing: 'snake_case'`), camelCase in TypeScript.
// Constraints that keep the data sane live here, in the database, not only in the importer.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const REGION_KINDS = ['3a', '3b', '3c'] as const;
export const COUNTRIES = ['BE', 'NL'] as const;
export const MEMBERSHIP_KINDS = ['ordinary', 'guest'] as const;
export const CARD_KINDS = ['wise', 'eid', 'uitpas', 'akaart', 'other'] as const;
export const MATERIALS = ['book', 'comic', 'dvd', 'cd', 'game', 'magazine', 'other'] as const;
export const RESERVATION_STATUSES = ['waiting', 'in_transit', 'ready', 'cancelled', 'fulfilled'] as const;
export const FEE_KINDS = ['late', 'reservation', 'lost', 'damaged', 'contribution'] as const;
export const RENEWAL_RESULTS = ['renewed', 'refused'] as const;
export const LOCALES = ['nl', 'en'] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Cooperation region ("samenwerkingsgroep 3"): libraries that accept each other's borrowers (R1). */
export const regions = pgTable(
  'regions',
  {
    id: serial().primaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text({ enum: REGION_KINDS }).notNull(),
    feeBlockThresholdCents: integer().notNull(),
  },
  (t) => [
    check('regions_kind_check', inList('kind', REGION_KINDS)),
    check('regions_fee_block_threshold_check', sql`${t.feeBlockThresholdCents} >= 0`),
  ],
);

export const digitalCollections = pgTable('digital_collections', {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

/** One library-system instance, identified by its ISIL (R13). At most one region. */
export const libraries = pgTable(
  'libraries',
  {
    id: serial().primaryKey(),
    isil: text().notNull().unique(),
    name: text().notNull(),
    country: text({ enum: COUNTRIES }).notNull(),
    regionId: integer().references(() => regions.id),
  },
  (t) => [check('libraries_country_check', inList('country', COUNTRIES)), index().on(t.regionId)],
);

/** Which libraries hold a licence for which digital collection (R8). */
export const libraryDigitalCollections = pgTable(
  'library_digital_collections',
  {
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    digitalCollectionId: integer()
      .notNull()
      .references(() => digitalCollections.id),
  },
  (t) => [primaryKey({ columns: [t.libraryId, t.digitalCollectionId] })],
);

export const branches = pgTable(
  'branches',
  {
    id: serial().primaryKey(),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    code: text().notNull(),
    name: text().notNull(),
  },
  (t) => [uniqueIndex().on(t.libraryId, t.code)],
);

/**
 * Subscription type: shared by every library of a region, or owned by one library outside any
 * region. Exactly one of regionId / libraryId is set; the code is unique within that scope.
 */
export const subscriptionTypes = pgTable(
  'subscription_types',
  {
    id: serial().primaryKey(),
    code: text().notNull(),
    name: text().notNull(),
    regionId: integer().references(() => regions.id),
    libraryId: integer().references(() => libraries.id),
    loanPeriodDays: integer().notNull(),
    maxRenewals: integer().notNull(),
    maxLoans: integer().notNull(),
  },
  (t) => [
    check('subscription_types_scope_check', sql`(${t.regionId} is null) <> (${t.libraryId} is null)`),
    check('subscription_types_loan_period_check', sql`${t.loanPeriodDays} > 0`),
    check('subscription_types_max_renewals_check', sql`${t.maxRenewals} >= 0`),
    check('subscription_types_max_loans_check', sql`${t.maxLoans} >= 0`),
    uniqueIndex('subscription_types_region_code_idx')
      .on(t.regionId, t.code)
      .where(sql`${t.regionId} is not null`),
    uniqueIndex('subscription_types_library_code_idx')
      .on(t.libraryId, t.code)
      .where(sql`${t.libraryId} is not null`),
  ],
);

/** One person's record in the network (R14: never twice). */
export const patrons = pgTable('patrons', {
  id: serial().primaryKey(),
  key: text().notNull().unique(),
  givenName: text().notNull(),
  familyName: text().notNull(),
  birthDate: date({ mode: 'string' }),
  email: text(),
  historyEnabled: boolean().notNull().default(false),
  /**
   * H1: the day the patron switched recording off in the portal. Returns from then on are not
   * recorded (not shown, not exported, and hidden for good when recording is switched on again);
   * what was recorded before stays until the patron clears it.
   */
  historyPausedOn: date({ mode: 'string' }),
});

/**
 * A patron's subscription at one library. Ordinary memberships have start/end (R7);
 * guest memberships (R10–R12, R15) carry the home library's ISIL and card number and the last
 * nightly check of the home membership. One membership per patron and library.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: serial().primaryKey(),
    patronId: integer()
      .notNull()
      .references(() => patrons.id),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    subscriptionTypeId: integer()
      .notNull()
      .references(() => subscriptionTypes.id),
    kind: text({ enum: MEMBERSHIP_KINDS }).notNull(),
    startOn: date({ mode: 'string' }).notNull(),
    endOn: date({ mode: 'string' }),
    autoRenew: boolean().notNull().default(false),
    stoppedOn: date({ mode: 'string' }),
    registeredOn: date({ mode: 'string' }),
    homeIsil: text(),
    homeCardNumber: text(),
    homeValidUntil: date({ mode: 'string' }),
    homeCheckedOn: date({ mode: 'string' }),
    loanStrips: integer(),
  },
  (t) => [
    check('memberships_kind_check', inList('kind', MEMBERSHIP_KINDS)),
    check(
      'memberships_shape_check',
      sql`(${t.kind} = 'ordinary' and ${t.endOn} is not null and ${t.endOn} >= ${t.startOn})
       or (${t.kind} = 'guest' and ${t.registeredOn} is not null and ${t.homeIsil} is not null
           and ${t.homeCardNumber} is not null and ${t.loanStrips} is not null)`,
    ),
    check('memberships_loan_strips_check', sql`${t.loanStrips} is null or ${t.loanStrips} >= 0`),
    uniqueIndex().on(t.patronId, t.libraryId),
    index().on(t.libraryId),
  ],
);

/** A library card of a patron at one library. PIN optional (no PIN: cannot activate or link). */
export const cards = pgTable(
  'cards',
  {
    id: serial().primaryKey(),
    patronId: integer()
      .notNull()
      .references(() => patrons.id),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    /** Normalised (normaliseCardNumber): what activation and linking match a typed number against. */
    number: text().notNull(),
    /**
     * The number exactly as the library exported it. A linked library's system is asked by this
     * spelling (SIP2 patron identifiers are case-sensitive); null for rows from before it was kept.
     */
    sourceNumber: text(),
    kind: text({ enum: CARD_KINDS }).notNull(),
    pinHash: text(),
    /**
     * Issue 13 §7: for a PIN imported as a hash (`pinHash`), the SHA-256 (hex) of that hash string
     * as the document gave it. A re-import with the same string keeps `pin_hash` as it is — possibly
     * already upgraded to the portal's peppered hash — without hashing or verifying anything. Only a
     * digest: keeping the library's own (unpeppered) hash would undo the upgrade's protection.
     * Null for a plain `pin` (kept by verifying it) and for no PIN.
     */
    pinSource: text(),
  },
  (t) => [
    check('cards_kind_check', inList('kind', CARD_KINDS)),
    uniqueIndex().on(t.libraryId, t.number),
    index().on(t.number),
    index().on(t.patronId),
  ],
);

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Due-date reminders: lead time in days (1–7); null = no reminders (issue 8). `locale` is the mail language. */
    reminderDays: integer().default(3),
    /**
     * Whether `email` is verified (issue 11 §5): the address's link was opened (activation, e-mail
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

/**
 * Sessions ended by signing out (issue 11 §6). A session JWT carries a random id (`sid`); the
 * per-request check (getSignedInAccount) refuses a token whose id is here, in the same statement
 * that reads the session version. A row is only needed while the JWT could still be valid: after
 * `expiresAt` (the 30-day absolute limit) it may go.
 */
export const endedSessions = pgTable(
  'ended_sessions',
  {
    sessionId: text().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    endedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

/** Account ↔ patron links (P2). A patron record is linked to at most one account. */
export const accountPatrons = pgTable(
  'account_patrons',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    patronId: integer()
      .notNull()
      .references(() => patrons.id)
      .unique(),
    linkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.patronId] })],
);

export const titles = pgTable(
  'titles',
  {
    id: serial().primaryKey(),
    key: text().notNull().unique(),
    title: text().notNull(),
    author: text(),
    year: integer(),
    isbn: text(),
    material: text({ enum: MATERIALS }).notNull(),
  },
  (t) => [check('titles_material_check', inList('material', MATERIALS))],
);

/** A physical copy. Its barcode is unique in the whole network. */
export const items = pgTable(
  'items',
  {
    id: serial().primaryKey(),
    barcode: text().notNull().unique(),
    titleId: integer()
      .notNull()
      .references(() => titles.id),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    branchId: integer()
      .notNull()
      .references(() => branches.id),
  },
  // By title and library: RN2 counts the free copies of a title within a loan's reach (R3).
  (t) => [index('items_title_library_idx').on(t.titleId, t.libraryId)],
);

/**
 * A loan; `returnedOn` set makes it history (H1). At most one open loan per item, held by a
 * partial unique index. `hiddenFromHistory` is the patron's "clear history": the library keeps
 * its record, the portal no longer shows it.
 */
export const loans = pgTable(
  'loans',
  {
    id: serial().primaryKey(),
    itemId: integer()
      .notNull()
      .references(() => items.id),
    patronId: integer()
      .notNull()
      .references(() => patrons.id),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    branchId: integer()
      .notNull()
      .references(() => branches.id),
    lentOn: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    renewals: integer().notNull().default(0),
    returnedOn: date({ mode: 'string' }),
    hiddenFromHistory: boolean().notNull().default(false),
  },
  (t) => [
    check('loans_renewals_check', sql`${t.renewals} >= 0`),
    check('loans_due_check', sql`${t.dueOn} >= ${t.lentOn}`),
    check('loans_returned_check', sql`${t.returnedOn} is null or ${t.returnedOn} >= ${t.lentOn}`),
    uniqueIndex('loans_one_open_per_item_idx')
      .on(t.itemId)
      .where(sql`${t.returnedOn} is null`),
    uniqueIndex('loans_item_lent_on_idx').on(t.itemId, t.lentOn),
    index('loans_open_by_patron_due_idx')
      .on(t.patronId, t.dueOn)
      .where(sql`${t.returnedOn} is null`),
    index('loans_history_by_patron_idx')
      .on(t.patronId, t.returnedOn)
      .where(sql`${t.returnedOn} is not null`),
  ],
);

export const reservations = pgTable(
  'reservations',
  {
    id: serial().primaryKey(),
    titleId: integer()
      .notNull()
      .references(() => titles.id),
    patronId: integer()
      .notNull()
      .references(() => patrons.id),
    pickupBranchId: integer()
      .notNull()
      .references(() => branches.id),
    placedOn: date({ mode: 'string' }).notNull(),
    status: text({ enum: RESERVATION_STATUSES }).notNull(),
    readyUntil: date({ mode: 'string' }),
    /**
     * Linked libraries (issue 12): the library whose system holds this reservation (a hold), and the
     * item barcode that system knows it by (null for a hold on a title). Null for an imported
     * reservation: its pick-up branch's library is then taken as the one that holds it.
     */
    libraryId: integer().references(() => libraries.id),
    libraryItemBarcode: text(),
  },
  (t) => [
    check('reservations_status_check', inList('status', RESERVATION_STATUSES)),
    check('reservations_ready_check', sql`${t.status} <> 'ready' or ${t.readyUntil} is not null`),
    uniqueIndex().on(t.patronId, t.titleId, t.placedOn),
    index('reservations_active_by_title_idx')
      .on(t.titleId, t.placedOn)
      .where(sql`${t.status} in ('waiting', 'in_transit', 'ready')`),
  ],
);

/** Outstanding amounts (F1), integer euro cents. `paidOn` set means settled. */
export const fees = pgTable(
  'fees',
  {
    id: serial().primaryKey(),
    patronId: integer()
      .notNull()
      .references(() => patrons.id),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    kind: text({ enum: FEE_KINDS }).notNull(),
    amountCents: integer().notNull(),
    description: text().notNull(),
    createdOn: date({ mode: 'string' }).notNull(),
    paidOn: date({ mode: 'string' }),
  },
  (t) => [
    check('fees_kind_check', inList('kind', FEE_KINDS)),
    check('fees_amount_check', sql`${t.amountCents} >= 0`),
    uniqueIndex().on(t.patronId, t.libraryId, t.kind, t.createdOn, t.description),
  ],
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
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }),
    /**
     * When the bucket is forgotten (lib/domain/throttle.ts forgetAt); expired rows are deleted a few
     * at a time whenever a bucket is written, so keys made up by a client cannot pile up. The default
     * (the longest window, a day) only matters for rows that were there before the column.
     */
    expiresAt: timestamp({ withTimezone: true }).notNull().default(sql`now() + interval '1 day'`),
  },
  (t) => [index('throttle_buckets_expires_idx').on(t.expiresAt)],
);

/** One row per renewal attempt (RN7): who, which loan, the result and its reason. */
export const renewalLog = pgTable(
  'renewal_log',
  {
    id: serial().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    loanId: integer()
      .notNull()
      .references(() => loans.id),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    result: text({ enum: RENEWAL_RESULTS }).notNull(),
    reason: text(),
    newDueOn: date({ mode: 'string' }),
    requestKey: text(),
  },
  (t) => [
    check('renewal_log_result_check', inList('result', RENEWAL_RESULTS)),
    index().on(t.loanId),
    index().on(t.accountId, t.requestKey),
  ],
);

/**
 * L1/RN7 for linked libraries: one call to a library system in flight per subject (`loan:42`,
 * `reservation:7`). The claim is taken in a short transaction before the call and released with
 * the answer, so a repeated or concurrent request never sends a second renewal; a claim left by a
 * crashed request expires (see lib/actions/library-claims.ts). A released claim is kept for a
 * while (`releasedAt`): a refresh whose snapshot was taken before it leaves that row alone (L2).
 */
export const libraryClaims = pgTable('library_claims', {
  subject: text().primaryKey(),
  accountId: integer()
    .notNull()
    .references(() => accounts.id),
  requestKey: text().notNull(),
  claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  releasedAt: timestamp({ withTimezone: true }),
});

/** The first answer to a renew request, kept per idempotency key so a retry returns it (RN7). */
export const renewalRequests = pgTable(
  'renewal_requests',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    requestKey: text().notNull(),
    response: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.requestKey] })],
);

export const REMINDER_SEND_STATUSES = ['sending', 'sent'] as const;

/**
 * Password recovery links (issue 8). Only the SHA-256 of the token is stored, so a copy of the
 * database cannot reset anyone's password. Single use: `usedAt` is set by a conditional update in
 * the transaction that stores the new password.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: serial().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.accountId)],
);

/**
 * A requested change of an account's e-mail address: it takes effect only when the link sent to
 * the new address is opened and confirmed (issue 8). Token stored as SHA-256 only.
 */
export const emailChangeRequests = pgTable(
  'email_change_requests',
  {
    id: serial().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    newEmail: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.accountId)],
);

/**
 * Due-date reminders sent (issue 8): at most one per account and day (primary key). A row is
 * claimed as `sending` before the mail goes out and becomes `sent` after, so a run that crashes
 * never mails an account twice on one day (see lib/data/reminders.ts). `itemKeys` are the items
 * the mail listed; a later reminder is only sent when something new is due.
 */
export const reminderSends = pgTable(
  'reminder_sends',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    sentOn: date({ mode: 'string' }).notNull(),
    status: text({ enum: REMINDER_SEND_STATUSES }).notNull(),
    itemKeys: jsonb().$type<string[]>().notNull(),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.sentOn] }),
    check('reminder_sends_status_check', inList('status', REMINDER_SEND_STATUSES)),
  ],
);

export const LIBRARY_SYNC_FAILURES = ['unreachable'] as const;

/**
 * Freshness of the copy per patron record and linked library (issue 12, L3). `lastAttemptAt` is
 * also the claim: a refresh starts only by moving it forward with a conditional update, so one
 * refresh per patron and library runs at a time and not more often than every 30 seconds
 * (lib/library-systems/refresh.ts). `lastFailure` is the last attempt's failure, null after a success.
 */
export const librarySync = pgTable(
  'library_sync',
  {
    patronId: integer()
      .notNull()
      .references(() => patrons.id),
    libraryId: integer()
      .notNull()
      .references(() => libraries.id),
    lastFetchedAt: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }).notNull(),
    lastFailure: text({ enum: LIBRARY_SYNC_FAILURES }),
  },
  (t) => [
    primaryKey({ columns: [t.patronId, t.libraryId] }),
    check('library_sync_last_failure_check', sql`${t.lastFailure} is null or ${inList('last_failure', LIBRARY_SYNC_FAILURES)}`),
    index().on(t.libraryId),
  ],
);

export const PORTAL_CHANGE_KINDS = [
  'renewal',
  'reservation_cancelled',
  'pickup_changed',
  'history_enabled',
  'history_disabled',
  'history_cleared',
  'account_email_changed',
  'account_password_changed',
  'membership_linked',
  'membership_unlinked',
] as const;
export const PORTAL_CHANGE_STATUSES = ['unconfirmed', 'confirmed', 'rejected'] as const;
/** Who settled a change: the linked library's answer, a later import that shows it, or the operator's `--ack`. */
export const PORTAL_CHANGE_RESOLVERS = ['library', 'import', 'ack'] as const;

/**
 * Issue 13: every change the portal makes, per library it concerns (an account-wide change, such
 * as a new e-mail address, has one row per library of the account's patrons). A linked library
 * confirms at once (`resolvedBy = 'library'`); for an import-only library the row stays
 * `unconfirmed` until a later import shows it or the operator acknowledges the export, and until
 * then no import reverts it. `details` is the change's own data, shaped per kind by
 * lib/domain/portal-changes.ts; never a secret. A rejected change (the library's fact won) is
 * shown to the patron on the card until they dismiss it (`noticeDismissedAt`).
 */
export const portalChanges = pgTable(
  'portal_changes',
  {
    id: serial().primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id),
    patronId: integer().references(() => patrons.id),
    libraryId: integer().references(() => libraries.id),
    kind: text({ enum: PORTAL_CHANGE_KINDS }).notNull(),
    loanId: integer().references(() => loans.id),
    reservationId: integer().references(() => reservations.id),
    details: jsonb().notNull().default(sql`'{}'::jsonb`),
    status: text({ enum: PORTAL_CHANGE_STATUSES }).notNull().default('unconfirmed'),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: text({ enum: PORTAL_CHANGE_RESOLVERS }),
    rejectedReason: text(),
    noticeDismissedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('portal_changes_kind_check', inList('kind', PORTAL_CHANGE_KINDS)),
    check('portal_changes_status_check', inList('status', PORTAL_CHANGE_STATUSES)),
    check(
      'portal_changes_resolved_check',
      sql`(${t.status} = 'unconfirmed') = (${t.resolvedBy} is null and ${t.resolvedAt} is null)`,
    ),
    check('portal_changes_resolved_by_check', sql`${t.resolvedBy} is null or ${inList('resolved_by', PORTAL_CHANGE_RESOLVERS)}`),
    check('portal_changes_rejected_check', sql`(${t.status} = 'rejected') = (${t.rejectedReason} is not null)`),
    // The export: a library's unconfirmed changes in order.
    index('portal_changes_unconfirmed_idx')
      .on(t.libraryId, t.id)
      .where(sql`${t.status} = 'unconfirmed'`),
    index().on(t.loanId),
    index().on(t.reservationId),
    index().on(t.patronId),
    // The importer's link check reads an account's standing unlinks.
    index().on(t.accountId),
    // The card's notices: rejected changes the patron has not dismissed.
    index('portal_changes_notices_idx')
      .on(t.accountId)
      .where(sql`${t.status} = 'rejected' and ${t.noticeDismissedAt} is null`),
  ],
);
