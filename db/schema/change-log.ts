// The change log — every change the portal makes, per library it concerns.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { loans, reservations } from './lending';
import { libraries } from './network';
import { patrons } from './patrons';
import { inList, instant, instantNow, refTo } from './shared';

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
 * Every change the portal makes, per library it concerns (an account-wide change, such
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
    occurredAt: instantNow(),
    accountId: refTo(() => accounts.id),
    patronId: integer().references(() => patrons.id),
    libraryId: integer().references(() => libraries.id),
    kind: text({ enum: PORTAL_CHANGE_KINDS }).notNull(),
    loanId: integer().references(() => loans.id),
    reservationId: integer().references(() => reservations.id),
    details: jsonb().notNull().default(sql`'{}'::jsonb`),
    status: text({ enum: PORTAL_CHANGE_STATUSES }).notNull().default('unconfirmed'),
    resolvedAt: instant(),
    resolvedBy: text({ enum: PORTAL_CHANGE_RESOLVERS }),
    rejectedReason: text(),
    noticeDismissedAt: instant(),
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
