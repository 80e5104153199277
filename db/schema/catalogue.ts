// The catalogue: titles and their physical copies.
import { check, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { branches, libraries } from './network';
import { inList, refTo } from './shared';

export const MATERIALS = ['book', 'comic', 'dvd', 'cd', 'game', 'magazine', 'other'] as const;

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
    titleId: refTo(() => titles.id),
    libraryId: refTo(() => libraries.id),
    branchId: refTo(() => branches.id),
  },
  // By title and library, with the id: RN2 counts the free copies of a title within a loan's reach
  // (R3) from the index alone, then checks each id's open loan (lib/data/renewal-sql.ts).
  (t) => [index('items_title_library_id_idx').on(t.titleId, t.libraryId, t.id)],
);
