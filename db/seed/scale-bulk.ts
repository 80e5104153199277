// Loads the scale network of N patrons: the skeleton and the bench account through the importer
// (small, and accounts need argon2 hashes), then the generated patrons' rows (scale-rows.ts) with
// COPY — postgres.js `COPY … FROM STDIN`, PGlite `COPY … FROM '/dev/blob'` — in ONE transaction:
// the bulk tables' secondary indexes and foreign keys are dropped first (their definitions read
// from the catalogue) and rebuilt after the last row, so a crash leaves nothing half-loaded and
// each index is built once, sorted, instead of updated row by row. VACUUM (ANALYZE) afterwards.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { pipeline } from 'node:stream/promises';
import type { IsoDate } from '../../lib/domain/dates';
import type { DbHandle } from '../client';
import { importNetwork } from '../import/import-network';
import { DEFAULT_SEED, scaleLibraries, scaleSkeleton } from './scale';
import { BULK_COLUMNS, BULK_TABLES, scaleRows, scaleTitleRows, type BulkTable, type ScaleRefs, type ScaleRows } from './scale-rows';
import { TITLES } from './titles';

export interface BulkOptions {
  /** Patrons generated and copied per step (memory, not transactions). Default 5 000. */
  chunkSize?: number;
  seed?: number;
  /** Called after each chunk (progress). */
  onChunk?: (done: number, n: number) => void;
}

export interface BulkResult {
  /** True when the database already held these n generated patrons: nothing was written. */
  skipped: boolean;
  counts: Record<BulkTable, number>;
  seconds: { skeleton: number; rows: number; indexes: number; analyze: number };
}

/** The raw statements the bulk path needs, on either driver, inside one transaction. */
interface Raw {
  exec(statement: string): Promise<void>;
  rows<T>(statement: string): Promise<T[]>;
  copy(table: BulkTable, text: string): Promise<void>;
}

const copySql = (table: BulkTable, from: string) => `copy ${table} (${BULK_COLUMNS[table].join(', ')}) from ${from}`;

type PostgresSql = import('postgres').Sql;
type PGliteClient = import('@electric-sql/pglite').PGlite;

function inTransaction<T>(handle: DbHandle, work: (raw: Raw) => Promise<T>): Promise<T> {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.driver === 'postgres') {
    return (client as PostgresSql).begin(async (tx) =>
      work({
        exec: async (s) => void (await tx.unsafe(s)),
        rows: async <R>(s: string) => (await tx.unsafe(s)) as unknown as R[],
        copy: async (table, text) => {
          const writable = await tx.unsafe(copySql(table, 'stdin')).writable();
          await pipeline(Readable.from([text]), writable);
        },
      }),
    ) as Promise<T>;
  }
  return (client as PGliteClient).transaction(async (tx) =>
    work({
      exec: async (s) => void (await tx.exec(s)),
      rows: async <R>(s: string) => (await tx.query<R>(s)).rows,
      copy: async (table, text) => void (await tx.query(copySql(table, `'/dev/blob'`), [], { blob: new Blob([text]) })),
    }),
  );
}

const tableList = BULK_TABLES.map((t) => `'${t}'`).join(', ');

/** Secondary indexes of the bulk tables (not those behind a primary key or unique constraint). */
const INDEXES_SQL = `
  select i.indexname as name, i.indexdef as def from pg_indexes i
  where i.schemaname = current_schema() and i.tablename in (${tableList})
    and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
  order by i.indexname`;

/** Foreign keys declared on the bulk tables. */
const FOREIGN_KEYS_SQL = `
  select c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
  where c.contype = 'f' and c.conrelid::regclass::text in (${tableList})
  order by c.conname`;

async function readRefs(raw: Raw, n: number): Promise<ScaleRefs> {
  const libs = await raw.rows<{ id: number; isil: string; region_id: number | null }>('select id, isil, region_id from libraries');
  const branches = await raw.rows<{ id: number; library_id: number; code: string }>('select id, library_id, code from branches');
  const types = await raw.rows<{ id: number; code: string; region_id: number | null; library_id: number | null }>(
    'select id, code, region_id, library_id from subscription_types',
  );
  const titleRows = await raw.rows<{ id: number; key: string }>(`select id, key from titles where key not like 'scale-%'`);
  const byIsil = new Map(libs.map((l) => [l.isil, l]));
  const titleIds = new Map(titleRows.map((t) => [t.key, t.id]));
  const base = {} as Record<BulkTable, number>;
  for (const t of BULK_TABLES) {
    const [row] = await raw.rows<{ next: number }>(`select coalesce(max(id), 0) + 1 as next from ${t}`);
    base[t] = Number(row!.next);
  }
  return {
    libraries: scaleLibraries(n).map((l) => {
      const lib = byIsil.get(l.isil);
      if (!lib) throw new Error(`library ${l.isil} missing after the skeleton import`);
      const own = types.filter((t) => (lib.region_id !== null ? t.region_id === lib.region_id : t.library_id === lib.id));
      return {
        id: lib.id,
        branchIds: l.branches.map((code) => branches.find((b) => b.library_id === lib.id && b.code === code)!.id),
        typeIds: Object.fromEntries(own.map((t) => [t.code, t.id])),
      };
    }),
    seedTitleIds: TITLES.map((t) => {
      const id = titleIds.get(t.key);
      if (id === undefined) throw new Error(`title ${t.key} missing after the skeleton import`);
      return id;
    }),
    base,
  };
}

const zeroCounts = (): Record<BulkTable, number> => Object.fromEntries(BULK_TABLES.map((t) => [t, 0])) as Record<BulkTable, number>;

/** Loads (or, when already there, keeps) the scale network of n patrons. */
export async function loadScaleNetwork(handle: DbHandle, n: number, today: IsoDate, options: BulkOptions = {}): Promise<BulkResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const chunkSize = options.chunkSize ?? 5000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError('chunkSize must be a positive integer');
  const seconds = { skeleton: 0, rows: 0, indexes: 0, analyze: 0 };
  const counts = zeroCounts();
  let t = Date.now();
  const skeleton = await importNetwork(handle.db, scaleSkeleton(n, today, { seed }), { today });
  if (!skeleton.ok) throw new Error(`the scale skeleton was refused: ${JSON.stringify(skeleton.errors.slice(0, 10))}`);
  seconds.skeleton = (Date.now() - t) / 1000;

  const skipped = await inTransaction(handle, async (raw) => {
    const [{ existing }] = (await raw.rows<{ existing: number }>(`select count(*)::int as existing from patrons where key like 'scale-%'`)) as [
      { existing: number },
    ];
    if (existing === n) return true;
    if (existing > 0) throw new Error(`the database holds ${existing} generated patrons, not ${n}: load into a fresh database`);
    const refs = await readRefs(raw, n);
    const indexes = await raw.rows<{ name: string; def: string }>(INDEXES_SQL);
    const foreignKeys = await raw.rows<{ table: string; name: string; def: string }>(FOREIGN_KEYS_SQL);
    for (const fk of foreignKeys) await raw.exec(`alter table ${fk.table} drop constraint ${fk.name}`);
    for (const ix of indexes) await raw.exec(`drop index ${ix.name}`);

    t = Date.now();
    const write = async (rows: ScaleRows) => {
      for (const table of BULK_TABLES) {
        if (rows.counts[table] === 0) continue;
        await raw.copy(table, rows[table]);
        counts[table] += rows.counts[table];
      }
    };
    await write(scaleTitleRows(n, refs));
    for (let from = 0; from < n; from += chunkSize) {
      await write(scaleRows(n, today, from, from + chunkSize, refs, seed));
      options.onChunk?.(Math.min(n, from + chunkSize), n);
    }
    seconds.rows = (Date.now() - t) / 1000;

    t = Date.now();
    // PostgreSQL only: more memory for the sorts of the index builds (PGlite keeps its default).
    if (handle.driver === 'postgres') await raw.exec(`set local maintenance_work_mem = '512MB'`);
    for (const ix of indexes) await raw.exec(ix.def);
    for (const fk of foreignKeys) await raw.exec(`alter table ${fk.table} add constraint ${fk.name} ${fk.def}`);
    // The ids were given explicitly: move each serial past them.
    for (const table of BULK_TABLES)
      await raw.exec(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`);
    seconds.indexes = (Date.now() - t) / 1000;
    return false;
  });
  if (!skipped) {
    t = Date.now();
    // VACUUM as well as ANALYZE: it sets the visibility map, without which the planner reads a
    // covering index (reservations_title_reach_idx, RN2 per loan) through the heap — twice the
    // buffers on the loans view — until autovacuum comes by. VACUUM cannot run in a transaction.
    await handle.db.execute(sql.raw(`vacuum (analyze) ${BULK_TABLES.join(', ')}`));
    seconds.analyze = (Date.now() - t) / 1000;
  }
  return { skipped, counts, seconds };
}
