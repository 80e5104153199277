import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDb, type TestDb } from '@/test/db';
import { cardSlug } from '@/lib/domain/card-label';
import { listCards, slugOf } from './cards';
import { importCardScenario, TODAY, type ImportedCardScenario } from './card-test-setup';

describe.each(drivers)('cards (%s)', (driver) => {
  let t: TestDb;
  let s: ImportedCardScenario;
  beforeAll(async () => {
    t = await freshDb(driver);
    s = await importCardScenario(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('R2 lists one card per region and per lone library, active first, labelled region – library', async () => {
    const cards = await listCards(t.db, s.family, TODAY);
    expect(cards).toEqual([
      { slug: s.slugs.gent, label: s.names.gent, active: true },
      { slug: s.slugs.le, label: `${s.names.leRegion} – ${s.names.deinze}`, active: true },
      { slug: s.slugs.zo, label: `${s.names.zoRegion} – ${s.names.zottegem}`, active: true },
      { slug: s.slugs.odd, label: s.names.odd, active: false },
    ]);
  });

  it('P3 shows another account only its own cards', async () => {
    expect(await listCards(t.db, s.mallory, TODAY)).toEqual([{ slug: s.slugs.zo, label: `${s.names.zoRegion} – ${s.names.zottegem}`, active: true }]);
    expect(await listCards(t.db, { accountId: 999_999, sessionVersion: 1 }, TODAY)).toEqual([]);
  });

  it('P4 one statement, the same for 1 and 6 memberships', async () => {
    t.queries.length = 0;
    await listCards(t.db, s.solo, TODAY);
    const one = t.queries.length;
    t.queries.length = 0;
    await listCards(t.db, s.family, TODAY);
    expect(one).toBe(1);
    expect(t.queries.length).toBe(one);
  });

  it.each(['ZO', 'BE-ZOT01', 'XX-AB/C:1', 'nl-0702881037', 'Ä-b c'])('R2 the SQL slug of %j equals lib/domain cardSlug', async (code) => {
    const result = await t.db.execute(sql`select ${slugOf(sql`${code}::text`, sql`null::text`)} as slug`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { slug: string }[];
    expect(rows[0]?.slug).toBe(cardSlug({ isil: 'unused', region: { code, name: '' } }));
  });
});
