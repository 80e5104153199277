import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeOnDatabases } from './db';
import { networkFixture } from './scenarios/network-fixture';
import { regions } from '../db/schema';

describeOnDatabases('test database harness (%s)', (t) => {
  it('starts migrated and empty', async () => {
    const rows = await t.db.select().from(regions);
    expect(rows).toEqual([]);
  });

  it('enforces the schema checks in the database itself', async () => {
    await expect(
      t.db.insert(regions).values({ code: 'X', name: 'X', kind: '9z' as never, feeBlockThresholdCents: 0 }),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`insert into regions (code, name, kind, fee_block_threshold_cents) values ('Y','Y','3a',-1)`),
    ).rejects.toThrow();
  });

  it('counts the statements it sends', async () => {
    t.queries.reset();
    await t.db.select().from(regions);
    expect(t.queries).toHaveLength(1);
  });
});

describeOnDatabases('test database harness, with a scenario document (%s)', { scenario: networkFixture() }, (t) => {
  it('imports the document before the tests and gives the import report', async () => {
    expect(t.scenario).toMatchObject({ ok: true });
    expect((await t.db.select().from(regions)).length).toBeGreaterThan(0);
  });

  it('counts from the last reset; the log stays an array of statements', async () => {
    await t.db.select().from(regions);
    t.queries.reset();
    expect(t.queries.count).toBe(0);
    await t.db.select().from(regions);
    await t.db.select().from(regions);
    expect(t.queries.count).toBe(2);
    expect(t.queries).toHaveLength(2);
    expect(t.queries.every((q) => /^select /i.test(q))).toBe(true);
  });
});

describeOnDatabases('test database harness, a database per test', { fresh: 'each', scenario: async (db) => (await db.select().from(regions)).length }, (t) => {
  it('gives the first test a database of its own', async () => {
    expect(t.scenario).toBe(0);
    await t.db.insert(regions).values({ code: 'X', name: 'X', kind: '3a', feeBlockThresholdCents: 0 });
  });

  it('and the next one a fresh one', async () => {
    expect(await t.db.select().from(regions)).toEqual([]);
  });
});
