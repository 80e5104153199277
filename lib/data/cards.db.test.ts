import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/rows';
import { describeOnDatabases } from '@/test/db';
import { cardSlug } from '@/lib/domain/card-label';
import { lookupLibraryByIsil } from '@/lib/domain/isil';
import { libraryIdByIsil, listCards, slugOf } from './cards';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

describeOnDatabases('cards (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
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
    t.queries.reset();
    await listCards(t.db, s.solo, TODAY);
    const one = t.queries.count;
    t.queries.reset();
    await listCards(t.db, s.family, TODAY);
    expect(one).toBe(1);
    expect(t.queries.count).toBe(one);
  });

  it.each(['ZO', 'BE-ZOT01', 'XX-AB/C:1', 'nl-0702881037', 'Ä-b c'])('R2 the SQL slug of %j equals lib/domain cardSlug', async (code) => {
    const result = await t.db.execute(sql`select ${slugOf(sql`${code}::text`, sql`null::text`)} as slug`);
    const rows = rowsOf<{ slug: string }>(result);
    expect(rows[0]?.slug).toBe(cardSlug({ isil: 'unused', region: { code, name: '' } }));
  });
});

describeOnDatabases('R13 home library lookup in SQL (%s)', (t) => {
  let known: { id: number; isil: string }[];
  beforeAll(async () => {
    // Branches of two systems (one also registered under its system prefix), a lower-case ISIL, and
    // ISILs that name no system (too short, or not ending in four digits).
    await t.db.execute(sql`insert into libraries (isil, name, country) values
      ('NL-0702881050', 'Utrecht Overvecht', 'NL'), ('NL-0702881037', 'Utrecht Neude', 'NL'),
      ('NL-040123', 'Stelsel 040123', 'NL'), ('nl-0401230002', 'Stelsel tak 2', 'NL'),
      ('BE-ZOT01', 'Zottegem', 'BE'), ('NL-1234', 'Kort', 'NL'), ('X-12345', 'X een', 'NL'), ('X-00002', 'X nul', 'NL')`);
    known = rowsOf(await t.db.execute(sql`select id, isil from libraries order by id`)) as { id: number; isil: string }[];
  });

  it.each([
    'NL-0702881037', 'nl-0702881037', ' NL-0702881037', 'NL-0702881001', 'NL-0401230009', 'NL-0401230002', 'be-zot01', 'BE-ZOT02',
    'NL-1234', 'NL-1235', 'NL-01234', 'X-1', 'X', '', 'X-00001', 'NL-9999990001', 'NL-0702881',
  ])('the SQL lookup of %j finds what lib/domain lookupLibraryByIsil finds', async (wanted) => {
    const [row] = rowsOf(await t.db.execute(sql`select ${libraryIdByIsil(sql`${wanted}::text`)} as id`)) as { id: number | null }[];
    expect(row?.id ?? null).toBe(lookupLibraryByIsil(wanted, known)?.library.id ?? null);
  });

  it('a system-prefix match is found (the case the loans page missed)', async () => {
    const [row] = rowsOf(await t.db.execute(sql`select ${libraryIdByIsil(sql`${'NL-0702881001'}::text`)} as id`)) as { id: number }[];
    expect(known.find((l) => l.id === row?.id)?.isil).toBe('NL-0702881037'); // the lowest branch of the system
  });
});
