import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { drivers, freshDb, type TestDb } from '@/test/db';
import { snapshotDatabase } from '@/db/import/snapshot';
import { patrons } from '@/db/schema';
import { getHistoryView } from '@/lib/data/history';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/lib/data/card-test-setup';
import { clearHistoryForAccount, setHistoryRecordingForAccount } from './history-core';

describe.each(drivers)('history actions (%s)', (driver) => {
  let t: TestDb;
  let s: ImportedCardScenario;
  beforeAll(async () => {
    t = await freshDb(driver);
    s = await importCardScenario(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('P3 another account cannot switch, clear or even find the card — the database is unchanged', async () => {
    const before = await snapshotDatabase(t.db);
    expect(await setHistoryRecordingForAccount(t.db, s.mallory, { card: s.slugs.le, enabled: false })).toEqual({ ok: false, code: 'not_found' });
    expect(await clearHistoryForAccount(t.db, s.mallory, { card: s.slugs.le })).toEqual({ ok: false, code: 'not_found' });
    expect(await clearHistoryForAccount(t.db, s.mallory, { card: "zo'; --" })).toEqual({ ok: false, code: 'not_found' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('H1 switches recording off and on for the card\'s patron records', async () => {
    expect(await setHistoryRecordingForAccount(t.db, s.family, { card: s.slugs.zo, enabled: false })).toEqual({ ok: true, data: { enabled: false } });
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ recording: false, total: 0 });
    // Lien (only on the old library's card) keeps her own setting.
    const rows = await t.db.select({ key: patrons.key, on: patrons.historyEnabled }).from(patrons).where(inArray(patrons.key, ['an-', 'lien-']));
    expect(Object.fromEntries(rows.map((r) => [r.key, r.on]))).toEqual({ 'an-': false, 'lien-': false });
    expect(await setHistoryRecordingForAccount(t.db, s.family, { card: s.slugs.zo, enabled: true })).toMatchObject({ ok: true });
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ recording: true, total: 24 });
  });

  it('H1 clears the card\'s history only: other cards and other accounts keep theirs', async () => {
    expect(await clearHistoryForAccount(t.db, s.family, { card: s.slugs.zo })).toEqual({ ok: true, data: { cleared: 24 } });
    expect(await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY)).toMatchObject({ total: 0 });
    expect(await getHistoryView(t.db, s.family, s.slugs.le, {}, TODAY)).toMatchObject({ total: 1 });
    expect(await getHistoryView(t.db, s.mallory, s.slugs.zo, {}, TODAY)).toMatchObject({ total: 1 });
    expect(await clearHistoryForAccount(t.db, s.family, { card: s.slugs.zo })).toEqual({ ok: true, data: { cleared: 0 } });
  });
});
