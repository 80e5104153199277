// The network's structure: regions, digital collections, libraries (and their licences), branches
// and subscription types. Returns the ids the later sections refer to.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { branches, digitalCollections, libraries, libraryDigitalCollections, regions, subscriptionTypes } from '../schema';
import { chunked, inChunks } from './chunks';
import { addCounts, upsertByNaturalKey, zeroCounts, type Counts } from './upsert';
import { k, need, resolve, splitPair, upsertCounted, type WriteContext } from './write-shared';

type LibraryInfo = { isil: string; id: number; regionId: number | null };

/** Natural key → id for the structure, and the keys of a branch and a subscription type. */
export interface StructureIds {
  libraryIds: Map<string, number>;
  branchIds: Map<string, number>;
  typeIds: Map<string, number>;
  /** The key of a branch in `branchIds`. */
  branchKey: (isil: string, code: string) => string;
  /** The key in `typeIds` of the subscription type `code` as seen from library `isil` (R2). */
  typeKey: (isil: string, code: string) => string;
}

export async function writeStructure(ctx: WriteContext): Promise<StructureIds> {
  ctx.at('regions');
  const regionIds = await writeRegions(ctx);
  ctx.at('digitalCollections');
  const collectionIds = await writeDigitalCollections(ctx);
  ctx.at('libraries');
  const { libraryIds, libraryInfo } = await writeLibraries(ctx, regionIds);
  ctx.at('libraries[].digitalCollections');
  ctx.counts.libraryDigitalCollections = await writeLibraryCollections(ctx, libraryIds, collectionIds);
  ctx.at('libraries[].branches');
  const branchKey = (isil: string, code: string) => k(need(libraryIds, isil, 'library'), code);
  const branchIds = await writeBranches(ctx, libraryIds, branchKey);
  ctx.at('subscriptionTypes');
  const typeKey = (isil: string, code: string): string => {
    const lib = libraryInfo.get(isil);
    if (!lib) throw new Error(`internal: library ${JSON.stringify(isil)} did not resolve`);
    return k(typeScope({ regionId: lib.regionId, libraryId: lib.id }), code);
  };
  const typeIds = await writeSubscriptionTypes(ctx, regionIds, libraryIds, typeKey);
  return { libraryIds, branchIds, typeIds, branchKey, typeKey };
}

async function writeRegions(ctx: WriteContext): Promise<Map<string, number>> {
  return upsertCounted(
    ctx,
    'regions',
    {
      table: regions,
      keyOf: (r) => String(r.code),
      storedWhere: (chunk) => inArray(regions.code, chunk.map((r) => r.code)),
      columns: ['name', 'kind', 'feeBlockThresholdCents'],
      target: [regions.code],
    },
    ctx.doc.regions.map((r) => ({ code: r.code, name: r.name, kind: r.kind, feeBlockThresholdCents: r.feeBlockThresholdCents })),
  );
}

async function writeDigitalCollections(ctx: WriteContext): Promise<Map<string, number>> {
  return upsertCounted(
    ctx,
    'digitalCollections',
    {
      table: digitalCollections,
      keyOf: (r) => String(r.code),
      storedWhere: (chunk) => inArray(digitalCollections.code, chunk.map((r) => r.code)),
      columns: ['name'],
      target: [digitalCollections.code],
    },
    ctx.doc.digitalCollections.map((c) => ({ code: c.code, name: c.name })),
  );
}

/** Libraries, then every library the document mentions with its region (it scopes subscription types, R2). */
async function writeLibraries(
  ctx: WriteContext,
  regionIds: Map<string, number>,
): Promise<{ libraryIds: Map<string, number>; libraryInfo: Map<string, LibraryInfo> }> {
  const { db, doc } = ctx;
  await resolve(
    regionIds,
    doc.libraries.flatMap((l) => (l.region != null ? [l.region] : [])),
    (chunk) => db.select({ key: regions.code, id: regions.id }).from(regions).where(inArray(regions.code, chunk)),
  );
  const libraryIds = await upsertCounted(
    ctx,
    'libraries',
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
  );
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
  return { libraryIds, libraryInfo };
}

/**
 * R8 licences. A library that lists `digitalCollections` gets exactly that list (the library
 * system is the source of truth for its licences); a library without the field keeps its own.
 */
async function writeLibraryCollections(
  { db, doc }: WriteContext,
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

/** Branches, then the stored branches that items, loans and reservations name. */
async function writeBranches(
  ctx: WriteContext,
  libraryIds: Map<string, number>,
  branchKey: (isil: string, code: string) => string,
): Promise<Map<string, number>> {
  const { db, doc } = ctx;
  const branchIds = await upsertCounted(
    ctx,
    'branches',
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
  );
  return resolve(
    branchIds,
    [
      ...doc.items.map((i) => branchKey(i.library, i.branch)),
      ...doc.loans.map((l) => branchKey(l.library, l.branch)),
      ...doc.reservations.map((r) => branchKey(r.pickupLibrary, r.pickupBranch)),
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
}

const typeScope = (t: { regionId: unknown; libraryId: unknown }) =>
  t.regionId != null ? `region:${String(t.regionId)}` : `library:${String(t.libraryId)}`;

/**
 * Subscription types: a region's (shared by its libraries) or a lone library's, each through its
 * own partial unique index; then the stored types the memberships name.
 */
async function writeSubscriptionTypes(
  { db, doc, counts }: WriteContext,
  regionIds: Map<string, number>,
  libraryIds: Map<string, number>,
  typeKey: (isil: string, code: string) => string,
): Promise<Map<string, number>> {
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
  const membershipDocs = doc.patrons.flatMap((p) => [...p.memberships, ...p.guestMemberships]);
  return resolve(
    typeIds,
    membershipDocs.map((m) => typeKey(m.library, m.type)),
    async (chunk) => {
      const codes = [...new Set(chunk.map((key) => key.split('\u0000')[1] ?? ''))];
      const rows = await db.select().from(subscriptionTypes).where(inArray(subscriptionTypes.code, codes));
      return rows.map((t) => ({ key: k(typeScope(t), t.code), id: t.id }));
    },
  );
}
