// The views' statements prepared (db/prepared.ts): the same answer on both drivers, still one
// counted round trip (P4's query counts read the log), named once on the session that ran it — on
// PostgreSQL in a transaction too, and not with `prepare: false` (DATABASE_PREPARE=off, for a
// pooler) — and on PGlite never run inside another caller's open transaction.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb, type DbHandle } from './client';
import { queryView, rowsOf } from './rows';
import { describeOnDatabases, freshDb, drivers, type TestDb } from '../test/db';

const probe = (n: number) => sql`select json_build_object('n', ${n}::int, 'probe', 'mb-prepared-probe') as view`;

/** Protocol-level prepared statements of the connection that runs this (pg_prepared_statements is per session). */
async function preparedProbes(handle: DbHandle): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await handle.db.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like '%mb-prepared-probe%' and from_sql = false`),
  );
  return Number(rows[0]!.n);
}

describeOnDatabases('queryView through executePrepared', (t) => {
  it('P4: answers what the statement selects, as one counted round trip with its parameters', async () => {
    t.queries.reset();
    expect(await queryView<{ n: number; probe: string }>(t.db, probe(7))).toEqual({ n: 7, probe: 'mb-prepared-probe' });
    expect(t.queries.count).toBe(1);
    expect(t.queries.params[0]).toEqual([7]);
  });

  it('answers the same inside a transaction', async () => {
    const inside = await t.db.transaction((tx) => queryView<{ n: number }>(tx, probe(3)));
    expect(inside.n).toBe(3);
  });

  it('never reads another caller’s uncommitted rows (PGlite: it waits for the transaction to end)', async () => {
    await t.db.execute(sql`create table if not exists mb_prepared_probe (x int)`);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    class Undo extends Error {}
    const writer = t.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into mb_prepared_probe values (1)`);
        inserted();
        await gate;
        throw new Undo();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Undo)) throw error;
      });
    await didInsert;
    const count = queryView<{ n: number }>(t.db, sql`select json_build_object('n', (select count(*)::int from mb_prepared_probe)) as view`);
    setTimeout(release, 50);
    await writer;
    expect((await count).n).toBe(0);
  });

  it('reports a statement that fails, and the next one still answers', async () => {
    await expect(queryView(t.db, sql`select json_build_object('n', 1 / ${0}::int) as view`)).rejects.toThrow(/division by zero/);
    expect(await queryView<{ n: number }>(t.db, probe(9))).toMatchObject({ n: 9 });
  });
});

describe.each(drivers.filter((d) => d === 'pglite'))('prepared statements on %s', (driver) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('names the statement once in its one session and reuses it', async () => {
    for (let n = 0; n < 8; n += 1) expect(await queryView<{ n: number }>(db.db, probe(n))).toMatchObject({ n });
    expect(await preparedProbes(db)).toBe(1);
  });

  it('two copies of the module (Next.js bundles pages and route handlers apart) never reuse a name', async () => {
    const first = await import('./prepared');
    vi.resetModules();
    const second = await import('./prepared');
    expect(second).not.toBe(first);
    const statement = (tag: string) => sql`select json_build_object('tag', ${tag}::text, 'probe', ${`copy-${tag}`}::text) as view`;
    expect(rowsOf<{ view: { tag: string } }>(await first.executePrepared(db.db, statement('a')))[0]!.view.tag).toBe('a');
    expect(rowsOf<{ view: { tag: string } }>(await second.executePrepared(db.db, sql`select json_build_object('tag', ${'b'}::text) as view`))[0]!.view.tag).toBe('b');
  });
});

describe.each(drivers.filter((d) => d === 'postgres'))('prepared statements on %s', () => {
  let db: TestDb;
  let unprepared: DbHandle;
  beforeAll(async () => {
    // One connection each, so that pg_prepared_statements sees the connection the view ran on.
    db = await freshDb('postgres', { maxConnections: 1 });
    unprepared = await openDb({ url: db.url!, maxConnections: 1, prepare: false });
  });
  afterAll(async () => {
    await unprepared?.close();
    await db?.close();
  });

  it('names the statement once on its connection and reuses it', async () => {
    for (let n = 0; n < 8; n += 1) expect(await queryView<{ n: number }>(db.db, probe(n))).toMatchObject({ n });
    expect(await preparedProbes(db)).toBe(1);
  });

  it('prepares inside a transaction on the transaction’s connection', async () => {
    await db.db.transaction(async (tx) => {
      await queryView(tx, sql`select json_build_object('tx', ${1}::int, 'probe', 'mb-prepared-probe-tx') as view`);
      const rows = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like '%mb-prepared-probe-tx%' and from_sql = false`),
      );
      expect(Number(rows[0]!.n)).toBe(1);
    });
  });

  it('prepares nothing with prepare: false (DATABASE_PREPARE=off)', async () => {
    expect(await queryView<{ n: number }>(unprepared.db, probe(5))).toMatchObject({ n: 5 });
    expect(await preparedProbes(unprepared)).toBe(0);
  });
});
