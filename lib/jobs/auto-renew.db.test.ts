// Issue 15: automatic renewal the night before (opt-in), in the daily reminder run, on a scenario built
// with the importer, against a real SMTP server on a loopback port. Only accounts that opted in, only
// loans due tomorrow, decided by the renew path's own rules (RN1–RN8); the results are in that day's
// mail; a rerun the same day renews nothing more and mails nothing; a failed mail is retried without
// renewing again.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from '../../db/import/import-network';
import { accounts, items, loans, renewalLog, renewalRequests } from '../../db/schema';
import { describeOnDatabases } from '../../test/db';
import { startSmtpSink, type SmtpSink } from '@/test/support/smtp-sink';
import type { LibrarySystem, LibrarySystems } from '../library-systems/port';
import { createMailer, type Mailer } from '../mail/transport';
import { renewLoansInput } from '../actions/renew-loans-core';
import { autoRenewRequestKey, runReminders } from './reminders';

const base = 'https://portal.example.be';
const PASSWORD = 'reading is good for you';
// 09:00 in Brussels on a day of November 2026.
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 8, 0));

function scenario() {
  const f = networkFixture();
  const title = (key: string, name: string) => ({ key, title: name, author: 'Auteur', material: 'book' as const });
  const item = (barcode: string, titleKey: string, library: string, branch: string) => ({ barcode, title: titleKey, library, branch });
  const loan = (barcode: string, patron: string, library: string, branch: string, dueOn: string) => ({ item: barcode, patron, library, branch, lentOn: '2026-10-27', dueOn });
  return {
    format: f.format,
    regions: f.regions,
    digitalCollections: f.digitalCollections,
    subscriptionTypes: f.subscriptionTypes,
    libraries: f.libraries,
    patrons: [
      { key: 'rita', givenName: 'Rita', familyName: 'Van Acker', memberships: [{ library: 'BE-ZOT01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }] },
      {
        key: 'sam', givenName: 'Sam', familyName: 'Maes',
        memberships: [{ library: 'BE-GNT01', type: 'STAD', start: '2026-01-01', end: '2027-06-30' }],
        cards: [{ library: 'BE-GNT01', number: '2000999000001' }],
      },
      { key: 'tom', givenName: 'Tom', familyName: 'Wouters', memberships: [{ library: 'BE-GNT01', type: 'STAD', start: '2026-01-01', end: '2027-06-30' }] },
      { key: 'uma', givenName: 'Uma', familyName: 'Janssens', memberships: [{ library: 'BE-ZOT01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }] },
    ],
    accounts: [
      { username: 'rita', email: 'rita@example.be', password: PASSWORD, patrons: ['rita'] },
      { username: 'sam', email: 'sam@example.be', password: PASSWORD, patrons: ['sam'] },
      { username: 'tom', email: 'tom@example.be', password: PASSWORD, patrons: ['tom'] },
      { username: 'uma', email: 'uma@example.be', password: PASSWORD, patrons: ['uma'] },
    ],
    titles: [
      title('a', 'Morgen Verlengd'),
      title('b', 'Door Uma Gereserveerd'),
      title('c', 'Overmorgen Terug'),
      title('d', 'Sam Renews Tomorrow'),
      title('e', 'Tom Kiest Zelf'),
      title('f', 'Uma Later'),
    ],
    items: [
      item('3300000000001', 'a', 'BE-ZOT01', '3550'),
      item('3300000000002', 'b', 'BE-ZOT01', '3550'),
      item('3300000000003', 'c', 'BE-ZOT01', '3550'),
      item('3300000000004', 'd', 'BE-GNT01', '9000'),
      item('3300000000005', 'e', 'BE-GNT01', '9000'),
      item('3300000000006', 'f', 'BE-ZOT01', '3550'),
    ],
    loans: [
      loan('3300000000001', 'rita', 'BE-ZOT01', '3550', '2026-11-24'),
      loan('3300000000002', 'rita', 'BE-ZOT01', '3550', '2026-11-24'),
      loan('3300000000003', 'rita', 'BE-ZOT01', '3550', '2026-11-25'),
      loan('3300000000004', 'sam', 'BE-GNT01', '9000', '2026-11-24'),
      loan('3300000000005', 'tom', 'BE-GNT01', '9000', '2026-11-24'),
      loan('3300000000006', 'uma', 'BE-ZOT01', '3550', '2026-12-18'),
    ],
    // RN2: Uma waits for Rita's only copy of b, so it cannot be renewed.
    reservations: [{ title: 'b', patron: 'uma', pickupLibrary: 'BE-ZOT01', pickupBranch: '3550', placedOn: '2026-11-15', status: 'waiting' }],
    fees: [],
  };
}

describeOnDatabases('issue 15 automatic renewal the night before, opt-in (%s)', (t) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  const loanOf = async (barcode: string) => {
    const [row] = await t.db
      .select({ id: loans.id, dueOn: loans.dueOn, renewals: loans.renewals })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId))
      .where(eq(items.barcode, barcode));
    return row!;
  };
  beforeAll(async () => {
    const imported = await importNetwork(t.db, scenario());
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    await t.db.update(accounts).set({ autoRenew: true }).where(inArray(accounts.username, ['rita', 'uma']));
    await t.db.update(accounts).set({ autoRenew: true, locale: 'en' }).where(eq(accounts.username, 'sam'));
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, from: 'Mijn Bibliotheek <no-reply@example.be>', outboxDir: '/nonexistent' });
  });
  afterAll(async () => {
    await sink.close();
  });

  it('the idempotency key is a valid UUID, the same for one account and day, another for another', () => {
    expect(autoRenewRequestKey(1, '2026-11-23')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(renewLoansInput.safeParse({ requestKey: autoRenewRequestKey(1, '2026-11-23'), loanIds: [1] }).success).toBe(true);
    expect(autoRenewRequestKey(1, '2026-11-23')).toBe(autoRenewRequestKey(1, '2026-11-23'));
    expect(autoRenewRequestKey(1, '2026-11-24')).not.toBe(autoRenewRequestKey(1, '2026-11-23'));
    expect(autoRenewRequestKey(2, '2026-11-23')).not.toBe(autoRenewRequestKey(1, '2026-11-23'));
  });

  it('opted in: loans due tomorrow renewed by the rules, the results in that day’s mail; a rerun changes nothing', async () => {
    const first = await runReminders(t.db, { mailer, now: day(23), baseUrl: base });
    expect(first).toMatchObject({ today: '2026-11-23', sent: 3, failed: 0, autoRenewed: 2, autoRefused: 1 });

    // Due tomorrow and allowed: renewed once, to the new due date of the renew path.
    expect(await loanOf('3300000000001')).toMatchObject({ dueOn: '2026-12-21', renewals: 1 });
    expect(await loanOf('3300000000004')).toMatchObject({ renewals: 1 });
    // RN2 refused: unchanged. Due the day after tomorrow: not touched. Not opted in (Tom): untouched.
    expect(await loanOf('3300000000002')).toMatchObject({ dueOn: '2026-11-24', renewals: 0 });
    expect(await loanOf('3300000000003')).toMatchObject({ dueOn: '2026-11-25', renewals: 0 });
    expect(await loanOf('3300000000005')).toMatchObject({ dueOn: '2026-11-24', renewals: 0 });

    const rita = sink.to('rita@example.be');
    expect(rita).toHaveLength(1);
    expect(rita[0]!.decoded).toMatch(/Morgen Verlengd \(Auteur\)\n\s+terug op 24 november 2026; automatisch verlengd tot 21 december 2026/);
    expect(rita[0]!.decoded).toMatch(/Door Uma Gereserveerd \(Auteur\)\n\s+terug op 24 november 2026; niet automatisch verlengd: iemand anders heeft het gereserveerd/);
    expect(rita[0]!.decoded).toMatch(/Overmorgen Terug \(Auteur\)\n\s+terug op 25 november 2026; kan verlengd worden tot 21 december 2026/);
    const sam = (await loanOf('3300000000004')).dueOn;
    expect(sink.to('sam@example.be')[0]!.decoded).toMatch(/Sam Renews Tomorrow \(Auteur\)\n\s+due back on 24 November 2026; renewed automatically until \d+ December 2026/);
    expect(sam > '2026-11-24').toBe(true);
    // Not opted in: the plain reminder, nothing renewed.
    const tom = sink.to('tom@example.be')[0]!.decoded;
    expect(tom).toMatch(/Tom Kiest Zelf \(Auteur\)\n\s+terug op 24 november 2026; kan verlengd worden tot/);
    expect(tom).not.toContain('automatisch verlengd');

    // The same renew path: its log and its stored answer, under one key per account and day.
    const [ritaId] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'rita'));
    const logged = await t.db.select().from(renewalLog).where(eq(renewalLog.accountId, ritaId!.id));
    expect(logged.map((l) => [l.result, l.reason, l.requestKey]).sort()).toEqual([
      ['refused', 'reserved', autoRenewRequestKey(ritaId!.id, '2026-11-23')],
      ['renewed', null, autoRenewRequestKey(ritaId!.id, '2026-11-23')],
    ]);

    // A rerun the same day: nothing renewed, no mail.
    const before = sink.messages.length;
    const rerun = await runReminders(t.db, { mailer, now: day(23), baseUrl: base });
    expect(rerun).toMatchObject({ candidates: 0, sent: 0, autoRenewed: 0, autoRefused: 0 });
    expect(sink.messages.length).toBe(before);
    expect(await loanOf('3300000000001')).toMatchObject({ dueOn: '2026-12-21', renewals: 1 });
    expect(await t.db.select().from(renewalLog).where(eq(renewalLog.accountId, ritaId!.id))).toHaveLength(2);
  });

  it('a failed mail is retried by a later run without renewing a second time', async () => {
    // Uma's loan becomes due tomorrow (the 28th).
    await t.db.update(loans).set({ dueOn: '2026-11-28' }).where(eq(loans.id, (await loanOf('3300000000006')).id));
    const broken: Mailer = { kind: 'smtp', send: () => Promise.reject(new Error('connection refused')) };
    const failed = await runReminders(t.db, { mailer: broken, now: day(27), baseUrl: base });
    expect(failed).toMatchObject({ sent: 0, autoRenewed: 1, autoRefused: 0 });
    const renewed = await loanOf('3300000000006');
    expect(renewed).toMatchObject({ renewals: 1 });
    expect(renewed.dueOn > '2026-11-28').toBe(true);

    const before = sink.messages.length;
    const retry = await runReminders(t.db, { mailer, now: day(27), baseUrl: base });
    expect(retry).toMatchObject({ failed: 0, autoRenewed: 0, autoRefused: 0 });
    // The retried mail tells the same result (the renew path's stored answer).
    const mails = sink.messages.slice(before).filter((m) => m.to[0] === 'uma@example.be');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.decoded).toMatch(/Uma Later \(Auteur\)\n\s+terug op \d+ december 2026; automatisch verlengd tot \d+ december 2026/);
    expect(await loanOf('3300000000006')).toEqual(renewed);
    const [uma] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'uma'));
    expect(await t.db.select().from(renewalRequests).where(eq(renewalRequests.accountId, uma!.id))).toHaveLength(1);
  });

  it('through the library link where there is one (L1): the library decides, its refusal is reported, not asked again', async () => {
    // Sam's Gent loan becomes due tomorrow (the 30th); Gent is linked and its system refuses.
    await t.db.update(loans).set({ dueOn: '2026-11-30' }).where(eq(loans.id, (await loanOf('3300000000004')).id));
    const asked: string[] = [];
    const gent = {
      isil: 'BE-GNT01',
      renew: async (_patron: unknown, barcode: string) => {
        asked.push(barcode);
        return { ok: false as const, message: 'Blocked at the desk' };
      },
    } as unknown as LibrarySystem;
    const systems: LibrarySystems = { forLibrary: (isil) => (isil === 'BE-GNT01' ? gent : null), linkedIsils: () => ['BE-GNT01'] };
    const before = sink.messages.length;
    const run = await runReminders(t.db, { mailer, now: day(29), baseUrl: base, systems });
    expect(run).toMatchObject({ failed: 0, autoRefused: 1 });
    expect(asked).toEqual(['3300000000004']);
    expect(await loanOf('3300000000004')).toMatchObject({ dueOn: '2026-11-30', renewals: 1 });
    const mails = sink.messages.slice(before).filter((m) => m.to[0] === 'sam@example.be');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.decoded).toMatch(/Sam Renews Tomorrow \(Auteur\)\n\s+due back on 30 November 2026; not renewed automatically: the library refused/);
    const [samId] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'sam'));
    const logged = await t.db.select().from(renewalLog).where(eq(renewalLog.requestKey, autoRenewRequestKey(samId!.id, '2026-11-29')));
    expect(logged.map((l) => [l.result, l.reason])).toEqual([['refused', 'library_refused']]);

    // A rerun the same day asks the library nothing.
    await runReminders(t.db, { mailer, now: day(29), baseUrl: base, systems });
    expect(asked).toEqual(['3300000000004']);
  });
});
