import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { addDays } from '@/lib/domain/dates';
import { getHistoryView, HISTORY_PAGE_SIZE, likePattern, listHistoryForExport } from './history';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

const d = (days: number) => addDays(TODAY, days);

describe('H1 likePattern escapes the wildcards', () => {
  it.each([
    ['havelaar', '%havelaar%'],
    ['50%_af', '%50\\%\\_af%'],
    ['a\\b', '%a\\\\b%'],
  ])('%j → %j', (search, pattern) => {
    expect(likePattern(search)).toBe(pattern);
  });
});

describeOnDatabases('lending history (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('H1 returned loans of every library of the region, newest first, paginated', async () => {
    const first = (await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY))!;
    expect(first).toMatchObject({ total: 24, page: 1, pageCount: 2, recording: true });
    expect(first.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.entries.slice(0, 2).map((e) => [e.title, e.libraryName, e.returnedOn])).toEqual([
      ['Het Achterhuis', s.names.herzele, d(-30)],
      ['Korting 50%_af', s.names.oosterzele, d(-35)],
    ]);
    const second = (await getHistoryView(t.db, s.family, s.slugs.zo, { page: 2 }, TODAY))!;
    expect(second.entries).toHaveLength(4);
    expect(second.entries.at(-1)?.returnedOn).toBe(d(-395));
    // Open loans and another region's returns are not in this card's history.
    expect([...first.entries, ...second.entries].map((e) => e.title)).not.toContain('Het verdriet van België');
  });

  it('H1 search by title or author, wildcards taken literally', async () => {
    const byAuthor = (await getHistoryView(t.db, s.family, s.slugs.zo, { search: 'frank' }, TODAY))!;
    expect(byAuthor.entries.map((e) => e.title)).toEqual(['Het Achterhuis']);
    const literal = (await getHistoryView(t.db, s.family, s.slugs.zo, { search: '50%_' }, TODAY))!;
    expect(literal.entries.map((e) => e.title)).toEqual(['Korting 50%_af']);
    const wildcard = (await getHistoryView(t.db, s.family, s.slugs.zo, { search: '%' }, TODAY))!;
    expect(wildcard.entries.map((e) => e.title)).toEqual(['Korting 50%_af']);
    expect((await getHistoryView(t.db, s.family, s.slugs.zo, { search: '_' }, TODAY))!.total).toBe(1);
  });

  it('H1 nothing is shown while recording is off (Lien: off by default)', async () => {
    const odd = (await getHistoryView(t.db, s.family, s.slugs.odd, {}, TODAY))!;
    expect(odd).toMatchObject({ recording: false, total: 0, entries: [] });
  });

  it('H1 a page out of range is empty, not an error', async () => {
    expect((await getHistoryView(t.db, s.family, s.slugs.zo, { page: 99 }, TODAY))!.entries).toEqual([]);
    expect((await getHistoryView(t.db, s.family, s.slugs.zo, { page: -3 }, TODAY))!.page).toBe(1);
  });

  it('H1 export lists every visible entry of the card', async () => {
    const all = (await listHistoryForExport(t.db, s.family, s.slugs.zo, null, TODAY))!;
    expect(all.entries).toHaveLength(24);
    expect((await listHistoryForExport(t.db, s.family, s.slugs.zo, 'multatuli', TODAY))!.entries).toEqual([]);
  });

  it('P3 another account sees only its own history and no card it lacks', async () => {
    const mallory = (await getHistoryView(t.db, s.mallory, s.slugs.zo, {}, TODAY))!;
    expect(mallory.entries.map((e) => e.title)).toEqual(['Max Havelaar']);
    expect(await getHistoryView(t.db, s.mallory, s.slugs.le, {}, TODAY)).toBeNull();
    expect(await listHistoryForExport(t.db, s.mallory, s.slugs.le, null, TODAY)).toBeNull();
  });

  it('P4 one statement, the same for 1 and 6 memberships', async () => {
    for (const read of [
      (a: typeof s.solo) => getHistoryView(t.db, a, s.slugs.zo, { search: 'a' }, TODAY),
      (a: typeof s.solo) => listHistoryForExport(t.db, a, s.slugs.zo, null, TODAY),
    ]) {
      t.queries.reset();
      await read(s.solo);
      const one = t.queries.count;
      t.queries.reset();
      await read(s.family);
      expect(one).toBe(1);
      expect(t.queries.count).toBe(one);
    }
  });
});
