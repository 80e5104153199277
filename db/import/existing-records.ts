// What the database already holds, for validation: a later document may refer to records of an
// earlier import (IMPORT_FORMAT: "Records absent from a later document are left alone"), and some
// rules span both (one open loan per item, one account per patron, a card belongs to one patron).
// Every lookup is one query per chunk of keys, never one per reference.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../client';
import {
  accountPatrons,
  accounts,
  branches,
  cards,
  digitalCollections,
  items,
  libraries,
  loans,
  patrons,
  portalChanges,
  regions,
  subscriptionTypes,
  titles,
} from '../schema';
import { portalChangeStands } from '../../lib/domain/portal-changes';
import { inChunks } from './chunks';

/** Scope of a subscription type code: `region:ZO` or `library:BE-X`. */
export const scopeKey = (scope: { region: string } | { library: string }): string =>
  'region' in scope ? `region:${scope.region}` : `library:${scope.library}`;

export const branchKey = (isil: string, code: string): string => `${isil}\u0000${code}`;

export interface Wanted {
  regions: Set<string>;
  collections: Set<string>;
  libraries: Set<string>;
  /** ISILs whose stored branches are needed. */
  branchesOf: Set<string>;
  subscriptionTypeCodes: Set<string>;
  patrons: Set<string>;
  titles: Set<string>;
  items: Set<string>;
  /** Card numbers of the document, to find cards already held by another patron. */
  cardNumbers: Set<string>;
  /** Patron keys linked by the document, to find links to another account. */
  linkedPatrons: Set<string>;
  /** Barcodes with an open loan in the document. */
  openLoanItems: Set<string>;
  /** The document's `exportedAt`: which portal changes still stand. */
  exportedAt: Date | null;
}

export const emptyWanted = (): Wanted => ({
  regions: new Set(),
  collections: new Set(),
  libraries: new Set(),
  branchesOf: new Set(),
  subscriptionTypeCodes: new Set(),
  patrons: new Set(),
  titles: new Set(),
  items: new Set(),
  cardNumbers: new Set(),
  linkedPatrons: new Set(),
  openLoanItems: new Set(),
  exportedAt: null,
});

export interface Existing {
  regions: Set<string>;
  collections: Set<string>;
  /** ISIL → region code (null: in no region). */
  libraries: Map<string, string | null>;
  /** branchKey(isil, code). */
  branches: Set<string>;
  /** `${scopeKey}\0${code}`. */
  subscriptionTypes: Set<string>;
  patrons: Set<string>;
  titles: Set<string>;
  items: Set<string>;
  /** branchKey(isil, number) → patron key. */
  cardOwners: Map<string, string>;
  /** patron key → lower-cased username of the account it is linked to. */
  patronAccounts: Map<string, string>;
  /** barcode → lentOn of its open loan. */
  openLoans: Map<string, string>;
  /**
   * Standing unlinks: `${patron key}\0${lower-cased username}` of links the patron ended in the portal
   * (the latest standing link change of the pair is an unlink). The import does not re-add them.
   */
  unlinkedInPortal: Set<string>;
}

export async function findExisting(db: Executor, wanted: Wanted): Promise<Existing> {
  const regionRows = await inChunks(wanted.regions, (chunk) =>
    db.select({ code: regions.code }).from(regions).where(inArray(regions.code, chunk)),
  );
  const collectionRows = await inChunks(wanted.collections, (chunk) =>
    db
      .select({ code: digitalCollections.code })
      .from(digitalCollections)
      .where(inArray(digitalCollections.code, chunk)),
  );
  const libraryRows = await inChunks(wanted.libraries, (chunk) =>
    db
      .select({ isil: libraries.isil, region: regions.code })
      .from(libraries)
      .leftJoin(regions, eq(regions.id, libraries.regionId))
      .where(inArray(libraries.isil, chunk)),
  );
  const branchRows = await inChunks(wanted.branchesOf, (chunk) =>
    db
      .select({ isil: libraries.isil, code: branches.code })
      .from(branches)
      .innerJoin(libraries, eq(libraries.id, branches.libraryId))
      .where(inArray(libraries.isil, chunk)),
  );
  const typeRows = await inChunks(wanted.subscriptionTypeCodes, (chunk) =>
    db
      .select({ code: subscriptionTypes.code, region: regions.code, library: libraries.isil })
      .from(subscriptionTypes)
      .leftJoin(regions, eq(regions.id, subscriptionTypes.regionId))
      .leftJoin(libraries, eq(libraries.id, subscriptionTypes.libraryId))
      .where(inArray(subscriptionTypes.code, chunk)),
  );
  const patronRows = await inChunks(wanted.patrons, (chunk) =>
    db.select({ key: patrons.key }).from(patrons).where(inArray(patrons.key, chunk)),
  );
  const titleRows = await inChunks(wanted.titles, (chunk) =>
    db.select({ key: titles.key }).from(titles).where(inArray(titles.key, chunk)),
  );
  const itemRows = await inChunks(wanted.items, (chunk) =>
    db.select({ barcode: items.barcode }).from(items).where(inArray(items.barcode, chunk)),
  );
  const cardRows = await inChunks(wanted.cardNumbers, (chunk) =>
    db
      .select({ isil: libraries.isil, number: cards.number, patron: patrons.key })
      .from(cards)
      .innerJoin(libraries, eq(libraries.id, cards.libraryId))
      .innerJoin(patrons, eq(patrons.id, cards.patronId))
      .where(inArray(cards.number, chunk)),
  );
  const linkRows = await inChunks(wanted.linkedPatrons, (chunk) =>
    db
      .select({ patron: patrons.key, username: accounts.username })
      .from(accountPatrons)
      .innerJoin(patrons, eq(patrons.id, accountPatrons.patronId))
      .innerJoin(accounts, eq(accounts.id, accountPatrons.accountId))
      .where(inArray(patrons.key, chunk)),
  );
  const openLoanRows = await inChunks(wanted.openLoanItems, (chunk) =>
    db
      .select({ barcode: items.barcode, lentOn: loans.lentOn })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId))
      .where(and(isNull(loans.returnedOn), inArray(items.barcode, chunk))),
  );

  const linkChangeRows = await inChunks(wanted.linkedPatrons, (chunk) =>
    db
      .select({
        id: portalChanges.id,
        kind: portalChanges.kind,
        status: portalChanges.status,
        occurredAt: portalChanges.occurredAt,
        patron: patrons.key,
        username: accounts.username,
      })
      .from(portalChanges)
      .innerJoin(patrons, eq(patrons.id, portalChanges.patronId))
      .innerJoin(accounts, eq(accounts.id, portalChanges.accountId))
      .where(
        and(
          inArray(patrons.key, chunk),
          inArray(portalChanges.kind, ['membership_linked', 'membership_unlinked']),
          ne(portalChanges.status, 'rejected'),
        ),
      ),
  );
  const latestLinkChange = new Map<string, { kind: string; at: number; id: number }>();
  for (const r of linkChangeRows) {
    const occurredAt = new Date(r.occurredAt);
    if (!portalChangeStands({ status: r.status, occurredAt }, wanted.exportedAt)) continue;
    const key = `${r.patron}\u0000${r.username.toLowerCase()}`;
    const before = latestLinkChange.get(key);
    const at = occurredAt.getTime();
    if (!before || at > before.at || (at === before.at && r.id > before.id)) latestLinkChange.set(key, { kind: r.kind, at, id: r.id });
  }

  return {
    unlinkedInPortal: new Set([...latestLinkChange].filter(([, c]) => c.kind === 'membership_unlinked').map(([key]) => key)),
    regions: new Set(regionRows.map((r) => r.code)),
    collections: new Set(collectionRows.map((r) => r.code)),
    libraries: new Map(libraryRows.map((r) => [r.isil, r.region])),
    branches: new Set(branchRows.map((r) => branchKey(r.isil, r.code))),
    subscriptionTypes: new Set(
      typeRows.flatMap((r) => {
        if (r.region !== null) return [`${scopeKey({ region: r.region })}\u0000${r.code}`];
        if (r.library !== null) return [`${scopeKey({ library: r.library })}\u0000${r.code}`];
        return [];
      }),
    ),
    patrons: new Set(patronRows.map((r) => r.key)),
    titles: new Set(titleRows.map((r) => r.key)),
    items: new Set(itemRows.map((r) => r.barcode)),
    cardOwners: new Map(cardRows.map((r) => [branchKey(r.isil, r.number), r.patron])),
    patronAccounts: new Map(linkRows.map((r) => [r.patron, r.username.toLowerCase()])),
    openLoans: new Map(openLoanRows.map((r) => [r.barcode, r.lentOn])),
  };
}
