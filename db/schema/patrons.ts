// Patrons and what ties them to a library: memberships (R7, R10–R12, R15) and cards.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { libraries, subscriptionTypes } from './network';
import { day, inList, refTo } from './shared';

export const MEMBERSHIP_KINDS = ['ordinary', 'guest'] as const;
export const CARD_KINDS = ['wise', 'eid', 'uitpas', 'akaart', 'other'] as const;

/** One person's record in the network (R14: never twice). */
export const patrons = pgTable('patrons', {
  id: serial().primaryKey(),
  key: text().notNull().unique(),
  givenName: text().notNull(),
  familyName: text().notNull(),
  birthDate: day(),
  email: text(),
  historyEnabled: boolean().notNull().default(false),
  /**
   * H1: the day the patron switched recording off in the portal. Returns from then on are not
   * recorded (not shown, not exported, and hidden for good when recording is switched on again);
   * what was recorded before stays until the patron clears it.
   */
  historyPausedOn: day(),
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
    patronId: refTo(() => patrons.id),
    libraryId: refTo(() => libraries.id),
    subscriptionTypeId: refTo(() => subscriptionTypes.id),
    kind: text({ enum: MEMBERSHIP_KINDS }).notNull(),
    startOn: day().notNull(),
    endOn: day(),
    autoRenew: boolean().notNull().default(false),
    stoppedOn: day(),
    registeredOn: day(),
    homeIsil: text(),
    homeCardNumber: text(),
    homeValidUntil: day(),
    homeCheckedOn: day(),
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
    patronId: refTo(() => patrons.id),
    libraryId: refTo(() => libraries.id),
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
     * For a PIN imported as a hash (`pinHash`), the SHA-256 (hex) of that hash string
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
