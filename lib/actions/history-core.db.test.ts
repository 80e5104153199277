import { beforeAll, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { describeOnDatabases } from '@/test/db';
import { snapshotDatabase } from '@/test/support/snapshot';
import { loans, patrons } from '@/db/schema';
import { getHistoryView } from '@/lib/data/history';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';
import { clearHistoryForAccount, setHistoryRecordingForAccount } from './history-core';

describeOnDatabases('history actions (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('P3 another account cannot switch, clear or even find the card — the database is unchanged', async () => {
    const before = await snapshotDatabase(t.db);
    expect(await setHistoryRecordingForAccount(t.db, s.mallory, { card: s.slugs.le, enabled: false }, TODAY)).toEqual({ ok: false, code: 'not_found' });
    expect(await clearHistoryForAccount(t.db, s.mallory, { card: s.slugs.le })).toEqual({ ok: false, code: 'not_found' });
    expect(await clearHistoryForAccount(t.db, s.mallory, { card: "zo'; --" })).toEqual({ ok: false, code: 'not_found' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('H1 switches recording off and on: nothing returned while off is recorded, what was there stays', async () => {
    const before = (await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY))!.total;
    expect(before).toBe(24);
    expect(await setHistoryRecordingForAccount(t.db, s.family, { card: s.slugs.zo, enabled: false }, TODAY)).toEqual({ ok: true, data: { enabled: false } });
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ recording: false, total: before });
    // Lien (only on the old library's card) keeps her own setting.
    const rows = await t.db.select({ key: patrons.key, on: patrons.historyEnabled }).from(patrons).where(inArray(patrons.key, ['an-', 'lien-']));
    expect(Object.fromEntries(rows.map((r) => [r.key, r.on]))).toEqual({ 'an-': false, 'lien-': false });

    // A return reaches the database from the library system while recording is off.
    const [open] = await t.db
      .select({ id: loans.id })
      .from(loans)
      .innerJoin(patrons, eq(patrons.id, loans.patronId))
      .where(and(eq(patrons.key, 'an-'), isNull(loans.returnedOn)))
      .limit(1);
    await t.db.update(loans).set({ returnedOn: TODAY }).where(eq(loans.id, open!.id));
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ total: before });

    // Switching on again does not bring it back: it was never recorded.
    expect(await setHistoryRecordingForAccount(t.db, s.family, { card: s.slugs.zo, enabled: true }, TODAY)).toMatchObject({ ok: true });
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ recording: true, total: before });
    const [hidden] = await t.db.select({ hidden: loans.hiddenFromHistory }).from(loans).where(eq(loans.id, open!.id));
    expect(hidden?.hidden).toBe(true);
  });

  it('H1 switching on for the first time records from then on: earlier returns were never recorded', async () => {
    // Lien's record never had recording on; the library's returns of hers are in the database.
    const [lien] = await t.db.select({ id: patrons.id, on: patrons.historyEnabled }).from(patrons).where(eq(patrons.key, 'lien-'));
    expect(lien?.on).toBe(false);
    const returned = await t.db
      .select({ id: loans.id })
      .from(loans)
      .where(and(eq(loans.patronId, lien!.id), isNotNull(loans.returnedOn), eq(loans.hiddenFromHistory, false)));
    expect(returned.length).toBeGreaterThan(0);
    expect(await setHistoryRecordingForAccount(t.db, s.family, { card: s.slugs.odd, enabled: true }, TODAY)).toMatchObject({ ok: true });
    const stillShown = await t.db
      .select({ id: loans.id })
      .from(loans)
      .where(and(eq(loans.patronId, lien!.id), isNotNull(loans.returnedOn), eq(loans.hiddenFromHistory, false)));
    expect(stillShown).toEqual([]);
  });

  it('H1 clears the card\'s history only: other cards and other accounts keep theirs', async () => {
    expect(await clearHistoryForAccount(t.db, s.family, { card: s.slugs.zo })).toEqual({ ok: true, data: { cleared: 24 } });
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ total: 0 });
    expect(await getHistoryView(t.db, s.family, s.slugs.le, {}, TODAY)).toMatchObject({ total: 1 });
    expect(await getHistoryView(t.db, s.mallory, s.slugs.zo, {}, TODAY)).toMatchObject({ total: 1 });
    expect(await clearHistoryForAccount(t.db, s.family, { card: s.slugs.zo })).toEqual({ ok: true, data: { cleared: 0 } });
  });
});
