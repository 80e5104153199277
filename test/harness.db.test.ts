import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeOnDatabases } from './db';
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
