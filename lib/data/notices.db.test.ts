// Notices of changes a library did not take over: every card view carries, in its one statement, the account's changes that a library's
// import rejected and the patron has not dismissed — only the account's own (P3), only for its
// patrons on the card and at the card's libraries — and "Begrepen" hides one, for its own account only.
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { snapshotDatabase } from '@/test/support/snapshot';
import { items, libraries, loans, patrons, portalChanges, reservations, titles } from '@/db/schema';
import { dismissNoticeForAccount } from '@/lib/actions/dismiss-notice-core';
import { addDays } from '@/lib/domain/dates';
import { describeOnDatabases } from '@/test/db';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';
import type { CardNotice } from './cards';
import { getFeesView } from './fees';
import { getHistoryView } from './history';
import { getLoansView } from './loans';
import { getReservationsView } from './reservations';

const d = (days: number) => addDays(TODAY, days);

describeOnDatabases('card notices (%s)', (t) => {
  let s: ImportedCardScenario;
  type ChangeName = 'renewal' | 'cancelled' | 'pickup' | 'gent' | 'dismissed' | 'unconfirmed' | 'confirmed' | 'mallory' | 'foreignPatron' | 'foreignAccount';
  const ids = {} as Record<ChangeName, number>;

  const patronId = async (key: string) => (await t.db.select({ id: patrons.id }).from(patrons).where(eq(patrons.key, key)))[0]!.id;
  const libraryId = async (name: string) => (await t.db.select({ id: libraries.id }).from(libraries).where(eq(libraries.name, name)))[0]!.id;
  const openLoanId = async (patron: string, title: string) =>
    (
      await t.db
        .select({ id: loans.id })
        .from(loans)
        .innerJoin(items, eq(items.id, loans.itemId))
        .innerJoin(titles, eq(titles.id, items.titleId))
        .innerJoin(patrons, eq(patrons.id, loans.patronId))
        .where(and(eq(patrons.key, patron), eq(titles.title, title), isNull(loans.returnedOn)))
    )[0]!.id;
  const reservationId = async (patron: string, title: string) =>
    (
      await t.db
        .select({ id: reservations.id })
        .from(reservations)
        .innerJoin(titles, eq(titles.id, reservations.titleId))
        .innerJoin(patrons, eq(patrons.id, reservations.patronId))
        .where(and(eq(patrons.key, patron), eq(titles.title, title)))
    )[0]!.id;

  /** A change as the importer leaves it when the library's fact won. */
  const insertChange = async (row: Partial<typeof portalChanges.$inferInsert> & Pick<typeof portalChanges.$inferInsert, 'accountId' | 'kind'>) => {
    const status = row.status ?? 'rejected';
    const [inserted] = await t.db
      .insert(portalChanges)
      .values({
        status,
        resolvedAt: status === 'unconfirmed' ? null : new Date('2026-11-20T02:00:00Z'),
        resolvedBy: status === 'unconfirmed' ? null : 'import',
        rejectedReason: status === 'rejected' ? (row.rejectedReason ?? 'loan_returned') : null,
        ...row,
      })
      .returning({ id: portalChanges.id });
    return inserted!.id;
  };

  beforeAll(async () => {
    s = await importCardScenario(t.db);
    const an = await patronId('an-');
    const mallory = await patronId('mallory-');
    const zot = await libraryId(s.names.zottegem);
    const oos = await libraryId(s.names.oosterzele);
    const gnt = await libraryId(s.names.gent);
    const family = s.family.accountId;
    // ZO card: a renewal of Max Havelaar (the library says it was returned), a cancelled reservation
    // that Oosterzele marks ready, a pick-up change Zottegem did not take over.
    ids.renewal = await insertChange({
      accountId: family, patronId: an, libraryId: zot, kind: 'renewal', loanId: await openLoanId('an-', 'Max Havelaar'),
      details: { oldDueOn: d(9), newDueOn: d(28), oldRenewals: 0, newRenewals: 1 }, rejectedReason: 'loan_returned',
      occurredAt: new Date('2026-11-19T10:00:00Z'),
    });
    ids.cancelled = await insertChange({
      accountId: family, patronId: an, libraryId: oos, kind: 'reservation_cancelled', reservationId: await reservationId('an-', 'Het gouden ei'),
      details: { oldStatus: 'ready' }, rejectedReason: 'reservation_ready', occurredAt: new Date('2026-11-19T11:00:00Z'),
    });
    ids.pickup = await insertChange({
      accountId: family, patronId: an, libraryId: zot, kind: 'pickup_changed', reservationId: await reservationId('an-', 'De ontdekking van de hemel'),
      details: { from: { library: 'BE-ZOT', branch: '3551' }, to: { library: 'be-zot', branch: '3550' } },
      rejectedReason: 'reservation_cancelled_by_library', occurredAt: new Date('2026-11-19T12:00:00Z'),
    });
    // Another card of the same account (Gent).
    ids.gent = await insertChange({
      accountId: family, patronId: an, libraryId: gnt, kind: 'renewal', loanId: await openLoanId('an-', 'Het leven is vurrukkulluk'),
      details: { oldDueOn: d(9), newDueOn: d(23), oldRenewals: 0, newRenewals: 1 },
    });
    // Not shown: dismissed, still unconfirmed, confirmed.
    ids.dismissed = await insertChange({ accountId: family, patronId: an, libraryId: zot, kind: 'renewal', loanId: await openLoanId('an-', 'Kuifje in Tibet'), noticeDismissedAt: new Date('2026-11-20T08:00:00Z') });
    ids.unconfirmed = await insertChange({ accountId: family, patronId: an, libraryId: zot, kind: 'renewal', status: 'unconfirmed' });
    ids.confirmed = await insertChange({ accountId: family, patronId: an, libraryId: zot, kind: 'renewal', status: 'confirmed' });
    // Mallory's own change on the same region card, and rows that must never reach the wrong eyes:
    // the family's account naming Mallory's patron (not linked to it), Mallory's account naming An.
    ids.mallory = await insertChange({
      accountId: s.mallory.accountId, patronId: mallory, libraryId: zot, kind: 'renewal', loanId: await openLoanId('mallory-', 'Het boek van Mallory'),
      details: { oldDueOn: d(18), newDueOn: d(37), oldRenewals: 0, newRenewals: 1 },
    });
    ids.foreignPatron = await insertChange({ accountId: family, patronId: mallory, libraryId: zot, kind: 'renewal', loanId: await openLoanId('mallory-', 'Het boek van Mallory') });
    ids.foreignAccount = await insertChange({ accountId: s.mallory.accountId, patronId: an, libraryId: zot, kind: 'renewal', loanId: await openLoanId('an-', 'Max Havelaar') });
  });

  const zoNotices = (): Partial<CardNotice>[] => [
    {
      id: ids.pickup, kind: 'pickup_changed', reason: 'reservation_cancelled_by_library', libraryName: s.names.zottegem,
      title: 'De ontdekking van de hemel', newDueOn: null, reservationStatus: 'waiting', requestedBranch: 'Zottegem', pickupBranch: 'Strijpen',
    },
    {
      id: ids.cancelled, kind: 'reservation_cancelled', reason: 'reservation_ready', libraryName: s.names.oosterzele,
      title: 'Het gouden ei', newDueOn: null, reservationStatus: 'ready', readyUntil: d(6), pickupBranch: 'Oosterzele', requestedBranch: null,
    },
    { id: ids.renewal, kind: 'renewal', reason: 'loan_returned', libraryName: s.names.zottegem, title: 'Max Havelaar', newDueOn: d(28), reservationStatus: null },
  ];

  it('the loans view carries the account\'s rejected changes at the card\'s libraries, newest first, with what the message needs', async () => {
    const view = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!;
    expect(view.notices).toMatchObject(zoNotices());
    expect(view.notices).toHaveLength(3);
    const gent = (await getLoansView(t.db, s.family, s.slugs.gent, TODAY))!;
    expect(gent.notices).toMatchObject([{ id: ids.gent, title: 'Het leven is vurrukkulluk', libraryName: s.names.gent, newDueOn: d(23) }]);
    expect(gent.notices).toHaveLength(1);
    // A card without any: none (LE, and the old library of Lien).
    expect((await getLoansView(t.db, s.family, s.slugs.le, TODAY))!.notices).toEqual([]);
    expect((await getLoansView(t.db, s.family, s.slugs.odd, TODAY))!.notices).toEqual([]);
  });

  it('the reservations, fees and history views carry the same notices', async () => {
    expect((await getReservationsView(t.db, s.family, s.slugs.zo, TODAY))!.notices).toMatchObject(zoNotices());
    expect((await getFeesView(t.db, s.family, s.slugs.zo, TODAY))!.notices.map((n) => n.id)).toEqual([ids.pickup, ids.cancelled, ids.renewal]);
    expect((await getHistoryView(t.db, s.family, s.slugs.zo, {}, TODAY))!.notices.map((n) => n.id)).toEqual([ids.pickup, ids.cancelled, ids.renewal]);
  });

  it('P3 another account sees only its own change on the same region card; a change naming a patron it does not link is never shown', async () => {
    expect((await getLoansView(t.db, s.mallory, s.slugs.zo, TODAY))!.notices).toMatchObject([{ id: ids.mallory, title: 'Het boek van Mallory' }]);
    expect((await getReservationsView(t.db, s.mallory, s.slugs.zo, TODAY))!.notices.map((n) => n.id)).toEqual([ids.mallory]);
    expect((await getLoansView(t.db, s.solo, s.slugs.zo, TODAY))!.notices).toEqual([]);
    const family = (await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!.notices.map((n) => n.id);
    for (const hidden of [ids.dismissed, ids.unconfirmed, ids.confirmed, ids.mallory, ids.foreignPatron, ids.foreignAccount]) expect(family).not.toContain(hidden);
  });

  it('P4 still one statement per view, with notices, for 1 and 6 memberships', async () => {
    for (const read of [
      (a: typeof s.family) => getLoansView(t.db, a, s.slugs.zo, TODAY),
      (a: typeof s.family) => getReservationsView(t.db, a, s.slugs.zo, TODAY),
      (a: typeof s.family) => getFeesView(t.db, a, s.slugs.zo, TODAY),
      (a: typeof s.family) => getHistoryView(t.db, a, s.slugs.zo, {}, TODAY),
    ]) {
      t.queries.reset();
      await read(s.solo);
      expect(t.queries).toHaveLength(1);
      t.queries.reset();
      expect((await read(s.family))!.notices).toHaveLength(3);
      expect(t.queries).toHaveLength(1);
    }
  });

  it('Begrepen: another account\'s change, unknown ids and changes that were not rejected are not_found, and nothing changes', async () => {
    const before = await snapshotDatabase(t.db);
    for (const changeId of [ids.renewal, ids.gent, ids.foreignPatron]) {
      expect(await dismissNoticeForAccount(t.db, s.mallory, { changeId })).toEqual({ ok: false, code: 'not_found' });
    }
    expect(await dismissNoticeForAccount(t.db, s.family, { changeId: ids.mallory })).toEqual({ ok: false, code: 'not_found' });
    expect(await dismissNoticeForAccount(t.db, s.family, { changeId: ids.foreignAccount })).toEqual({ ok: false, code: 'not_found' });
    for (const changeId of [ids.unconfirmed, ids.confirmed, 2_147_483_647, 0, -1, 1.5, Number.NaN, 2 ** 53]) {
      expect(await dismissNoticeForAccount(t.db, s.family, { changeId })).toEqual({ ok: false, code: 'not_found' });
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('Begrepen hides the notice on every page of the card, once; dismissing again changes nothing', async () => {
    const now = new Date('2026-11-20T09:30:00Z');
    expect(await dismissNoticeForAccount(t.db, s.family, { changeId: ids.cancelled }, now)).toEqual({ ok: true, data: { changeId: ids.cancelled } });
    expect((await getLoansView(t.db, s.family, s.slugs.zo, TODAY))!.notices.map((n) => n.id)).toEqual([ids.pickup, ids.renewal]);
    expect((await getReservationsView(t.db, s.family, s.slugs.zo, TODAY))!.notices.map((n) => n.id)).toEqual([ids.pickup, ids.renewal]);
    const [row] = await t.db.select().from(portalChanges).where(eq(portalChanges.id, ids.cancelled));
    expect(row!.noticeDismissedAt?.toISOString()).toBe(now.toISOString());
    expect(row!.status).toBe('rejected');
    expect(await dismissNoticeForAccount(t.db, s.family, { changeId: ids.cancelled }, new Date('2026-11-21T09:30:00Z'))).toMatchObject({ ok: true });
    const [again] = await t.db.select().from(portalChanges).where(eq(portalChanges.id, ids.cancelled));
    expect(again!.noticeDismissedAt?.toISOString()).toBe(now.toISOString());
    // Mallory's own notice is hers to dismiss.
    expect(await dismissNoticeForAccount(t.db, s.mallory, { changeId: ids.mallory })).toMatchObject({ ok: true });
    expect((await getLoansView(t.db, s.mallory, s.slugs.zo, TODAY))!.notices).toEqual([]);
  });
});
