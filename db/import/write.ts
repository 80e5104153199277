// Writes a validated document, table by table in dependency order, by natural key (upsert.ts).
// Call it inside one transaction, after validate.ts found no errors: it trusts the references.
// References to records of an earlier import are resolved to ids in batches, like everything else.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import {
  accountPatrons,
  accounts,
  branches,
  cards,
  digitalCollections,
  fees,
  items,
  libraries,
  libraryDigitalCollections,
  loans,
  memberships,
  patrons,
  regions,
  reservations,
  subscriptionTypes,
  titles,
} from '../schema';
import { classifyCardNumber } from '../../lib/domain/card-number';
import {
  KEPT_ACCOUNT,
  NOTE_NO_EXPORTED_AT,
  reconcileHistorySetting,
  reconcileLoan,
  reconcileMembershipLink,
  reconcileReservation,
} from '../../lib/domain/import-reconcile';
import { chunked, inChunks } from './chunks';
import { PortalChangeReconciler, recordChange, type KeptRecord, type StandingChange } from './portal-changes';
import { cardNumber } from './references';
import type { ParsedNetworkDocument } from './schema';
import { cardPinColumns, keepOrHash, mapLimited, type StoredPin } from './secrets';
import { addCounts, upsertByNaturalKey, zeroCounts, type Counts, type Stored } from './upsert';

/** R15: a Dutch guest membership starts with 125 free loan strips. */
export const DEFAULT_LOAN_STRIPS = 125;
/** Hashes in flight at once; argon2 runs on libuv's pool (4 threads unless UV_THREADPOOL_SIZE says more). */
const HASH_CONCURRENCY = 8;

export type TableCounts = Record<string, Counts>;

const k = (...parts: unknown[]): string => parts.map(String).join('\u0000');

/** Natural key → id, from what was just written plus, for the rest, one query per chunk. */
async function resolve(
  known: Map<string, number>,
  wanted: Iterable<string>,
  lookup: (chunk: string[]) => Promise<{ key: string; id: number }[]>,
): Promise<Map<string, number>> {
  const missing = [...new Set(wanted)].filter((key) => !known.has(key));
  for (const row of await inChunks(missing, lookup)) known.set(row.key, row.id);
  return known;
}

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  // validate.ts resolved every reference; reaching this means the two disagree.
  if (id === undefined) throw new Error(`internal: ${what} ${JSON.stringify(key)} did not resolve`);
  return id;
}

/** Which part of the document is being written, so that a database error can name it. */
export interface WriteProgress {
  section: string;
}

/** Issue 13: what the import kept of the portal's changes, and what it settled. */
export interface WriteReport {
  kept: KeptRecord[];
  notes: string[];
  portalChanges: { confirmed: number; rejected: number };
}

export const emptyWriteReport = (): WriteReport => ({ kept: [], notes: [], portalChanges: { confirmed: 0, rejected: 0 } });

export async function writeNetwork(
  db: Executor,
  doc: ParsedNetworkDocument,
  progress: WriteProgress = { section: '' },
  linkedIsils: ReadonlySet<string> = new Set(),
  report: WriteReport = emptyWriteReport(),
): Promise<TableCounts> {
  const counts: TableCounts = {};
  const at = (section: string) => (progress.section = section);
  // Issue 13 §3: a portal change stands when unconfirmed, or made after the export.
  const exportedAt = doc.exportedAt != null ? new Date(doc.exportedAt) : null;
  if (exportedAt === null) report.notes.push(NOTE_NO_EXPORTED_AT);
  const changes = new PortalChangeReconciler(db, exportedAt);

  at('regions');
  // Regions and digital collections.
  const regionIds = await upsertByNaturalKey(
    db,
    {
      table: regions,
      keyOf: (r) => String(r.code),
      storedWhere: (chunk) => inArray(regions.code, chunk.map((r) => r.code)),
      columns: ['name', 'kind', 'feeBlockThresholdCents'],
      target: [regions.code],
    },
    doc.regions.map((r) => ({ code: r.code, name: r.name, kind: r.kind, feeBlockThresholdCents: r.feeBlockThresholdCents })),
  ).then(({ ids, counts: c }) => ((counts.regions = c), ids));

  at('digitalCollections');
  const collectionIds = await upsertByNaturalKey(
    db,
    {
      table: digitalCollections,
      keyOf: (r) => String(r.code),
      storedWhere: (chunk) => inArray(digitalCollections.code, chunk.map((r) => r.code)),
      columns: ['name'],
      target: [digitalCollections.code],
    },
    doc.digitalCollections.map((c) => ({ code: c.code, name: c.name })),
  ).then(({ ids, counts: c }) => ((counts.digitalCollections = c), ids));

  at('libraries');
  // Libraries.
  await resolve(
    regionIds,
    doc.libraries.flatMap((l) => (l.region != null ? [l.region] : [])),
    (chunk) => db.select({ key: regions.code, id: regions.id }).from(regions).where(inArray(regions.code, chunk)),
  );
  const libraryIds = await upsertByNaturalKey(
    db,
    {
      table: libraries,
      keyOf: (r) => String(r.isil),
      storedWhere: (chunk) => inArray(libraries.isil, chunk.map((r) => r.isil)),
      columns: ['name', 'country', 'regionId'],
      target: [libraries.isil],
    },
    doc.libraries.map((l) => ({
      isil: l.isil,
      name: l.name,
      country: l.country,
      regionId: l.region != null ? need(regionIds, l.region, 'region') : null,
    })),
  ).then(({ ids, counts: c }) => ((counts.libraries = c), ids));

  // Every library the document mentions, with its region: scopes subscription types (R2).
  const libraryIsils = new Set<string>([
    ...doc.libraries.map((l) => l.isil),
    ...doc.subscriptionTypes.flatMap((t) => (t.library !== undefined ? [t.library] : [])),
    ...doc.patrons.flatMap((p) => [...p.memberships, ...p.guestMemberships, ...p.cards].map((m) => m.library)),
    ...doc.items.map((i) => i.library),
    ...doc.loans.map((l) => l.library),
    ...doc.reservations.map((r) => r.pickupLibrary),
    ...doc.fees.map((f) => f.library),
  ]);
  const libraryInfo = new Map(
    (
      await inChunks(libraryIsils, (chunk) =>
        db
          .select({ isil: libraries.isil, id: libraries.id, regionId: libraries.regionId })
          .from(libraries)
          .where(inArray(libraries.isil, chunk)),
      )
    ).map((l) => [l.isil, l]),
  );
  for (const [isil, info] of libraryInfo) libraryIds.set(isil, info.id);

  at('libraries[].digitalCollections');
  counts.libraryDigitalCollections = await writeLibraryCollections(db, doc, libraryIds, collectionIds);

  at('libraries[].branches');
  // Branches.
  const branchIds = await upsertByNaturalKey(
    db,
    {
      table: branches,
      keyOf: (r) => k(r.libraryId, r.code),
      storedWhere: (chunk) => inArray(branches.libraryId, chunk.map((r) => r.libraryId)),
      columns: ['name'],
      target: [branches.libraryId, branches.code],
    },
    doc.libraries.flatMap((l) =>
      l.branches.map((b) => ({ libraryId: need(libraryIds, l.isil, 'library'), code: b.code, name: b.name })),
    ),
  ).then(({ ids, counts: c }) => ((counts.branches = c), ids));
  const branchId = (isil: string, code: string) => k(need(libraryIds, isil, 'library'), code);
  await resolve(
    branchIds,
    [
      ...doc.items.map((i) => branchId(i.library, i.branch)),
      ...doc.loans.map((l) => branchId(l.library, l.branch)),
      ...doc.reservations.map((r) => branchId(r.pickupLibrary, r.pickupBranch)),
    ],
    async (chunk) => {
      const libraryIdsWanted = [...new Set(chunk.map((key) => Number(key.split('\u0000')[0])))];
      const rows = await db
        .select({ id: branches.id, libraryId: branches.libraryId, code: branches.code })
        .from(branches)
        .where(inArray(branches.libraryId, libraryIdsWanted));
      return rows.map((b) => ({ key: k(b.libraryId, b.code), id: b.id }));
    },
  );

  at('subscriptionTypes');
  // Subscription types: a region's (shared by its libraries) or a lone library's.
  const typeScope = (t: { regionId: unknown; libraryId: unknown }) =>
    t.regionId != null ? `region:${String(t.regionId)}` : `library:${String(t.libraryId)}`;
  const typeDrafts = doc.subscriptionTypes.map((t) => ({
    code: t.code,
    name: t.name,
    regionId: t.region !== undefined ? need(regionIds, t.region, 'region') : null,
    libraryId: t.library !== undefined ? need(libraryIds, t.library, 'library') : null,
    loanPeriodDays: t.loanPeriodDays,
    maxRenewals: t.maxRenewals,
    maxLoans: t.maxLoans,
  }));
  const typeSpec = {
    table: subscriptionTypes,
    keyOf: (r: Record<string, unknown>) => k(typeScope(r as never), r.code),
    storedWhere: (chunk: { code: string }[]) => inArray(subscriptionTypes.code, chunk.map((r) => r.code)),
    columns: ['name', 'loanPeriodDays', 'maxRenewals', 'maxLoans'],
  };
  counts.subscriptionTypes = zeroCounts();
  const typeIds = new Map<string, number>();
  for (const [drafts, target, targetWhere] of [
    [typeDrafts.filter((t) => t.regionId !== null), [subscriptionTypes.regionId, subscriptionTypes.code], 'region_id is not null'],
    [typeDrafts.filter((t) => t.regionId === null), [subscriptionTypes.libraryId, subscriptionTypes.code], 'library_id is not null'],
  ] as const) {
    const { ids, counts: c } = await upsertByNaturalKey(
      db,
      { ...typeSpec, target: [...target], targetWhere: sql.raw(targetWhere) },
      [...drafts],
    );
    addCounts(counts.subscriptionTypes, c);
    for (const [key, id] of ids) typeIds.set(key, id);
  }
  const typeOf = (isil: string, code: string): string => {
    const lib = libraryInfo.get(isil);
    if (!lib) throw new Error(`internal: library ${JSON.stringify(isil)} did not resolve`);
    return k(typeScope({ regionId: lib.regionId, libraryId: lib.id }), code);
  };
  const membershipDocs = doc.patrons.flatMap((p) => [...p.memberships, ...p.guestMemberships]);
  await resolve(
    typeIds,
    membershipDocs.map((m) => typeOf(m.library, m.type)),
    async (chunk) => {
      const codes = [...new Set(chunk.map((key) => key.split('\u0000')[1] ?? ''))];
      const rows = await db.select().from(subscriptionTypes).where(inArray(subscriptionTypes.code, codes));
      return rows.map((t) => ({ key: k(typeScope(t), t.code), id: t.id }));
    },
  );

  at('patrons');
  // Patrons. §4: the history setting is the patron's once the patron exists: the document sets it
  // only for a new patron; a standing history change is confirmed when the document shows it.
  const patronIds = await upsertByNaturalKey(
    db,
    {
      table: patrons,
      keyOf: (r) => String(r.key),
      storedWhere: (chunk) => inArray(patrons.key, chunk.map((r) => r.key)),
      columns: ['givenName', 'familyName', 'birthDate', 'email', 'historyEnabled'],
      target: [patrons.key],
      prepare: async (chunk, stored) => {
        const existing = chunk.flatMap((p) => {
          const before = stored.get(p.key);
          return before ? [before.id] : [];
        });
        const standing = existing.length > 0
          ? await changes.standing('patronId', existing, ['history_enabled', 'history_disabled'])
          : new Map<number, StandingChange[]>();
        return chunk.map(({ at: i, ...patron }) => {
          const before = stored.get(patron.key);
          if (!before) return patron;
          const portalValue = before.historyEnabled as boolean;
          const list = standing.get(before.id) ?? [];
          const outcome = reconcileHistorySetting(portalValue, patron.historyEnabled);
          if (list.length > 0) {
            if (outcome.action === 'keep') changes.keep(`patrons[${i}].historyEnabled`, list.at(-1)!);
            else for (const change of list) changes.settle(change, outcome);
          }
          return { ...patron, historyEnabled: portalValue };
        });
      },
    },
    // `at`: the patron's position in the document, for the report; prepare strips it.
    doc.patrons.map((p, i) => ({
      at: i,
      key: p.key,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate ?? null,
      email: p.email ?? null,
      historyEnabled: p.historyEnabled,
    })),
  ).then(({ ids, counts: c }) => ((counts.patrons = c), ids));
  await resolve(
    patronIds,
    [
      ...doc.accounts.flatMap((a) => a.patrons),
      ...doc.loans.map((l) => l.patron),
      ...doc.reservations.map((r) => r.patron),
      ...doc.fees.map((f) => f.patron),
    ],
    (chunk) => db.select({ key: patrons.key, id: patrons.id }).from(patrons).where(inArray(patrons.key, chunk)),
  );

  at('patrons[].memberships');
  // Memberships, ordinary and guest (R10–R12, R15): one per patron and library.
  const membershipDrafts = doc.patrons.flatMap((p) => {
    const patronId = need(patronIds, p.key, 'patron');
    const ordinary = p.memberships.map((m) => ({
      patronId,
      libraryId: need(libraryIds, m.library, 'library'),
      subscriptionTypeId: need(typeIds, typeOf(m.library, m.type), 'subscription type'),
      kind: 'ordinary' as const,
      startOn: m.start,
      endOn: m.end,
      autoRenew: m.autoRenew,
      stoppedOn: m.stoppedOn ?? null,
      registeredOn: null,
      homeIsil: null,
      homeCardNumber: null,
      homeValidUntil: null,
      homeCheckedOn: null,
      loanStrips: null as number | null | undefined,
    }));
    const guest = p.guestMemberships.map((m) => ({
      patronId,
      libraryId: need(libraryIds, m.library, 'library'),
      subscriptionTypeId: need(typeIds, typeOf(m.library, m.type), 'subscription type'),
      kind: 'guest' as const,
      // R11: a guest membership runs from registration; its end follows the home membership.
      startOn: m.registeredOn,
      endOn: null,
      autoRenew: false,
      stoppedOn: null,
      registeredOn: m.registeredOn,
      homeIsil: m.homeIsil,
      homeCardNumber: cardNumber(m.homeCardNumber),
      homeValidUntil: m.homeValidUntil ?? null,
      homeCheckedOn: m.homeCheckedOn ?? null,
      loanStrips: m.loanStrips as number | null | undefined,
    }));
    return [...ordinary, ...guest];
  });
  counts.memberships = (
    await upsertByNaturalKey(
      db,
      {
        table: memberships,
        keyOf: (r) => k(r.patronId, r.libraryId),
        storedWhere: (chunk) => inArray(memberships.patronId, chunk.map((r) => r.patronId)),
        columns: [
          'subscriptionTypeId', 'kind', 'startOn', 'endOn', 'autoRenew', 'stoppedOn', 'registeredOn',
          'homeIsil', 'homeCardNumber', 'homeValidUntil', 'homeCheckedOn', 'loanStrips',
        ],
        target: [memberships.patronId, memberships.libraryId],
        // R15: strips are used up by lending; a document without loanStrips keeps the stored count.
        prepare: async (chunk, stored) =>
          chunk.map((m) => {
            if (m.kind !== 'guest' || m.loanStrips !== undefined) return m;
            const before = stored.get(k(m.patronId, m.libraryId));
            const strips = before?.kind === 'guest' ? (before.loanStrips as number | null) : null;
            return { ...m, loanStrips: strips ?? DEFAULT_LOAN_STRIPS };
          }),
      },
      membershipDrafts,
    )
  ).counts;

  at('patrons[].cards');
  // Cards: the kind follows from the number; a plain PIN is stored only as a peppered hash, a PIN
  // hash from the library as given until its first right PIN (secrets.ts, cardPinColumns).
  counts.cards = (
    await upsertByNaturalKey(
      db,
      {
        table: cards,
        keyOf: (r) => k(r.libraryId, r.number),
        storedWhere: (chunk) => inArray(cards.number, chunk.map((r) => r.number)),
        columns: ['patronId', 'kind', 'pinHash', 'pinSource', 'sourceNumber'],
        target: [cards.libraryId, cards.number],
        prepare: (chunk, stored) =>
          mapLimited(chunk, HASH_CONCURRENCY, async ({ pin, pinHash, ...card }) => ({
            ...card,
            ...(await cardPinColumns(stored.get(k(card.libraryId, card.number)) as StoredPin | undefined, { pin, pinHash })),
          })),
      },
      doc.patrons.flatMap((p) =>
        p.cards.map((c) => ({
          patronId: need(patronIds, p.key, 'patron'),
          libraryId: need(libraryIds, c.library, 'library'),
          number: cardNumber(c.number),
          sourceNumber: c.number.trim(),
          kind: classifyCardNumber(c.number),
          // L5: a linked library's system checks its own PINs; the portal keeps none of them.
          pin: linkedIsils.has(c.library.toUpperCase()) ? null : c.pin,
          pinHash: linkedIsils.has(c.library.toUpperCase()) ? null : c.pinHash,
        })),
      ),
    )
  ).counts;

  at('accounts');
  // Accounts (P1), by lower(username). A new account gets the document's address (the library's
  // record of it, so it counts as verified, issue 11 §5) and its password, hashed. An existing
  // account is the patron's (issue 13 §4): its e-mail, verification, password and sessions are
  // never written — the document's password is not even hashed — and a different address is
  // reported as kept.
  const accountIds = await upsertByNaturalKey(
    db,
    {
      table: accounts,
      keyOf: (r) => String(r.username).toLowerCase(),
      storedWhere: (chunk) =>
        inArray(sql`lower(${accounts.username})`, chunk.map((a) => a.username.toLowerCase())),
      columns: ['username', 'email', 'emailVerified', 'passwordHash'],
      target: [accounts.id],
      conflictOnId: true,
      prepare: (chunk, stored) =>
        mapLimited(chunk, HASH_CONCURRENCY, async ({ password, at: i, ...account }) => {
          const before = stored.get(account.username.toLowerCase());
          if (!before) return { ...account, passwordHash: await keepOrHash(null, password) };
          if (before.email !== account.email) changes.keepWith(`accounts[${i}]`, KEPT_ACCOUNT);
          return { ...account, email: before.email, emailVerified: before.emailVerified, passwordHash: before.passwordHash };
        }),
    },
    doc.accounts.map((a, i) => ({ at: i, username: a.username, email: a.email, emailVerified: true, password: a.password })),
  ).then(({ ids, counts: c }) => ((counts.accounts = c), ids));

  at('accounts[].patrons');
  counts.accountPatrons = await writeAccountLinks(db, doc, accountIds, patronIds, changes);

  at('titles');
  // Titles and items.
  const titleIds = await upsertByNaturalKey(
    db,
    {
      table: titles,
      keyOf: (r) => String(r.key),
      storedWhere: (chunk) => inArray(titles.key, chunk.map((r) => r.key)),
      columns: ['title', 'author', 'year', 'isbn', 'material'],
      target: [titles.key],
    },
    doc.titles.map((t) => ({
      key: t.key,
      title: t.title,
      author: t.author ?? null,
      year: t.year ?? null,
      isbn: t.isbn ?? null,
      material: t.material,
    })),
  ).then(({ ids, counts: c }) => ((counts.titles = c), ids));
  await resolve(
    titleIds,
    [...doc.items.map((i) => i.title), ...doc.reservations.map((r) => r.title)],
    (chunk) => db.select({ key: titles.key, id: titles.id }).from(titles).where(inArray(titles.key, chunk)),
  );

  at('items');
  const itemIds = await upsertByNaturalKey(
    db,
    {
      table: items,
      keyOf: (r) => String(r.barcode),
      storedWhere: (chunk) => inArray(items.barcode, chunk.map((r) => r.barcode)),
      columns: ['titleId', 'libraryId', 'branchId'],
      target: [items.barcode],
    },
    doc.items.map((i) => ({
      barcode: i.barcode,
      titleId: need(titleIds, i.title, 'title'),
      libraryId: need(libraryIds, i.library, 'library'),
      branchId: need(branchIds, branchId(i.library, i.branch), 'branch'),
    })),
  ).then(({ ids, counts: c }) => ((counts.items = c), ids));
  await resolve(itemIds, doc.loans.map((l) => l.item), (chunk) =>
    db.select({ key: items.barcode, id: items.id }).from(items).where(inArray(items.barcode, chunk)),
  );

  at('loans');
  // Loans by (item, lentOn). Returned loans first: closing a stored open loan must come before the
  // item's new open loan, or the one-open-loan-per-item index would refuse the new one.
  // Issue 13 §3: a stored loan with a standing renewal keeps the portal's due date and renewal
  // count until the document shows the renewal; a returned loan wins over it.
  const loanDrafts = doc.loans.map((l, i) => ({
    at: i,
    itemId: need(itemIds, l.item, 'item'),
    patronId: need(patronIds, l.patron, 'patron'),
    libraryId: need(libraryIds, l.library, 'library'),
    branchId: need(branchIds, branchId(l.library, l.branch), 'branch'),
    lentOn: l.lentOn,
    dueOn: l.dueOn,
    renewals: l.renewals,
    returnedOn: l.returnedOn ?? null,
  }));
  const loanSpec = {
    table: loans,
    keyOf: (r: Record<string, unknown>) => k(r.itemId, r.lentOn),
    storedWhere: (chunk: { itemId: number }[]) => inArray(loans.itemId, chunk.map((r) => r.itemId)),
    // Never `hiddenFromHistory`: a loan the patron cleared from the history stays hidden (H1, §4).
    columns: ['patronId', 'libraryId', 'branchId', 'dueOn', 'renewals', 'returnedOn'],
    target: [loans.itemId, loans.lentOn],
    prepare: async (chunk: (typeof loanDrafts)[number][], stored: Map<string, Stored>) => {
      const storedIds = chunk.flatMap((l) => stored.get(k(l.itemId, l.lentOn))?.id ?? []);
      const standing = storedIds.length > 0
        ? await changes.standing('loanId', storedIds, ['renewal'])
        : new Map<number, StandingChange[]>();
      return chunk.map(({ at: i, ...loan }) => {
        const before = stored.get(k(loan.itemId, loan.lentOn));
        const list = before ? standing.get(before.id) : undefined;
        if (!before || !list) return loan;
        const decided = changes.decide(
          list,
          (c) => {
            const change = recordChange(c);
            return change && reconcileLoan(change, { dueOn: loan.dueOn, returnedOn: loan.returnedOn });
          },
          `loans[${i}]`,
        );
        return decided?.outcome.action === 'keep' ? { ...loan, dueOn: before.dueOn, renewals: before.renewals } : loan;
      });
    },
  };
  counts.loans = zeroCounts();
  addCounts(counts.loans, (await upsertByNaturalKey(db, loanSpec, loanDrafts.filter((l) => l.returnedOn !== null))).counts);
  addCounts(counts.loans, (await upsertByNaturalKey(db, loanSpec, loanDrafts.filter((l) => l.returnedOn === null))).counts);

  at('reservations');
  counts.reservations = (
    await upsertByNaturalKey(
      db,
      {
        table: reservations,
        keyOf: (r) => k(r.patronId, r.titleId, r.placedOn),
        storedWhere: (chunk) => inArray(reservations.patronId, chunk.map((r) => r.patronId)),
        columns: ['pickupBranchId', 'status', 'readyUntil'],
        target: [reservations.patronId, reservations.titleId, reservations.placedOn],
        // Issue 13 §3: a cancellation or pick-up change made in the portal is kept until the
        // document shows it; a reservation the library made ready, fulfilled or cancelled wins.
        prepare: async (chunk, stored) => {
          const keyOf = (r: { patronId: number; titleId: number; placedOn: string }) => k(r.patronId, r.titleId, r.placedOn);
          const storedIds = chunk.flatMap((r) => stored.get(keyOf(r))?.id ?? []);
          const standing = storedIds.length > 0
            ? await changes.standing('reservationId', storedIds, ['reservation_cancelled', 'pickup_changed'])
            : new Map<number, StandingChange[]>();
          return chunk.map(({ at: i, pickup, ...reservation }) => {
            const before = stored.get(keyOf(reservation));
            const list = before ? standing.get(before.id) : undefined;
            if (!before || !list) return reservation;
            const decided = changes.decide(
              list,
              (c) => {
                const change = recordChange(c);
                return change && reconcileReservation(change, { status: reservation.status, pickup });
              },
              `reservations[${i}]`,
            );
            if (decided?.outcome.action !== 'keep') return reservation;
            return decided.change.kind === 'pickup_changed'
              ? { ...reservation, pickupBranchId: before.pickupBranchId as number }
              : { ...reservation, status: before.status as typeof reservation.status, readyUntil: before.readyUntil as string | null };
          });
        },
      },
      doc.reservations.map((r, i) => ({
        at: i,
        pickup: { library: r.pickupLibrary, branch: r.pickupBranch },
        titleId: need(titleIds, r.title, 'title'),
        patronId: need(patronIds, r.patron, 'patron'),
        pickupBranchId: need(branchIds, branchId(r.pickupLibrary, r.pickupBranch), 'branch'),
        placedOn: r.placedOn,
        status: r.status,
        readyUntil: r.readyUntil ?? null,
      })),
    )
  ).counts;

  at('fees');
  counts.fees = (
    await upsertByNaturalKey(
      db,
      {
        table: fees,
        keyOf: (r) => k(r.patronId, r.libraryId, r.kind, r.createdOn, r.description),
        storedWhere: (chunk) => inArray(fees.patronId, chunk.map((r) => r.patronId)),
        columns: ['amountCents', 'paidOn'],
        target: [fees.patronId, fees.libraryId, fees.kind, fees.createdOn, fees.description],
      },
      doc.fees.map((f) => ({
        patronId: need(patronIds, f.patron, 'patron'),
        libraryId: need(libraryIds, f.library, 'library'),
        kind: f.kind,
        amountCents: f.amountCents,
        description: f.description,
        createdOn: f.createdOn,
        paidOn: f.paidOn ?? null,
      })),
    )
  ).counts;

  at('portal_changes');
  report.kept.push(...changes.kept);
  report.portalChanges = await changes.flush();
  return counts;
}

/**
 * R8 licences. A library that lists `digitalCollections` gets exactly that list (the library
 * system is the source of truth for its licences); a library without the field keeps its own.
 */
async function writeLibraryCollections(
  db: Executor,
  doc: ParsedNetworkDocument,
  libraryIds: Map<string, number>,
  collectionIds: Map<string, number>,
): Promise<Counts> {
  const counts = zeroCounts();
  const listed = doc.libraries.filter((l) => l.digitalCollections !== undefined);
  if (listed.length === 0) return counts;
  await resolve(
    collectionIds,
    listed.flatMap((l) => l.digitalCollections ?? []),
    (chunk) =>
      db
        .select({ key: digitalCollections.code, id: digitalCollections.id })
        .from(digitalCollections)
        .where(inArray(digitalCollections.code, chunk)),
  );
  const wanted = new Set(
    listed.flatMap((l) =>
      (l.digitalCollections ?? []).map((c) => k(need(libraryIds, l.isil, 'library'), need(collectionIds, c, 'collection'))),
    ),
  );
  const stored = await inChunks(
    listed.map((l) => need(libraryIds, l.isil, 'library')),
    (chunk) => db.select().from(libraryDigitalCollections).where(inArray(libraryDigitalCollections.libraryId, chunk)),
  );
  const have = new Set(stored.map((r) => k(r.libraryId, r.digitalCollectionId)));
  const toInsert = [...wanted].filter((key) => !have.has(key)).map(splitPair);
  const toRemove = stored.filter((r) => !wanted.has(k(r.libraryId, r.digitalCollectionId)));
  counts.unchanged = wanted.size - toInsert.length;
  counts.inserted = toInsert.length;
  counts.removed = toRemove.length;
  for (const chunk of chunked(toInsert)) {
    await db
      .insert(libraryDigitalCollections)
      .values(chunk.map(([libraryId, digitalCollectionId]) => ({ libraryId, digitalCollectionId })))
      .onConflictDoNothing();
  }
  for (const chunk of chunked(toRemove)) {
    await db
      .delete(libraryDigitalCollections)
      .where(
        or(
          ...chunk.map((r) =>
            and(
              eq(libraryDigitalCollections.libraryId, r.libraryId),
              eq(libraryDigitalCollections.digitalCollectionId, r.digitalCollectionId),
            ),
          ),
        ),
      );
  }
  return counts;
}

/**
 * P1/P2 links. Only added, never removed: patrons link and unlink in the portal, and an import
 * must not undo that. A link to another account was refused by validation (P3, R14). Issue 13
 * §3: a standing unlink is not undone either (the link is not re-added, and reported as kept)
 * until the document's account no longer lists the patron; a standing link is confirmed when it
 * does.
 */
async function writeAccountLinks(
  db: Executor,
  doc: ParsedNetworkDocument,
  accountIds: Map<string, number>,
  patronIds: Map<string, number>,
  changes: PortalChangeReconciler,
): Promise<Counts> {
  const counts = zeroCounts();
  const listedAccounts = doc.accounts.map((a, i) => ({
    at: i,
    accountId: need(accountIds, a.username.toLowerCase(), 'account'),
    patronIds: a.patrons.map((p) => need(patronIds, p, 'patron')),
  }));
  const wanted = listedAccounts.flatMap((a) =>
    a.patronIds.map((patronId, j) => ({ accountId: a.accountId, patronId, path: `accounts[${a.at}].patrons[${j}]` })),
  );
  const stored = await inChunks(
    wanted.map((w) => w.patronId),
    (chunk) => db.select().from(accountPatrons).where(inArray(accountPatrons.patronId, chunk)),
  );
  const have = new Set(stored.map((r) => k(r.accountId, r.patronId)));

  const standing = await changes.standing(
    'accountId',
    listedAccounts.map((a) => a.accountId),
    ['membership_linked', 'membership_unlinked'],
  );
  const keptLinks = new Set<string>();
  for (const account of listedAccounts) {
    const byPatron = new Map<number, StandingChange[]>();
    for (const change of standing.get(account.accountId) ?? []) {
      if (change.patronId === null) continue;
      byPatron.set(change.patronId, [...(byPatron.get(change.patronId) ?? []), change]);
    }
    for (const [patronId, list] of byPatron) {
      const j = account.patronIds.indexOf(patronId);
      const decided = changes.decide(
        list,
        (c) => reconcileMembershipLink(c.kind as 'membership_linked' | 'membership_unlinked', j >= 0),
        `accounts[${account.at}].patrons[${j}]`,
      );
      if (decided?.outcome.action === 'keep') keptLinks.add(k(account.accountId, patronId));
    }
  }

  const toInsert = wanted
    .filter((w) => !have.has(k(w.accountId, w.patronId)) && !keptLinks.has(k(w.accountId, w.patronId)))
    .map(({ accountId, patronId }) => ({ accountId, patronId }));
  counts.inserted = toInsert.length;
  counts.unchanged = wanted.length - toInsert.length;
  for (const chunk of chunked(toInsert)) await db.insert(accountPatrons).values(chunk);
  return counts;
}

const splitPair = (key: string): [number, number] => {
  const [a, b] = key.split('\u0000');
  return [Number(a), Number(b)];
};

