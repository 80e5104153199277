// The network's structure: regions, libraries, their branches, digital collections and
// subscription types (../shared/DOMAIN.md R1, R8, R13).
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { inList, refTo } from './shared';

export const REGION_KINDS = ['3a', '3b', '3c'] as const;
export const COUNTRIES = ['BE', 'NL'] as const;

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
    libraryId: refTo(() => libraries.id),
    digitalCollectionId: refTo(() => digitalCollections.id),
  },
  (t) => [primaryKey({ columns: [t.libraryId, t.digitalCollectionId] })],
);

export const branches = pgTable(
  'branches',
  {
    id: serial().primaryKey(),
    libraryId: refTo(() => libraries.id),
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
