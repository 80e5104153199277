// Lending: loans (and their history, H1), reservations, fees (F1), and the renewal log and
// idempotency keys of RN7.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { items, titles } from './catalogue';
import { branches, libraries } from './network';
import { patrons } from './patrons';
import { day, inList, instantNow, refTo } from './shared';

export const RESERVATION_STATUSES = ['waiting', 'in_transit', 'ready', 'cancelled', 'fulfilled'] as const;
export const FEE_KINDS = ['late', 'reservation', 'lost', 'damaged', 'contribution'] as const;
export const RENEWAL_RESULTS = ['renewed', 'refused'] as const;

/**
 * A loan; `returnedOn` set makes it history (H1). At most one open loan per item, held by a
 * partial unique index. `hiddenFromHistory` is the patron's "clear history": the library keeps
 * its record, the portal no longer shows it.
 */
export const loans = pgTable(
  'loans',
  {
    id: serial().primaryKey(),
    itemId: refTo(() => items.id),
    patronId: refTo(() => patrons.id),
    libraryId: refTo(() => libraries.id),
    branchId: refTo(() => branches.id),
    lentOn: day().notNull(),
    dueOn: day().notNull(),
    renewals: integer().notNull().default(0),
    returnedOn: day(),
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
    titleId: refTo(() => titles.id),
    patronId: refTo(() => patrons.id),
    pickupBranchId: refTo(() => branches.id),
    placedOn: day().notNull(),
    status: text({ enum: RESERVATION_STATUSES }).notNull(),
    readyUntil: day(),
    /**
     * Linked libraries: the library whose system holds this reservation (a hold), and the
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
    // RN2 per loan: a title's active reservations by pick-up branch (its reach) and patron, read
    // from the index alone (lib/data/renewal-sql.ts); a popular title's queue is hundreds of rows.
    index('reservations_title_reach_idx')
      .on(t.titleId, t.pickupBranchId, t.status, t.patronId)
      .where(sql`${t.status} in ('waiting', 'in_transit', 'ready')`),
  ],
);

/** Outstanding amounts (F1), integer euro cents. `paidOn` set means settled. */
export const fees = pgTable(
  'fees',
  {
    id: serial().primaryKey(),
    patronId: refTo(() => patrons.id),
    libraryId: refTo(() => libraries.id),
    kind: text({ enum: FEE_KINDS }).notNull(),
    amountCents: integer().notNull(),
    description: text().notNull(),
    createdOn: day().notNull(),
    paidOn: day(),
  },
  (t) => [
    check('fees_kind_check', inList('kind', FEE_KINDS)),
    check('fees_amount_check', sql`${t.amountCents} >= 0`),
    uniqueIndex().on(t.patronId, t.libraryId, t.kind, t.createdOn, t.description),
    // RN5 and the fee views: a patron's unpaid fees (settled ones pile up over the years), with
    // what the sum needs.
    index('fees_unpaid_by_patron_idx')
      .on(t.patronId, t.libraryId, t.amountCents)
      .where(sql`${t.paidOn} is null`),
  ],
);

/** One row per renewal attempt (RN7): who, which loan, the result and its reason. */
export const renewalLog = pgTable(
  'renewal_log',
  {
    id: serial().primaryKey(),
    accountId: refTo(() => accounts.id),
    loanId: refTo(() => loans.id),
    attemptedAt: instantNow(),
    result: text({ enum: RENEWAL_RESULTS }).notNull(),
    reason: text(),
    newDueOn: day(),
    requestKey: text(),
  },
  (t) => [
    check('renewal_log_result_check', inList('result', RENEWAL_RESULTS)),
    index().on(t.loanId),
    index().on(t.accountId, t.requestKey),
  ],
);

/** The first answer to a renew request, kept per idempotency key so a retry returns it (RN7). */
export const renewalRequests = pgTable(
  'renewal_requests',
  {
    accountId: refTo(() => accounts.id),
    requestKey: text().notNull(),
    response: jsonb().notNull(),
    createdAt: instantNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.requestKey] })],
);
