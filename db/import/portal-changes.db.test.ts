// Standing portal changes and notices on both databases: a re-import never reverts a portal change that still stands
// (unconfirmed, or made after the document's exportedAt), confirms one the document shows,
// rejects one the library's facts contradict, keeps what the patron chose (history, account),
// and says so in its report. The portal actions write the change log; here a small helper does
// what they do: change the row and insert the change.
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeOnDatabases } from '../../test/db';
import { hashSecret, verifySecret } from '../../lib/auth/hash';
import { KEPT_ACCOUNT, KEPT_AFTER_EXPORT, KEPT_UNCONFIRMED, NOTE_NO_EXPORTED_AT } from '../../lib/domain/import-reconcile';
import type { PortalChangeKind, PortalChangeStatus } from '../../lib/domain/portal-changes';
import { accountPatrons, accounts, branches, items, libraries, loans, patrons, portalChanges, reservations, titles } from '../schema';
import type { Executor } from '../client';
import { FIXTURE_PASSWORD, networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork, type ImportResult } from './import-network';

const EXPORTED_AT = '2026-11-28T02:00:00+01:00'; // 2026-11-28T01:00:00Z
const BEFORE_EXPORT = new Date('2026-11-27T18:00:00Z');
const AFTER_EXPORT = new Date('2026-11-28T09:30:00Z');

function expectOk(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`import refused:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result;
}

/** What a portal action writes to the change log (the actions themselves are another engineer's). */
async function logChange(
  db: Executor,
  change: {
    kind: PortalChangeKind;
    accountId: number;
    patronId?: number;
    libraryId?: number;
    loanId?: number;
    reservationId?: number;
    details?: Record<string, unknown>;
    occurredAt?: Date;
    status?: PortalChangeStatus;
  },
): Promise<number> {
  const settled = change.status === 'confirmed' ? { resolvedBy: 'library' as const, resolvedAt: change.occurredAt ?? new Date() } : {};
  const [row] = await db
    .insert(portalChanges)
    .values({ details: {}, ...change, ...settled })
    .returning({ id: portalChanges.id });
  return row!.id;
}

async function changeRow(db: Executor, id: number) {
  const [row] = await db.select().from(portalChanges).where(eq(portalChanges.id, id));
  return row!;
}

describeOnDatabases('import against the portal change log, issue 13 (%s)', { fresh: 'each' }, (t) => {
  let ids: { account: number; an: number; bert: number; zot: number; loan: number; reservation: number; branch3550: number; branch3551: number };

  beforeEach(async () => {
    expectOk(await importNetwork(t.db, networkFixture()));
    const id = async (q: Promise<{ id: number }[]>) => (await q)[0]!.id;
    const an = await id(t.db.select({ id: patrons.id }).from(patrons).where(eq(patrons.key, 'an')));
    const zot = await id(t.db.select({ id: libraries.id }).from(libraries).where(eq(libraries.isil, 'BE-ZOT01')));
    const deAvonden = await id(t.db.select({ id: titles.id }).from(titles).where(eq(titles.key, 'de-avonden')));
    ids = {
      account: await id(t.db.select({ id: accounts.id }).from(accounts)),
      an,
      bert: await id(t.db.select({ id: patrons.id }).from(patrons).where(eq(patrons.key, 'bert'))),
      zot,
      loan: await id(
        t.db
          .select({ id: loans.id })
          .from(loans)
          .innerJoin(items, eq(items.id, loans.itemId))
          .where(and(eq(items.barcode, '3000000000017'), eq(loans.lentOn, '2026-11-01'))),
      ),
      reservation: await id(
        t.db.select({ id: reservations.id }).from(reservations).where(and(eq(reservations.patronId, an), eq(reservations.titleId, deAvonden))),
      ),
      branch3550: await id(t.db.select({ id: branches.id }).from(branches).where(and(eq(branches.libraryId, zot), eq(branches.code, '3550')))),
      branch3551: await id(t.db.select({ id: branches.id }).from(branches).where(and(eq(branches.libraryId, zot), eq(branches.code, '3551')))),
    };
  });

  /** RN: the patron renews loans[0] (due 2026-11-29) in the portal, to 2026-12-27. */
  async function renewInPortal(occurredAt: Date, status: PortalChangeStatus = 'unconfirmed'): Promise<number> {
    await t.db.update(loans).set({ dueOn: '2026-12-27', renewals: 1 }).where(eq(loans.id, ids.loan));
    return logChange(t.db, {
      kind: 'renewal', accountId: ids.account, patronId: ids.an, libraryId: ids.zot, loanId: ids.loan, occurredAt, status,
      details: { oldDueOn: '2026-11-29', newDueOn: '2026-12-27', oldRenewals: 0, newRenewals: 1 },
    });
  }
  const loan = async () => (await t.db.select().from(loans).where(eq(loans.id, ids.loan)))[0]!;
  const reservation = async () => (await t.db.select().from(reservations).where(eq(reservations.id, ids.reservation)))[0]!;

  describe('issue 13 §3 renewals', () => {
    it('a renewal made after the export is kept on re-import of the same document, and reported with its path', async () => {
      const change = await renewInPortal(AFTER_EXPORT);
      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(await loan()).toMatchObject({ dueOn: '2026-12-27', renewals: 1 });
      expect(result.kept).toEqual([{ path: 'loans[0]', message: KEPT_AFTER_EXPORT }]);
      expect(result.notes).toEqual([]);
      expect(result.portalChanges).toEqual({ confirmed: 0, rejected: 0 });
      expect(result.counts.loans).toMatchObject({ updated: 0, unchanged: 4 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'unconfirmed', resolvedBy: null });
    });

    it('without exportedAt an unconfirmed renewal is kept, and the report says why it cannot tell', async () => {
      const change = await renewInPortal(BEFORE_EXPORT);
      const result = expectOk(await importNetwork(t.db, networkFixture()));
      expect(await loan()).toMatchObject({ dueOn: '2026-12-27', renewals: 1 });
      expect(result.kept).toEqual([{ path: 'loans[0]', message: KEPT_UNCONFIRMED }]);
      expect(result.notes).toEqual([NOTE_NO_EXPORTED_AT]);
      expect((await changeRow(t.db, change)).status).toBe('unconfirmed');
    });

    it('an unconfirmed renewal from before the export is kept too', async () => {
      await renewInPortal(BEFORE_EXPORT);
      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(await loan()).toMatchObject({ dueOn: '2026-12-27', renewals: 1 });
      expect(result.kept).toEqual([{ path: 'loans[0]', message: KEPT_UNCONFIRMED }]);
    });

    it('a confirmed renewal from before the export does not stand: the document’s older due date wins', async () => {
      const change = await renewInPortal(BEFORE_EXPORT, 'confirmed');
      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(await loan()).toMatchObject({ dueOn: '2026-11-29', renewals: 0 });
      expect(result.kept).toEqual([]);
      expect(result.counts.loans).toMatchObject({ updated: 1 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'confirmed', resolvedBy: 'library' });
    });

    it('a confirmed renewal from after the export still stands', async () => {
      await renewInPortal(AFTER_EXPORT, 'confirmed');
      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(await loan()).toMatchObject({ dueOn: '2026-12-27', renewals: 1 });
      expect(result.kept).toEqual([{ path: 'loans[0]', message: KEPT_AFTER_EXPORT }]);
    });

    it('a document that shows the renewal confirms it', async () => {
      const change = await renewInPortal(BEFORE_EXPORT);
      const doc = networkFixture();
      Object.assign(doc.loans[0]!, { dueOn: '2026-12-27', renewals: 1 });
      const result = expectOk(await importNetwork(t.db, { ...doc, exportedAt: EXPORTED_AT }));
      expect(result.kept).toEqual([]);
      expect(result.portalChanges).toEqual({ confirmed: 1, rejected: 0 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'confirmed', resolvedBy: 'import', resolvedAt: expect.any(Date) });
      // A later import of an older document: the confirmed change was made before that export.
      expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(await loan()).toMatchObject({ dueOn: '2026-11-29', renewals: 0 });
    });

    it('a returned loan: the library wins, the renewal is rejected loan_returned', async () => {
      const change = await renewInPortal(AFTER_EXPORT);
      const doc = networkFixture();
      doc.loans[0]!.returnedOn = '2026-11-27';
      const result = expectOk(await importNetwork(t.db, { ...doc, exportedAt: EXPORTED_AT }));
      expect(await loan()).toMatchObject({ dueOn: '2026-11-29', renewals: 0, returnedOn: '2026-11-27' });
      expect(result.kept).toEqual([]);
      expect(result.portalChanges).toEqual({ confirmed: 0, rejected: 1 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'rejected', rejectedReason: 'loan_returned', resolvedBy: 'import' });
    });
  });

  describe('issue 13 §3 reservations', () => {
    async function cancelInPortal(): Promise<number> {
      await t.db.update(reservations).set({ status: 'cancelled' }).where(eq(reservations.id, ids.reservation));
      return logChange(t.db, {
        kind: 'reservation_cancelled', accountId: ids.account, patronId: ids.an, libraryId: ids.zot,
        reservationId: ids.reservation, details: { oldStatus: 'waiting' }, occurredAt: AFTER_EXPORT,
      });
    }

    it('a cancelled reservation stays cancelled when the document still says waiting', async () => {
      const change = await cancelInPortal();
      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect((await reservation()).status).toBe('cancelled');
      expect(result.kept).toEqual([{ path: 'reservations[0]', message: KEPT_AFTER_EXPORT }]);
      expect((await changeRow(t.db, change)).status).toBe('unconfirmed');
    });

    it('the document shows the cancellation: confirmed', async () => {
      const change = await cancelInPortal();
      const doc = networkFixture();
      doc.reservations[0]!.status = 'cancelled';
      expectOk(await importNetwork(t.db, { ...doc, exportedAt: EXPORTED_AT }));
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'confirmed', resolvedBy: 'import' });
    });

    it('ready at the library: the library wins, the cancellation is rejected reservation_ready', async () => {
      const change = await cancelInPortal();
      const doc = networkFixture();
      Object.assign(doc.reservations[0]!, { status: 'ready', readyUntil: '2026-12-05' });
      const result = expectOk(await importNetwork(t.db, { ...doc, exportedAt: EXPORTED_AT }));
      expect(await reservation()).toMatchObject({ status: 'ready', readyUntil: '2026-12-05' });
      expect(result.portalChanges).toEqual({ confirmed: 0, rejected: 1 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'rejected', rejectedReason: 'reservation_ready' });
    });

    it('a pick-up change is kept while the document has the old branch, and confirmed once it shows the new one', async () => {
      await t.db.update(reservations).set({ pickupBranchId: ids.branch3551 }).where(eq(reservations.id, ids.reservation));
      const change = await logChange(t.db, {
        kind: 'pickup_changed', accountId: ids.account, patronId: ids.an, libraryId: ids.zot, reservationId: ids.reservation,
        details: { from: { library: 'BE-ZOT01', branch: '3550' }, to: { library: 'BE-ZOT01', branch: '3551' } },
      });
      const kept = expectOk(await importNetwork(t.db, networkFixture()));
      expect((await reservation()).pickupBranchId).toBe(ids.branch3551);
      expect(kept.kept).toEqual([{ path: 'reservations[0]', message: KEPT_UNCONFIRMED }]);

      const doc = networkFixture();
      doc.reservations[0]!.pickupBranch = '3551';
      const shown = expectOk(await importNetwork(t.db, doc));
      expect(shown.kept).toEqual([]);
      expect(shown.portalChanges).toEqual({ confirmed: 1, rejected: 0 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'confirmed', resolvedBy: 'import' });
    });
  });

  describe('issue 13 §4 what the patron chose stays theirs', () => {
    it('an existing patron’s history setting and cleared history are kept; a new patron gets the document’s', async () => {
      await t.db.update(patrons).set({ historyEnabled: false, historyPausedOn: '2026-11-28' }).where(eq(patrons.id, ids.an));
      const disabled = await logChange(t.db, {
        kind: 'history_disabled', accountId: ids.account, patronId: ids.an, libraryId: ids.zot, details: { pausedOn: '2026-11-28' },
      });
      await t.db.update(loans).set({ hiddenFromHistory: true }).where(eq(loans.patronId, ids.an));
      await logChange(t.db, { kind: 'history_cleared', accountId: ids.account, patronId: ids.an, libraryId: ids.zot, details: { hidden: 1 } });

      const doc = networkFixture(); // an: historyEnabled true
      doc.patrons.push({ key: 'dirk', givenName: 'Dirk', familyName: 'Nieuw', historyEnabled: true, memberships: [], guestMemberships: [], cards: [] });
      const result = expectOk(await importNetwork(t.db, doc));
      const [an] = await t.db.select().from(patrons).where(eq(patrons.id, ids.an));
      expect(an).toMatchObject({ historyEnabled: false, historyPausedOn: '2026-11-28' });
      const [dirk] = await t.db.select().from(patrons).where(eq(patrons.key, 'dirk'));
      expect(dirk?.historyEnabled).toBe(true);
      const anLoans = await t.db.select().from(loans).where(eq(loans.patronId, ids.an));
      expect(anLoans.length).toBeGreaterThan(0);
      expect(anLoans.every((l) => l.hiddenFromHistory)).toBe(true);
      expect(result.kept).toEqual([{ path: 'patrons[0].historyEnabled', message: KEPT_UNCONFIRMED }]);
      expect((await changeRow(t.db, disabled)).status).toBe('unconfirmed');

      // The library took the setting over: confirmed; the cleared rows stay hidden whatever comes.
      doc.patrons[0]!.historyEnabled = false;
      const shown = expectOk(await importNetwork(t.db, doc));
      expect(shown.portalChanges.confirmed).toBe(1);
      expect(await changeRow(t.db, disabled)).toMatchObject({ status: 'confirmed', resolvedBy: 'import' });
      expect((await t.db.select().from(loans).where(eq(loans.patronId, ids.an))).every((l) => l.hiddenFromHistory)).toBe(true);
    });

    it('an existing account keeps its e-mail, password and sessions; a new account is created with its hashed password', async () => {
      const portalHash = await hashSecret('portal-chosen-password');
      await t.db
        .update(accounts)
        .set({ email: 'an.nieuw@example.be', emailVerified: true, passwordHash: portalHash, sessionVersion: sql`${accounts.sessionVersion} + 1` })
        .where(eq(accounts.id, ids.account));
      const [before] = await t.db.select().from(accounts).where(eq(accounts.id, ids.account));

      const doc = networkFixture();
      doc.accounts[0]!.password = 'the-library-password';
      doc.accounts.push({ username: 'carla.desmet', email: 'carla@example.be', password: 'carla-long-password', patrons: ['carla'] });
      const result = expectOk(await importNetwork(t.db, doc));
      expect(await t.db.select().from(accounts).where(eq(accounts.id, ids.account))).toEqual([before]);
      expect(await verifySecret(before!.passwordHash, 'portal-chosen-password')).toBe(true);
      expect(result.kept).toEqual([{ path: 'accounts[0]', message: KEPT_ACCOUNT }]);
      expect(result.counts.accounts).toEqual({ inserted: 1, updated: 0, unchanged: 1 });

      const [carla] = await t.db.select().from(accounts).where(eq(accounts.username, 'carla.desmet'));
      expect(carla).toMatchObject({ email: 'carla@example.be', emailVerified: true, sessionVersion: 1 });
      expect(carla?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifySecret(carla!.passwordHash, 'carla-long-password')).toBe(true);
      expect(await verifySecret(before!.passwordHash, FIXTURE_PASSWORD)).toBe(false);
    });

    it('a patron unlinked in the portal is not linked again; the change is confirmed once the document drops the link', async () => {
      await t.db.delete(accountPatrons).where(and(eq(accountPatrons.accountId, ids.account), eq(accountPatrons.patronId, ids.bert)));
      const change = await logChange(t.db, { kind: 'membership_unlinked', accountId: ids.account, patronId: ids.bert });

      const result = expectOk(await importNetwork(t.db, networkFixture())); // still lists ['an', 'bert']
      expect(await t.db.select().from(accountPatrons).where(eq(accountPatrons.patronId, ids.bert))).toEqual([]);
      expect(result.kept).toEqual([{ path: 'accounts[0].patrons[1]', message: KEPT_UNCONFIRMED }]);
      expect(result.counts.accountPatrons).toMatchObject({ inserted: 0 });

      const doc = networkFixture();
      doc.accounts[0]!.patrons = ['an'];
      const dropped = expectOk(await importNetwork(t.db, doc));
      expect(dropped.kept).toEqual([]);
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'confirmed', resolvedBy: 'import' });
    });

    it('a patron unlinked and linked to another account in the portal: the old document is not refused, the patron stays', async () => {
      await t.db.delete(accountPatrons).where(eq(accountPatrons.patronId, ids.bert));
      await logChange(t.db, { kind: 'membership_unlinked', accountId: ids.account, patronId: ids.bert, occurredAt: AFTER_EXPORT });
      const [other] = await t.db
        .insert(accounts)
        .values({ username: 'bert.claes', email: 'bert@example.be', passwordHash: await hashSecret('bert-long-password') })
        .returning({ id: accounts.id });
      await t.db.insert(accountPatrons).values({ accountId: other!.id, patronId: ids.bert });
      await logChange(t.db, { kind: 'membership_linked', accountId: other!.id, patronId: ids.bert, occurredAt: AFTER_EXPORT });

      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(await t.db.select({ accountId: accountPatrons.accountId }).from(accountPatrons).where(eq(accountPatrons.patronId, ids.bert))).toEqual([
        { accountId: other!.id },
      ]);
      expect(result.kept).toEqual([{ path: 'accounts[0].patrons[1]', message: KEPT_AFTER_EXPORT }]);

      // A confirmed unlink from before the export no longer stands: the document's stale link to
      // the first account is refused again (P3: an import never moves a patron).
      await t.db.update(portalChanges).set({ status: 'confirmed', resolvedBy: 'library', resolvedAt: BEFORE_EXPORT, occurredAt: BEFORE_EXPORT });
      const refused = await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT });
      expect(refused.ok ? [] : refused.errors.map((e) => e.path)).toEqual(['accounts[0].patrons[1]']);
    });

    it('a link made in the portal is confirmed when the document lists it', async () => {
      await t.db.delete(accountPatrons).where(eq(accountPatrons.patronId, ids.bert));
      await t.db.insert(accountPatrons).values({ accountId: ids.account, patronId: ids.bert });
      const change = await logChange(t.db, { kind: 'membership_linked', accountId: ids.account, patronId: ids.bert, occurredAt: AFTER_EXPORT });
      const result = expectOk(await importNetwork(t.db, { ...networkFixture(), exportedAt: EXPORTED_AT }));
      expect(result.portalChanges).toEqual({ confirmed: 1, rejected: 0 });
      expect(await changeRow(t.db, change)).toMatchObject({ status: 'confirmed', resolvedBy: 'import' });
    });
  });

  describe('issue 13 §5 batched', () => {
    it('reads the change log once per chunk of records and settles changes in one statement per kind of outcome', async () => {
      // Many loans of one patron, each renewed in the portal: half shown by the document, half returned.
      const n = 1200;
      const doc = networkFixture();
      const extra = Array.from({ length: n }, (_, i) => `39${String(i).padStart(11, '0')}`);
      doc.items.push(...extra.map((barcode) => ({ barcode, title: 'max-havelaar', library: 'BE-ZOT01', branch: '3550' })));
      const extraLoans = extra.map((item) => ({
        item, patron: 'an', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-11-01', dueOn: '2026-11-29', renewals: 0, returnedOn: null as string | null,
      }));
      expectOk(await importNetwork(t.db, { ...doc, loans: [...doc.loans, ...extraLoans] }));
      await t.db.execute(sql`
        insert into portal_changes (account_id, patron_id, library_id, kind, loan_id, details, occurred_at)
        select ${ids.account}, ${ids.an}, ${ids.zot}, 'renewal', l.id,
               '{"oldDueOn":"2026-11-29","newDueOn":"2026-12-27","oldRenewals":0,"newRenewals":1}'::jsonb, ${AFTER_EXPORT.toISOString()}::timestamptz
        from loans l join items i on i.id = l.item_id where i.barcode like '39%'`);

      const later = extraLoans.map((l, i) => (i % 2 === 0 ? { ...l, dueOn: '2026-12-27', renewals: 1 } : { ...l, returnedOn: '2026-11-20' }));
      t.queries.reset();
      const result = expectOk(await importNetwork(t.db, { ...doc, exportedAt: EXPORTED_AT, loans: [...doc.loans, ...later] }));
      expect(result.portalChanges).toEqual({ confirmed: n / 2, rejected: n / 2 });
      const reads = t.queries.filter((q) => /^select .* from "portal_changes"/is.test(q));
      const writes = t.queries.filter((q) => /^update "portal_changes"/i.test(q));
      // One read each for patrons, account links (validation and write) and reservations, and one per
      // chunk of loans: the returned ones (602) and the open ones (602) are written apart, one chunk each.
      expect(reads.length).toBe(6);
      expect(writes.length).toBe(2); // one confirm, one reject (loan_returned)
    });
  });
});
