import 'server-only';
// Fresh data from linked libraries (L1–L4). For one patron at one library:
//   1. claim the library_sync row (one conditional statement): at most one refresh per patron and
//      library at a time and not more often than every CLAIM_INTERVAL_SECONDS — the bound on calls;
//   2. ask the library: patron information, then item information for the charged items the
//      portal cannot place without it (bounded concurrency, stop at the first unavailability),
//      all within a deadline — no transaction and no pooled connection is held while waiting;
//   3. in ONE transaction: read the copy, plan (lib/domain/library-reconcile), write the plan with
//      conditional updates (a row someone changed since it was read is left as it is now), and
//      record when the data was fetched; or, when the library could not be reached, only that.
// `refreshAccount` does this for every linked (patron, library) pair of an account (P3), in parallel.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { branches, fees, items, libraries, librarySync, loans, patrons, reservations, titles } from '@/db/schema';
import { slugOf } from '@/lib/data/cards';
import { todayInBrussels, type IsoDate } from '@/lib/domain/dates';
import {
  isEmptyPlan,
  planLibraryReconcile,
  type KnownItem,
  type ReconcilePlan,
  type TitleRef,
} from '@/lib/domain/library-reconcile';
import { logger, safe } from '@/lib/log';
import { LibraryUnavailableError, type LibraryItem, type LibraryPatronSnapshot, type LibrarySystem, type LibrarySystems } from './port';
import { claimsInFlight } from './in-flight';

/** A refresh of one patron at one library starts at most this often (and so runs one at a time). */
export const CLAIM_INTERVAL_SECONDS = 30;
/** The whole conversation with one library for one patron; below the claim interval, see above. */
export const DEFAULT_DEADLINE_MS = 20_000;
/** Item information requests in flight at once per refresh (adapters pool a few connections). */
export const ITEM_CONCURRENCY = 4;
/** Item information requests per refresh at most; beyond, loans are placed from patron information. */
export const MAX_ITEM_LOOKUPS = 100;
/** (patron, library) pairs refreshed per account request at most: a bound on calls per account. */
export const MAX_PAIRS_PER_ACCOUNT = 12;

export interface RefreshTarget {
  patronId: number;
  libraryId: number;
  isil: string;
  /** The patron's card number at that library, as the library knows it (port LibraryPatronId). */
  libraryPatronId: string;
}

/**
 * L2 hook: the loans and reservations with a change the portal asked this library for and that it
 * has not confirmed yet (write-through renewals, cancellations). Read inside the refresh's
 * transaction; those rows are left untouched. Without a hook nothing is in flight.
 */
export type InFlightLookup = (
  tx: Tx,
  scope: { patronId: number; libraryId: number; snapshotTakenAt: Date },
) => Promise<{ loanIds: ReadonlySet<number>; reservationIds: ReadonlySet<number> }>;

export interface RefreshOptions {
  /** Refresh only when the copy was last fetched longer ago than this (minutes); null/absent: always. */
  staleAfterMinutes?: number | null;
  deadlineMs?: number;
  inFlight?: InFlightLookup;
  /** The least time between two refreshes of one patron at one library (the configuration's refreshIntervalSeconds). */
  claimIntervalSeconds?: number;
}

export type RefreshOutcome =
  | { status: 'fetched'; written: number; skipped: number }
  /** The library was not reached in time (or answered what cannot be read): nothing changed, failure recorded. */
  | { status: 'unreachable'; cause: LibraryUnavailableError['reason'] }
  /** Not linked, or another refresh ran or runs within the claim interval, or the copy is fresh. */
  | { status: 'not_due' | 'not_linked' }
  /** Our side failed (a database error): logged; the library is not blamed on the card. */
  | { status: 'failed' };

const iso = (date: Date) => date.toISOString();

/** Step 1: the claim. True when this caller may refresh now. */
async function claim(
  db: Executor,
  target: RefreshTarget,
  now: Date,
  staleAfterMinutes: number | null,
  intervalSeconds: number,
): Promise<boolean> {
  const staleBefore = staleAfterMinutes === null ? null : iso(new Date(now.getTime() - staleAfterMinutes * 60_000));
  const claimBefore = iso(new Date(now.getTime() - intervalSeconds * 1000));
  const rows = await db
    .insert(librarySync)
    .values({ patronId: target.patronId, libraryId: target.libraryId, lastAttemptAt: now })
    .onConflictDoUpdate({
      target: [librarySync.patronId, librarySync.libraryId],
      set: { lastAttemptAt: now },
      setWhere: and(
        sql`${librarySync.lastAttemptAt} <= ${claimBefore}::timestamptz`,
        staleBefore === null
          ? undefined
          : or(isNull(librarySync.lastFetchedAt), sql`${librarySync.lastFetchedAt} < ${staleBefore}::timestamptz`),
      ),
    })
    .returning({ patronId: librarySync.patronId });
  return rows.length === 1;
}

/** `promise`, or LibraryUnavailableError('timeout') when the deadline passes first. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number, isil: string): Promise<T> {
  promise.catch(() => {}); // a late rejection after the deadline is no one's to handle
  const ms = deadline - Date.now();
  if (ms <= 0) return Promise.reject(new LibraryUnavailableError(isil, 'timeout'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LibraryUnavailableError(isil, 'timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Any failure of a library call counts as the library being unavailable (the port promises nothing else). */
function asUnavailable(error: unknown, isil: string): LibraryUnavailableError {
  return LibraryUnavailableError.is(error) ? error : new LibraryUnavailableError(isil, 'protocol', { cause: error });
}

/**
 * Step 2b: item information for `barcodes`, ITEM_CONCURRENCY at a time; the first failure stops
 * every worker from starting another call and is thrown.
 */
async function lookUpItems(system: LibrarySystem, barcodes: string[], deadline: number): Promise<Map<string, LibraryItem>> {
  const found = new Map<string, LibraryItem>();
  const queue = [...barcodes];
  let failure: LibraryUnavailableError | null = null;
  const worker = async () => {
    while (failure === null) {
      const barcode = queue.shift();
      if (barcode === undefined) return;
      try {
        found.set(barcode, await beforeDeadline(system.getItem(barcode), deadline, system.isil));
      } catch (error) {
        failure ??= asUnavailable(error, system.isil);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ITEM_CONCURRENCY, barcodes.length) }, worker));
  if (failure) throw failure;
  return found;
}

/** Refreshes the copy of one patron at one linked library. Never throws: the outcome says what happened. */
export async function refreshPatronAtLibrary(
  db: Db,
  systems: LibrarySystems,
  target: RefreshTarget,
  now: Date,
  options: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const system = systems.forLibrary(target.isil);
  if (!system) return { status: 'not_linked' };
  const log = { patronId: target.patronId, libraryId: target.libraryId };
  try {
    if (!(await claim(db, target, now, options.staleAfterMinutes ?? null, options.claimIntervalSeconds ?? CLAIM_INTERVAL_SECONDS))) {
      return { status: 'not_due' };
    }
  } catch (error) {
    logger().error({ ...log, ...safe.error(error) }, 'library refresh: claim failed');
    return { status: 'failed' };
  }

  const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  let snapshot: LibraryPatronSnapshot;
  // When the library was asked: a change it confirmed after that is newer than the snapshot (L2).
  let snapshotTakenAt = new Date();
  let itemInfo: Map<string, LibraryItem>;
  try {
    snapshotTakenAt = new Date();
    snapshot = await beforeDeadline(system.getPatron(target.libraryPatronId), deadline, target.isil);
    if (snapshot.patronKnown === false) {
      // The card number is unknown there (replaced at the desk?): "no loans" would read as
      // "everything returned", so nothing is reconciled until the card is put right.
      logger().warn(log, 'library refresh: the library does not know this card number');
      return { status: 'failed' };
    }
    // Item information only where patron information leaves a gap: no due date, or an item the
    // portal does not know (its title and branch). A short read, outside any transaction.
    const barcodes = [...new Set(snapshot.loans.map((l) => l.itemBarcode))];
    const knownRows = barcodes.length === 0 ? [] : await db.select({ barcode: items.barcode }).from(items).where(inArray(items.barcode, barcodes));
    const knownSet = new Set(knownRows.map((r) => r.barcode));
    const dueKnown = new Map(snapshot.loans.map((l) => [l.itemBarcode, l.dueOn !== null]));
    const wanted = barcodes.filter((b) => !knownSet.has(b) || !dueKnown.get(b)).slice(0, MAX_ITEM_LOOKUPS);
    itemInfo = await lookUpItems(system, wanted, deadline);
  } catch (error) {
    if (!LibraryUnavailableError.is(error) && isDatabaseError(error)) {
      logger().error({ ...log, ...safe.error(error) }, 'library refresh: reading known items failed');
      return { status: 'failed' };
    }
    const unavailable = asUnavailable(error, target.isil);
    await recordFailure(db, target).catch((e) => logger().error({ ...log, ...safe.error(e) }, 'library refresh: recording the failure failed'));
    logger().warn({ ...log, cause: unavailable.reason }, 'library refresh: library unavailable');
    return { status: 'unreachable', cause: unavailable.reason };
  }

  try {
    const plan = await db.transaction(async (tx) => {
      const plan = await planFromCopy(tx, target, snapshot, itemInfo, todayInBrussels(now), options.inFlight ?? claimsInFlight, snapshotTakenAt);
      await applyPlan(tx, target, plan);
      await tx
        .update(librarySync)
        .set({ lastFetchedAt: now, lastFailure: null })
        .where(and(eq(librarySync.patronId, target.patronId), eq(librarySync.libraryId, target.libraryId)));
      return plan;
    });
    const written = isEmptyPlan(plan) ? 0 : countWrites(plan);
    if (plan.skipped.length > 0) logger().warn({ ...log, skipped: plan.skipped }, 'library refresh: some records could not be copied');
    logger().info({ ...log, written }, 'library refresh');
    return { status: 'fetched', written, skipped: plan.skipped.length };
  } catch (error) {
    logger().error({ ...log, ...safe.error(error) }, 'library refresh: applying the plan failed');
    return { status: 'failed' };
  }
}

function isDatabaseError(error: unknown): boolean {
  // Both drivers' errors carry a SQLSTATE `code` of five characters; the port's errors do not.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

async function recordFailure(db: Executor, target: RefreshTarget): Promise<void> {
  await db
    .update(librarySync)
    .set({ lastFailure: 'unreachable' })
    .where(and(eq(librarySync.patronId, target.patronId), eq(librarySync.libraryId, target.libraryId)));
}

function countWrites(plan: ReconcilePlan): number {
  return Object.entries(plan).reduce((n, [key, list]) => (key === 'skipped' ? n : n + (list as unknown[]).length), 0);
}

/** Step 3a: the copy of this patron at this library, read in the transaction, and the plan. */
async function planFromCopy(
  tx: Tx,
  target: RefreshTarget,
  snapshot: LibraryPatronSnapshot,
  itemInfo: Map<string, LibraryItem>,
  today: IsoDate,
  inFlight: InFlightLookup | undefined,
  snapshotTakenAt: Date,
): Promise<ReconcilePlan> {
  const [patron] = await tx.select({ recordsHistory: patrons.historyEnabled }).from(patrons).where(eq(patrons.id, target.patronId));
  if (!patron) throw new Error('library refresh: no such patron');
  const [library] = await tx.select({ id: libraries.id, regionId: libraries.regionId }).from(libraries).where(eq(libraries.id, target.libraryId));
  if (!library) throw new Error('library refresh: no such library');

  const branchRows = await tx
    .select({ id: branches.id, code: branches.code, libraryId: branches.libraryId })
    .from(branches)
    .where(
      library.regionId === null
        ? eq(branches.libraryId, library.id)
        : inArray(branches.libraryId, tx.select({ id: libraries.id }).from(libraries).where(eq(libraries.regionId, library.regionId))),
    );
  // This library's branches first: a pick-up code is looked up there before the region's.
  branchRows.sort((a, b) => Number(b.libraryId === library.id) - Number(a.libraryId === library.id) || a.id - b.id);

  const openLoans = await tx
    .select({ id: loans.id, itemId: loans.itemId, itemBarcode: items.barcode, titleId: items.titleId, lentOn: loans.lentOn, dueOn: loans.dueOn })
    .from(loans)
    .innerJoin(items, eq(items.id, loans.itemId))
    .where(and(eq(loans.patronId, target.patronId), eq(loans.libraryId, target.libraryId), isNull(loans.returnedOn)));

  const pickupBranch = sql`(select b.library_id from branches b where b.id = ${reservations.pickupBranchId})`;
  const activeReservations = await tx
    .select({
      id: reservations.id,
      titleId: reservations.titleId,
      titleKey: titles.key,
      titleText: titles.title,
      libraryItemBarcode: reservations.libraryItemBarcode,
      status: reservations.status,
      readyUntil: reservations.readyUntil,
      pickupBranchId: reservations.pickupBranchId,
      placedOn: reservations.placedOn,
    })
    .from(reservations)
    .innerJoin(titles, eq(titles.id, reservations.titleId))
    .where(
      and(
        eq(reservations.patronId, target.patronId),
        inArray(reservations.status, ['waiting', 'in_transit', 'ready']),
        // Held by this library: as recorded, else (an imported reservation) its pick-up's library.
        sql`coalesce(${reservations.libraryId}, ${pickupBranch}) = ${target.libraryId}`,
      ),
    );

  const unpaid = await tx
    .select({ id: fees.id, description: fees.description, amountCents: fees.amountCents })
    .from(fees)
    .where(and(eq(fees.patronId, target.patronId), eq(fees.libraryId, target.libraryId), isNull(fees.paidOn)));

  const knownItems = await readKnownItems(tx, snapshot, itemInfo, today);
  const flight = inFlight ? await inFlight(tx, { patronId: target.patronId, libraryId: target.libraryId, snapshotTakenAt }) : undefined;

  return planLibraryReconcile({
    today,
    patron: { id: target.patronId, recordsHistory: patron.recordsHistory },
    library: { id: target.libraryId, isil: target.isil },
    branches: branchRows,
    loans: openLoans,
    reservations: activeReservations.map((r) => ({ ...r, status: r.status as 'waiting' | 'in_transit' | 'ready' })),
    fees: unpaid,
    knownItems,
    snapshot,
    items: itemInfo,
    inFlight: flight,
  });
}

/** The network's items named by the snapshot, with their open loan and same-day returned loans. */
async function readKnownItems(
  tx: Tx,
  snapshot: LibraryPatronSnapshot,
  itemInfo: Map<string, LibraryItem>,
  today: IsoDate,
): Promise<Map<string, KnownItem>> {
  const barcodes = [...new Set([...snapshot.loans.map((l) => l.itemBarcode), ...snapshot.holds.flatMap((h) => (h.itemBarcode ? [h.itemBarcode] : []))])];
  if (barcodes.length === 0) return new Map();
  const rows = await tx
    .select({ id: items.id, barcode: items.barcode, titleId: items.titleId, libraryId: items.libraryId, branchId: items.branchId })
    .from(items)
    .where(inArray(items.barcode, barcodes));
  if (rows.length === 0) return new Map();
  const ids = rows.map((r) => r.id);
  // The lent-on days a new loan may get (today, or an earlier due date): only those can collide.
  const days = [...new Set([today, ...snapshot.loans.flatMap((l) => [l.dueOn, itemInfo.get(l.itemBarcode)?.dueOn ?? null]).filter((d): d is string => d !== null && d < today)])];
  const itemLoans = await tx
    .select({ id: loans.id, itemId: loans.itemId, patronId: loans.patronId, libraryId: loans.libraryId, lentOn: loans.lentOn, returnedOn: loans.returnedOn, recordsHistory: patrons.historyEnabled })
    .from(loans)
    .innerJoin(patrons, eq(patrons.id, loans.patronId))
    .where(and(inArray(loans.itemId, ids), or(isNull(loans.returnedOn), inArray(loans.lentOn, days))));
  return new Map(
    rows.map((r) => {
      const open = itemLoans.find((l) => l.itemId === r.id && l.returnedOn === null);
      return [
        r.barcode,
        {
          itemId: r.id,
          titleId: r.titleId,
          libraryId: r.libraryId,
          branchId: r.branchId,
          openLoan: open ? { id: open.id, patronId: open.patronId, libraryId: open.libraryId, lentOn: open.lentOn, holderRecordsHistory: open.recordsHistory } : null,
          returnedLoans: itemLoans.filter((l) => l.itemId === r.id && l.returnedOn !== null).map((l) => ({ id: l.id, patronId: l.patronId, lentOn: l.lentOn })),
        },
      ];
    }),
  );
}

/**
 * Step 3b: the writes. Every update is conditional on the value the plan was made from, so a change
 * made since (a renewal, a cancellation) is never overwritten by this refresh (L2).
 */
async function applyPlan(tx: Tx, target: RefreshTarget, plan: ReconcilePlan): Promise<void> {
  const titleIds = new Map<string, number>();
  const titleIdOf = async (ref: TitleRef): Promise<number> => {
    if (ref.kind === 'existing') return ref.titleId;
    const cached = titleIds.get(ref.key);
    if (cached !== undefined) return cached;
    const [row] = await tx
      .insert(titles)
      .values({ key: ref.key, title: ref.title, material: 'other' })
      // An earlier refresh (or a hold) made it: keep it, with its name.
      .onConflictDoUpdate({ target: titles.key, set: { key: sql`excluded.key` } })
      .returning({ id: titles.id });
    titleIds.set(ref.key, row!.id);
    return row!.id;
  };

  // Returns first: an item can have only one open loan, and it may be re-lent below.
  for (const close of plan.closeLoans) {
    await tx
      .update(loans)
      .set({ returnedOn: close.returnedOn, hiddenFromHistory: close.hiddenFromHistory })
      .where(and(eq(loans.id, close.loanId), isNull(loans.returnedOn)));
  }

  for (const open of plan.openLoans) {
    let itemId: number;
    if (open.item.kind === 'existing') itemId = open.item.itemId;
    else {
      const titleId = await titleIdOf(open.item.title);
      const [row] = await tx
        .insert(items)
        .values({ barcode: open.item.barcode, titleId, libraryId: target.libraryId, branchId: open.item.branchId })
        .onConflictDoUpdate({ target: items.barcode, set: { barcode: sql`excluded.barcode` } })
        .returning({ id: items.id });
      itemId = row!.id;
    }
    if (open.reopenLoanId !== null) {
      await tx
        .update(loans)
        .set({ returnedOn: null, hiddenFromHistory: false, dueOn: open.dueOn, branchId: open.branchId })
        .where(and(eq(loans.id, open.reopenLoanId), eq(loans.patronId, target.patronId)));
    } else {
      await tx.insert(loans).values({
        itemId,
        patronId: target.patronId,
        libraryId: target.libraryId,
        branchId: open.branchId,
        lentOn: open.lentOn,
        dueOn: open.dueOn,
      });
    }
  }

  for (const change of plan.dueDateChanges) {
    await tx
      .update(loans)
      .set(change.lentOn === null ? { dueOn: change.dueOn } : { dueOn: change.dueOn, lentOn: change.lentOn })
      .where(and(eq(loans.id, change.loanId), eq(loans.dueOn, change.fromDueOn), isNull(loans.returnedOn)));
  }

  for (const end of plan.endReservations) {
    await tx
      .update(reservations)
      .set({ status: end.status })
      .where(and(eq(reservations.id, end.reservationId), eq(reservations.status, end.fromStatus)));
  }
  for (const change of plan.changeReservations) {
    await tx
      .update(reservations)
      .set({
        status: change.status,
        readyUntil: change.readyUntil,
        pickupBranchId: change.pickupBranchId,
        libraryId: target.libraryId,
        libraryItemBarcode: change.libraryItemBarcode,
      })
      .where(and(eq(reservations.id, change.reservationId), eq(reservations.status, change.fromStatus)));
  }
  for (const add of plan.addReservations) {
    const values = {
      titleId: await titleIdOf(add.title),
      patronId: target.patronId,
      pickupBranchId: add.pickupBranchId,
      placedOn: add.placedOn,
      status: add.status,
      readyUntil: add.readyUntil,
      libraryId: target.libraryId,
      libraryItemBarcode: add.libraryItemBarcode,
    };
    // One reservation per patron, title and day: a reservation of the title ended earlier today
    // that the library lists again is the same hold, so it comes back rather than failing.
    await tx
      .insert(reservations)
      .values(values)
      .onConflictDoUpdate({
        target: [reservations.patronId, reservations.titleId, reservations.placedOn],
        set: { status: values.status, readyUntil: values.readyUntil, pickupBranchId: values.pickupBranchId, libraryId: values.libraryId, libraryItemBarcode: values.libraryItemBarcode },
      });
  }

  for (const add of plan.addFees) {
    // The same fee settled earlier today and listed again is unpaid again (same unique key).
    await tx
      .insert(fees)
      .values({ patronId: target.patronId, libraryId: target.libraryId, kind: add.kind, amountCents: add.amountCents, description: add.description, createdOn: add.createdOn })
      .onConflictDoUpdate({
        target: [fees.patronId, fees.libraryId, fees.kind, fees.createdOn, fees.description],
        set: { amountCents: add.amountCents, paidOn: null },
      });
  }
  for (const change of plan.feeAmountChanges) {
    await tx
      .update(fees)
      .set({ amountCents: change.amountCents })
      .where(and(eq(fees.id, change.feeId), eq(fees.amountCents, change.fromCents), isNull(fees.paidOn)));
  }
  for (const settle of plan.settleFees) {
    await tx.update(fees).set({ paidOn: settle.paidOn }).where(and(eq(fees.id, settle.feeId), isNull(fees.paidOn)));
  }
}

export interface AccountRefreshOptions {
  claimIntervalSeconds?: number;
  /** Only the libraries of this card (R2 slug). */
  cardSlug?: string;
  /** Only pairs whose copy is older than `staleAfterMinutes`. */
  onlyStale?: boolean;
  staleAfterMinutes?: number;
  deadlineMs?: number;
  inFlight?: InFlightLookup;
}

export interface AccountRefreshResult {
  patronId: number;
  libraryId: number;
  isil: string;
  outcome: RefreshOutcome;
}

/**
 * Refreshes every linked (patron, library) pair of the account — the patrons linked to it (P3) at
 * each linked library where they hold a card — in parallel, each within the deadline, so the whole
 * takes about one deadline. Never throws.
 */
export async function refreshAccount(
  db: Db,
  systems: LibrarySystems,
  account: { accountId: number },
  options: AccountRefreshOptions,
  now: Date,
): Promise<AccountRefreshResult[]> {
  const linked = systems.linkedIsils().map((i) => i.toUpperCase());
  if (linked.length === 0) return [];
  const staleAfterMinutes = options.onlyStale ? (options.staleAfterMinutes ?? 15) : null;
  let targets: RefreshTarget[];
  try {
    targets = await linkedPairs(db, account.accountId, linked, options.cardSlug ?? null, staleAfterMinutes === null ? null : new Date(now.getTime() - staleAfterMinutes * 60_000));
  } catch (error) {
    logger().error({ accountId: account.accountId, ...safe.error(error) }, 'library refresh: finding the linked libraries failed');
    return [];
  }
  return Promise.all(
    targets.map(async (target) => ({
      patronId: target.patronId,
      libraryId: target.libraryId,
      isil: target.isil,
      outcome: await refreshPatronAtLibrary(db, systems, target, now, {
        staleAfterMinutes,
        deadlineMs: options.deadlineMs,
        inFlight: options.inFlight,
        claimIntervalSeconds: options.claimIntervalSeconds,
      }),
    })),
  );
}

/**
 * The account's patrons (P3) at linked libraries where they hold a card; which card names the patron
 * to the library: a Wise card first (the library system's own barcode), else the newest card there.
 */
async function linkedPairs(db: Db, accountId: number, linkedIsils: string[], cardSlug: string | null, staleBefore: Date | null): Promise<RefreshTarget[]> {
  const result = await db.execute(sql`
    select distinct on (c.patron_id, c.library_id)
           c.patron_id as "patronId", c.library_id as "libraryId", upper(l.isil) as isil, coalesce(c.source_number, c.number) as "libraryPatronId"
      from account_patrons ap
      join cards c on c.patron_id = ap.patron_id
      join libraries l on l.id = c.library_id
      left join regions r on r.id = l.region_id
      left join library_sync ls on ls.patron_id = c.patron_id and ls.library_id = c.library_id
     where ap.account_id = ${accountId}
       and upper(l.isil) in (${sql.join(linkedIsils.map((i) => sql`${i}`), sql`, `)})
       ${cardSlug === null ? sql`` : sql`and ${slugOf(sql`r.code`, sql`l.isil`)} = ${cardSlug}`}
       ${staleBefore === null ? sql`` : sql`and (ls.last_fetched_at is null or ls.last_fetched_at < ${iso(staleBefore)}::timestamptz)`}
     order by c.patron_id, c.library_id, (c.kind = 'wise') desc, c.id desc
     limit ${MAX_PAIRS_PER_ACCOUNT}`);
  const rows = rowsOf<RefreshTarget>(result);
  return rows.map((r) => ({ patronId: Number(r.patronId), libraryId: Number(r.libraryId), isil: r.isil, libraryPatronId: r.libraryPatronId }));
}
