// Titles and items (the physical copies).
import { inArray } from 'drizzle-orm';
import { items, titles } from '../schema';
import { need, resolve, upsertCounted, type WriteContext } from './write-shared';
import type { StructureIds } from './write-structure';

/** Natural key → id of the titles and items the document names. */
export interface CatalogueIds {
  titleIds: Map<string, number>;
  itemIds: Map<string, number>;
}

export async function writeCatalogue(ctx: WriteContext, ids: StructureIds): Promise<CatalogueIds> {
  ctx.at('titles');
  const titleIds = await writeTitles(ctx);
  ctx.at('items');
  const itemIds = await writeItems(ctx, ids, titleIds);
  return { titleIds, itemIds };
}

async function writeTitles(ctx: WriteContext): Promise<Map<string, number>> {
  const { db, doc } = ctx;
  const titleIds = await upsertCounted(
    ctx,
    'titles',
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
  );
  return resolve(
    titleIds,
    [...doc.items.map((i) => i.title), ...doc.reservations.map((r) => r.title)],
    (chunk) => db.select({ key: titles.key, id: titles.id }).from(titles).where(inArray(titles.key, chunk)),
  );
}

async function writeItems(
  ctx: WriteContext,
  { libraryIds, branchIds, branchKey }: StructureIds,
  titleIds: Map<string, number>,
): Promise<Map<string, number>> {
  const { db, doc } = ctx;
  const itemIds = await upsertCounted(
    ctx,
    'items',
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
      branchId: need(branchIds, branchKey(i.library, i.branch), 'branch'),
    })),
  );
  return resolve(itemIds, doc.loans.map((l) => l.item), (chunk) =>
    db.select({ key: items.barcode, id: items.id }).from(items).where(inArray(items.barcode, chunk)),
  );
}
