// Fresh data from linked libraries against both databases, with a fake library
// system (test/fake-library-system.ts). The card scenario (test/scenarios/cards.ts) is the copy;
// Zottegem and Oosterzele are linked; An (account "family") and Mallory have cards there.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cards, items, libraries, librarySync, loans, patrons, reservations, fees, titles } from '@/db/schema';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';
import { getFeesView } from '@/lib/data/fees';
import { getHistoryView } from '@/lib/data/history';
import { getLoansView } from '@/lib/data/loans';
import { getReservationsView } from '@/lib/data/reservations';
import { addDays } from '@/lib/domain/dates';
import { READY_FOR_DAYS } from '@/lib/domain/library-reconcile';
import { describeOnDatabases } from '@/test/db';
import { FakeLibrarySystem, fakeSystems } from '@/test/fake-library-system';
import { refreshCardForAccount } from '@/lib/actions/refresh-card-core';
import { refreshAccount, refreshPatronAtLibrary, type RefreshTarget } from './refresh';

const d = (days: number) => addDays(TODAY, days);
/** 14:05 in Brussels on TODAY; each test moves the clock on so the 30 s claim never interferes by accident. */
const at = (minutes: number) => new Date(Date.parse(`${TODAY}T13:05:00Z`) + minutes * 60_000);

const AN_ZOT = '2000000000001';
const AN_OOS = '2000000000002';
const MALLORY_ZOT = '2000000000003';

describeOnDatabases('library refresh (%s)', (t) => {
  let s: ImportedCardScenario;
  let zot: FakeLibrarySystem;
  let oos: FakeLibrarySystem;
  let ids: { zot: number; oos: number; an: number; mallory: number };
  let anZot: RefreshTarget;
  let anOos: RefreshTarget;
  let malloryZot: RefreshTarget;

  const libraryId = async (name: string) => (await t.db.select({ id: libraries.id }).from(libraries).where(eq(libraries.name, name)))[0]!.id;
  const patronId = async (key: string) => (await t.db.select({ id: patrons.id }).from(patrons).where(eq(patrons.key, key)))[0]!.id;
  const barcodeOf = async (title: string) =>
    (await t.db.select({ barcode: items.barcode }).from(items).innerJoin(titles, eq(titles.id, items.titleId)).where(eq(titles.title, title)).orderBy(items.id))[0]!.barcode;
  const copyOf = async (patron: number, library: number) => ({
    loans: await t.db.select().from(loans).where(and(eq(loans.patronId, patron), eq(loans.libraryId, library))).orderBy(loans.id),
    reservations: await t.db.select().from(reservations).where(eq(reservations.patronId, patron)).orderBy(reservations.id),
    fees: await t.db.select().from(fees).where(and(eq(fees.patronId, patron), eq(fees.libraryId, library))).orderBy(fees.id),
  });
  const syncRow = async (target: RefreshTarget) =>
    (await t.db.select().from(librarySync).where(and(eq(librarySync.patronId, target.patronId), eq(librarySync.libraryId, target.libraryId))))[0];

  beforeAll(async () => {
    s = await importCardScenario(t.db);
    ids = {
      zot: await libraryId(s.names.zottegem),
      oos: await libraryId(s.names.oosterzele),
      an: await patronId('an-'),
      mallory: await patronId('mallory-'),
    };
    await t.db.insert(cards).values([
      { patronId: ids.an, libraryId: ids.zot, number: AN_ZOT, kind: 'wise' },
      { patronId: ids.an, libraryId: ids.oos, number: AN_OOS, kind: 'wise' },
      { patronId: ids.mallory, libraryId: ids.zot, number: MALLORY_ZOT, kind: 'wise' },
    ]);
    const isilOf = async (id: number) => (await t.db.select({ isil: libraries.isil }).from(libraries).where(eq(libraries.id, id)))[0]!.isil;
    zot = new FakeLibrarySystem(await isilOf(ids.zot));
    oos = new FakeLibrarySystem(await isilOf(ids.oos));
    anZot = { patronId: ids.an, libraryId: ids.zot, isil: zot.isil, libraryPatronId: AN_ZOT };
    anOos = { patronId: ids.an, libraryId: ids.oos, isil: oos.isil, libraryPatronId: AN_OOS };
    malloryZot = { patronId: ids.mallory, libraryId: ids.zot, isil: zot.isil, libraryPatronId: MALLORY_ZOT };
  });

  it('L1 creates, returns and changes loans, holds and fees as the library reports them; H1 the return is history', async () => {
    const havelaar = await barcodeOf('Max Havelaar');
    const tibet = await barcodeOf('Kuifje in Tibet');
    const ontdekking = await barcodeOf('De ontdekking van de hemel');
    zot.patrons.set(AN_ZOT, {
      // De avonden is no longer listed: returned. Max Havelaar was renewed at the desk. NEW-1 is unknown.
      loans: [
        { itemBarcode: havelaar, dueOn: d(30), title: null },
        { itemBarcode: tibet, dueOn: d(2), title: null },
        { itemBarcode: 'NEW-1', dueOn: null, title: null },
      ],
      holds: [
        { itemBarcode: ontdekking, title: null, ready: true, pickupLocation: '3551' },
        { itemBarcode: null, title: 'Nieuwe reservatie', ready: false, pickupLocation: '3550' },
      ],
      fees: [
        { description: 'Te laat: De avonden', amountCents: 200 },
        { description: 'Reservatiekost', amountCents: null },
      ],
      totalFeeCents: 250,
    });
    zot.items.set('NEW-1', { itemBarcode: 'NEW-1', title: 'Nieuw boek', dueOn: d(21), location: '3551' });

    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot, oos), anZot, at(0))).toMatchObject({ status: 'fetched', skipped: 0 });
    // Item information only where patron information left a gap (the unknown NEW-1).
    expect(zot.callsOf('getPatron')).toEqual([AN_ZOT]);
    expect(zot.callsOf('getItem')).toEqual(['NEW-1']);

    const loansView = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!;
    const zottegem = loansView.byDueDate.filter((l) => l.library.name === s.names.zottegem);
    expect(zottegem.map((l) => [l.title, l.branch.code, l.dueOn]).sort()).toEqual(
      [
        ['Kuifje in Tibet', '3550', d(2)],
        ['Max Havelaar', '3550', d(30)],
        ['Nieuw boek', '3551', d(21)],
      ].sort(),
    );
    // Another library of the card is not touched.
    expect(loansView.byDueDate.map((l) => l.title)).toContain('Het Achterhuis');
    const [newLoan] = await t.db.select({ lentOn: loans.lentOn, key: titles.key }).from(loans).innerJoin(items, eq(items.id, loans.itemId)).innerJoin(titles, eq(titles.id, items.titleId)).where(eq(items.barcode, 'NEW-1'));
    expect(newLoan).toEqual({ lentOn: TODAY, key: `${zot.isil}:NEW-1` });

    const history = (await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY))!;
    expect(history.entries[0]).toMatchObject({ title: 'De avonden', returnedOn: TODAY });

    const reservationsView = (await getReservationsView(t.db, s.family, s.slugs.zo, TODAY))!;
    const byTitle = Object.fromEntries(reservationsView.reservations.map((r) => [r.title, r]));
    expect(byTitle['De ontdekking van de hemel']).toMatchObject({ status: 'ready', readyUntil: d(READY_FOR_DAYS), pickup: { code: '3551' } });
    expect(byTitle['Nieuwe reservatie']).toMatchObject({ status: 'waiting', placedOn: TODAY, pickup: { code: '3550', libraryName: s.names.zottegem } });
    // Holds of other libraries stay as they were.
    expect(byTitle['Het gouden ei']).toMatchObject({ status: 'ready', readyUntil: d(6) });
    expect(byTitle['De welwillenden']).toMatchObject({ status: 'in_transit' });
    const [held] = await t.db.select({ libraryId: reservations.libraryId, barcode: reservations.libraryItemBarcode }).from(reservations).innerJoin(titles, eq(titles.id, reservations.titleId)).where(and(eq(titles.title, 'De ontdekking van de hemel'), eq(reservations.patronId, ids.an)));
    expect(held).toEqual({ libraryId: ids.zot, barcode: ontdekking });

    const feesView = (await getFeesView(t.db, s.family, s.slugs.zo, TODAY))!;
    const zotFees = feesView.libraries.find((l) => l.libraryName === s.names.zottegem)!;
    expect(zotFees.fees.map((f) => [f.description, f.kind, f.amountCents]).sort()).toEqual([
      ['Reservatiekost', 'reservation', 50], // the one fee without an amount: total − the others
      ['Te laat: De avonden', 'late', 200],
    ]);
    expect(zotFees.totalCents).toBe(250);
    expect(feesView.libraries.find((l) => l.libraryName === s.names.oosterzele)!.totalCents).toBe(100);

    expect(await syncRow(anZot)).toMatchObject({ lastFailure: null });
    expect((await syncRow(anZot))!.lastFetchedAt!.toISOString()).toBe(at(0).toISOString());
  });

  it('a reservation the library no longer lists is fulfilled when its loan appears, else cancelled; unlisted fees are settled', async () => {
    const havelaar = await barcodeOf('Max Havelaar');
    const tibet = await barcodeOf('Kuifje in Tibet');
    const ontdekking = await barcodeOf('De ontdekking van de hemel');
    zot.patrons.set(AN_ZOT, {
      loans: [
        { itemBarcode: havelaar, dueOn: d(30), title: null },
        { itemBarcode: tibet, dueOn: d(2), title: null },
        { itemBarcode: 'NEW-1', dueOn: d(21), title: null },
        { itemBarcode: ontdekking, dueOn: d(28), title: null }, // picked up: an Oosterzele copy, lent in Zottegem (R3)
      ],
      holds: [],
      fees: [],
      totalFeeCents: 0,
    });
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot), anZot, at(1))).toMatchObject({ status: 'fetched' });

    const status = async (title: string) =>
      (await t.db.select({ status: reservations.status }).from(reservations).innerJoin(titles, eq(titles.id, reservations.titleId)).where(and(eq(titles.title, title), eq(reservations.patronId, ids.an))))[0]!.status;
    expect(await status('De ontdekking van de hemel')).toBe('fulfilled');
    expect(await status('Nieuwe reservatie')).toBe('cancelled');
    const loansView = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(loansView.byDueDate.find((l) => l.title === 'De ontdekking van de hemel')).toMatchObject({ library: { name: s.names.zottegem }, branch: { code: '3550' }, dueOn: d(28) });
    const feesView = (await getFeesView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(feesView.libraries.map((l) => l.libraryName)).toEqual([s.names.oosterzele]);
    const settled = await t.db.select({ paidOn: fees.paidOn }).from(fees).where(and(eq(fees.patronId, ids.an), eq(fees.libraryId, ids.zot)));
    expect(settled.map((f) => f.paidOn)).toEqual([TODAY, TODAY]);
  });

  it('H1 with recording off a returned loan stays out of the history; L2 a loan in flight is left alone', async () => {
    const havelaar = await barcodeOf('Max Havelaar');
    const ontdekking = await barcodeOf('De ontdekking van de hemel');
    const [tibetLoan] = await t.db.select({ id: loans.id }).from(loans).innerJoin(items, eq(items.id, loans.itemId)).where(eq(items.barcode, await barcodeOf('Kuifje in Tibet')));
    const [havelaarLoan] = await t.db.select({ id: loans.id, dueOn: loans.dueOn }).from(loans).innerJoin(items, eq(items.id, loans.itemId)).where(and(eq(items.barcode, havelaar), eq(loans.patronId, ids.an)));
    await t.db.update(patrons).set({ historyEnabled: false, historyPausedOn: d(-1) }).where(eq(patrons.id, ids.an));
    try {
      zot.patrons.set(AN_ZOT, {
        // Kuifje returned; the library still shows Havelaar's old due date while the portal's renewal is unconfirmed.
        loans: [
          { itemBarcode: havelaar, dueOn: d(5), title: null },
          { itemBarcode: 'NEW-1', dueOn: d(21), title: null },
          { itemBarcode: ontdekking, dueOn: d(28), title: null },
        ],
        holds: [],
        fees: [],
        totalFeeCents: null,
      });
      const inFlight = async () => ({ loanIds: new Set([havelaarLoan!.id]), reservationIds: new Set<number>() });
      expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot), anZot, at(2), { inFlight })).toMatchObject({ status: 'fetched' });
      const [tibetAfter] = await t.db.select().from(loans).where(eq(loans.id, tibetLoan!.id));
      expect(tibetAfter).toMatchObject({ returnedOn: TODAY, hiddenFromHistory: true });
      const [havelaarAfter] = await t.db.select({ dueOn: loans.dueOn }).from(loans).where(eq(loans.id, havelaarLoan!.id));
      expect(havelaarAfter!.dueOn).toBe(havelaarLoan!.dueOn);
    } finally {
      await t.db.update(patrons).set({ historyEnabled: true, historyPausedOn: null }).where(eq(patrons.id, ids.an));
    }
  });

  it('L3/L4 a library that cannot be reached records the failure and changes nothing', async () => {
    oos.mode = 'unreachable';
    const before = await copyOf(ids.an, ids.oos);
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot, oos), anOos, at(3))).toEqual({ status: 'unreachable', cause: 'unreachable' });
    expect(await copyOf(ids.an, ids.oos)).toEqual(before);
    expect(await syncRow(anOos)).toMatchObject({ lastFetchedAt: null, lastFailure: 'unreachable' });

    const view = (await getFeesView(t.db, s.family, s.slugs.zo, TODAY))!;
    const byName = Object.fromEntries(view.freshness.map((f) => [f.libraryName, f]));
    expect(byName[s.names.oosterzele]).toMatchObject({ isil: oos.isil, fetchedAt: null, unreachable: true });
    expect(byName[s.names.zottegem]).toMatchObject({ isil: zot.isil, unreachable: false });
    expect(new Date(byName[s.names.zottegem]!.fetchedAt!).toISOString()).toBe(at(2).toISOString());
    oos.mode = 'ok';
  });

  it('L4 an outage in the middle (item information) changes nothing and keeps the last fetch time; a later success clears it', async () => {
    const before = await copyOf(ids.an, ids.zot);
    zot.patrons.set(AN_ZOT, { loans: [{ itemBarcode: 'NEW-2', dueOn: null, title: 'x' }, { itemBarcode: 'NEW-3', dueOn: null, title: 'y' }], holds: [], fees: [], totalFeeCents: null });
    zot.failingItems.add('NEW-2');
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot), anZot, at(4))).toMatchObject({ status: 'unreachable' });
    expect(await copyOf(ids.an, ids.zot)).toEqual(before);
    const failed = (await syncRow(anZot))!;
    expect(failed.lastFailure).toBe('unreachable');
    expect(failed.lastFetchedAt!.toISOString()).toBe(at(2).toISOString());

    zot.failingItems.clear();
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot), anZot, at(5))).toMatchObject({ status: 'fetched' });
    expect(await syncRow(anZot)).toMatchObject({ lastFailure: null });
  });

  it('L4 a library that does not answer is given up at the deadline', async () => {
    oos.mode = 'hang';
    const started = Date.now();
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(oos), anOos, at(6), { deadlineMs: 150 })).toEqual({ status: 'unreachable', cause: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    oos.mode = 'ok';
  });

  it('two refreshes at once make one set of calls; another comes only after the claim interval', async () => {
    zot.patrons.set(MALLORY_ZOT, { loans: [], holds: [], fees: [], totalFeeCents: null });
    zot.delayMs = 30;
    const calls = () => zot.callsOf('getPatron').filter((p) => p === MALLORY_ZOT).length;
    const [a, b] = await Promise.all([
      refreshPatronAtLibrary(t.db, fakeSystems(zot), malloryZot, at(10)),
      refreshPatronAtLibrary(t.db, fakeSystems(zot), malloryZot, at(10)),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fetched', 'not_due']);
    expect(calls()).toBe(1);
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot), malloryZot, new Date(at(10).getTime() + 20_000))).toEqual({ status: 'not_due' });
    expect(calls()).toBe(1);
    expect(await refreshPatronAtLibrary(t.db, fakeSystems(zot), malloryZot, new Date(at(10).getTime() + 31_000))).toMatchObject({ status: 'fetched' });
    expect(calls()).toBe(2);
    zot.delayMs = 0;
    // Mallory's library now lists no loans: her own loan was returned; An's were not touched.
    const mallory = (await getLoansView(t.db, s.mallory, s.slugs.zo, TODAY))!;
    expect(mallory.byDueDate).toEqual([]);
    expect((await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!.byDueDate.length).toBeGreaterThan(0);
  });

  it('P3 an account refreshes only its own patrons, only on the card asked, and only what is stale', async () => {
    zot.patrons.set(AN_ZOT, { loans: [], holds: [], fees: [], totalFeeCents: null });
    oos.patrons.set(AN_OOS, { loans: [], holds: [], fees: [{ description: 'Reservatie: Het gouden ei', amountCents: 100 }], totalFeeCents: 100 });
    zot.calls.length = 0;
    oos.calls.length = 0;
    const systems = fakeSystems(zot, oos);

    // Mallory's account: her Zottegem card only — never An's.
    const mallory = await refreshAccount(t.db, systems, s.mallory, {}, at(20));
    expect(mallory.map((r) => [r.patronId, r.isil, r.outcome.status])).toEqual([[ids.mallory, zot.isil, 'fetched']]);
    expect(zot.callsOf('getPatron')).toEqual([MALLORY_ZOT]);
    expect(oos.calls).toEqual([]);

    // Solo has no card at a linked library; Gent is not on a card with a linked library.
    expect(await refreshAccount(t.db, systems, s.solo, {}, at(20))).toEqual([]);
    expect(await refreshAccount(t.db, systems, s.family, { cardSlug: s.slugs.gent }, at(20))).toEqual([]);

    // The family's ZO card: An at both linked libraries, in parallel; Mallory is not asked again.
    zot.calls.length = 0;
    const family = await refreshAccount(t.db, systems, s.family, { cardSlug: s.slugs.zo }, at(21));
    expect(family.map((r) => [r.isil, r.outcome.status]).sort()).toEqual([[oos.isil, 'fetched'], [zot.isil, 'fetched']].sort());
    expect(zot.callsOf('getPatron')).toEqual([AN_ZOT]);
    expect(oos.callsOf('getPatron')).toEqual([AN_OOS]);
    expect(await syncRow(anOos)).toMatchObject({ lastFailure: null });

    // Opening the card again within the configured age asks nothing; after it, it does.
    zot.calls.length = 0;
    oos.calls.length = 0;
    expect(await refreshAccount(t.db, systems, s.family, { cardSlug: s.slugs.zo, onlyStale: true, staleAfterMinutes: 15 }, at(30))).toEqual([]);
    expect([...zot.calls, ...oos.calls]).toEqual([]);
    const stale = await refreshAccount(t.db, systems, s.family, { cardSlug: s.slugs.zo, onlyStale: true, staleAfterMinutes: 15 }, at(37));
    expect(stale.map((r) => r.outcome.status)).toEqual(['fetched', 'fetched']);

    // A library that is not linked (import-only) is never asked and has no sync row.
    expect(await refreshAccount(t.db, fakeSystems(), s.family, {}, at(60))).toEqual([]);
    const rows = await t.db.select({ libraryId: librarySync.libraryId }).from(librarySync).where(inArray(librarySync.patronId, [ids.an, ids.mallory]));
    expect(new Set(rows.map((r) => r.libraryId))).toEqual(new Set([ids.zot, ids.oos]));
  });

  it('P4 the views still take one statement with freshness, and import-only cards show none', async () => {
    t.queries.reset();
    const view = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(t.queries).toHaveLength(1);
    expect(view.freshness.map((f) => f.libraryName).sort()).toEqual([s.names.oosterzele, s.names.zottegem].sort());
    t.queries.reset();
    const gent = (await getReservationsView(t.db, s.family, s.slugs.gent, TODAY))!;
    expect(t.queries).toHaveLength(1);
    expect(gent.freshness).toEqual([]);
    // Mallory's card shows her own fetch, not An's.
    const mallory = (await getHistoryView(t.db, s.mallory, s.slugs.zo, {}, TODAY))!;
    expect(mallory.freshness.map((f) => [f.libraryName, new Date(f.fetchedAt!).toISOString()])).toEqual([[s.names.zottegem, at(20).toISOString()]]);
  });
  it("P3 the refresh button: another account's card is not found and nobody is asked; the own card is fetched once", async () => {
    zot.calls.length = 0;
    oos.calls.length = 0;
    const systems = fakeSystems(zot, oos);
    expect(await refreshCardForAccount(t.db, systems, s.mallory, { card: s.slugs.le }, at(90))).toEqual({ ok: false, code: 'not_found' });
    expect(await refreshCardForAccount(t.db, systems, s.mallory, { card: 'x'.repeat(500) }, at(90))).toEqual({ ok: false, code: 'not_found' });
    expect([...zot.calls, ...oos.calls]).toEqual([]);
    const summary = { fetched: 2, unreachable: 0, notDue: 0, failed: 0 };
    expect(await refreshCardForAccount(t.db, systems, s.family, { card: s.slugs.zo }, at(90))).toEqual({ ok: true, data: summary });
    // Pressed again at once: the libraries are not asked twice.
    expect(await refreshCardForAccount(t.db, systems, s.family, { card: s.slugs.zo }, at(90))).toEqual({ ok: true, data: { ...summary, fetched: 0, notDue: 2 } });
    expect(zot.callsOf('getPatron')).toEqual([AN_ZOT]);
    expect(oos.callsOf('getPatron')).toEqual([AN_OOS]);
    // A card of the account without a linked library: nothing to fetch, no failure.
    expect(await refreshCardForAccount(t.db, systems, s.family, { card: s.slugs.gent }, at(91))).toEqual({ ok: true, data: { ...summary, fetched: 0 } });
  });
});
