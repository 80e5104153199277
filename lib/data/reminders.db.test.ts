// Due-date reminders on a scenario built with the importer, against a real SMTP server on a loopback port:
// three accounts (several libraries of one region; a second region and a lone library; reminders
// off) plus one with nothing due. Run twice → each account that should gets exactly one mail with
// exactly its due, overdue and ready items; a crash or failure resends nothing already sent; the
// number of statements does not grow with the number of accounts beyond the two writes per mail.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from '../../db/import/import-network';
import { accounts, reminderSends } from '../../db/schema';
import { describeOnDatabases, drivers, freshDb } from '../../test/db';
import { startSmtpSink, type SmtpSink } from '@/test/support/smtp-sink';
import { createMailer, type Mailer } from '../mail/transport';
import { runReminders } from '../jobs/reminders';

const base = 'https://portal.example.be';
const PASSWORD = 'reading is good for you';
// 2026-11-23, 09:00 in Brussels.
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 8, 0));

function scenario() {
  const f = networkFixture();
  const title = (key: string, name: string) => ({ key, title: name, author: 'Auteur', material: 'book' as const });
  const item = (barcode: string, titleKey: string, library: string, branch: string) => ({ barcode, title: titleKey, library, branch });
  return {
    format: f.format,
    regions: f.regions,
    digitalCollections: f.digitalCollections,
    subscriptionTypes: f.subscriptionTypes,
    libraries: f.libraries,
    patrons: [
      {
        key: 'rita', givenName: 'Rita', familyName: 'Van Acker',
        memberships: [
          { library: 'BE-ZOT01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' },
          { library: 'BE-OOS01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' },
        ],
      },
      {
        key: 'sam', givenName: 'Sam', familyName: 'Maes',
        memberships: [
          { library: 'BE-DEI01', type: 'VOLW', start: '2026-01-01', end: '2026-12-31' },
          { library: 'BE-GNT01', type: 'STAD', start: '2026-01-01', end: '2027-06-30' },
        ],
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
      title('due-soon', 'Binnenkort Terug'),
      title('overdue', 'Al Te Laat'),
      title('later', 'Nog Lang Niet'),
      title('returned', 'Al Teruggebracht'),
      title('ready', 'Klaar Voor Rita'),
      title('waiting', 'Nog Even Wachten'),
      title('leie', 'Leie Lektuur'),
      title('gent', 'Gentse Gebeurtenissen'),
      title('tom-late', 'Tom Is Te Laat'),
      title('uma-later', 'Uma Heeft Tijd'),
    ],
    items: [
      item('3100000000001', 'due-soon', 'BE-ZOT01', '3550'),
      item('3100000000002', 'overdue', 'BE-OOS01', '9860'),
      item('3100000000003', 'later', 'BE-ZOT01', '3551'),
      item('3100000000004', 'returned', 'BE-ZOT01', '3550'),
      item('3100000000005', 'ready', 'BE-OOS01', '9860'),
      item('3100000000006', 'leie', 'BE-DEI01', '9800'),
      item('3100000000007', 'gent', 'BE-GNT01', '9000'),
      item('3100000000008', 'tom-late', 'BE-GNT01', '9000'),
      item('3100000000009', 'uma-later', 'BE-ZOT01', '3550'),
    ],
    loans: [
      { item: '3100000000001', patron: 'rita', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-10-28', dueOn: '2026-11-25' },
      { item: '3100000000002', patron: 'rita', library: 'BE-OOS01', branch: '9860', lentOn: '2026-09-01', dueOn: '2026-11-20', renewals: 2 },
      { item: '3100000000003', patron: 'rita', library: 'BE-ZOT01', branch: '3551', lentOn: '2026-11-12', dueOn: '2026-12-10' },
      { item: '3100000000004', patron: 'rita', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-10-01', dueOn: '2026-10-29', returnedOn: '2026-10-20' },
      { item: '3100000000006', patron: 'sam', library: 'BE-DEI01', branch: '9800', lentOn: '2026-11-08', dueOn: '2026-11-29' },
      { item: '3100000000007', patron: 'sam', library: 'BE-GNT01', branch: '9000', lentOn: '2026-11-10', dueOn: '2026-11-24' },
      { item: '3100000000008', patron: 'tom', library: 'BE-GNT01', branch: '9000', lentOn: '2026-10-01', dueOn: '2026-10-15' },
      { item: '3100000000009', patron: 'uma', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-11-20', dueOn: '2026-12-18' },
    ],
    reservations: [
      { title: 'ready', patron: 'rita', pickupLibrary: 'BE-OOS01', pickupBranch: '9860', placedOn: '2026-11-10', status: 'ready', readyUntil: '2026-11-27' },
      { title: 'waiting', patron: 'rita', pickupLibrary: 'BE-ZOT01', pickupBranch: '3550', placedOn: '2026-11-10', status: 'waiting' },
      // RN2: Tom waits for Sam's only copy, so Sam cannot renew it.
      { title: 'gent', patron: 'tom', pickupLibrary: 'BE-GNT01', pickupBranch: '9000', placedOn: '2026-11-15', status: 'waiting' },
    ],
    fees: [],
  };
}

describeOnDatabases('issue 8 §5 one reminder for every membership (%s)', (t) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    const imported = await importNetwork(t.db, scenario());
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    await t.db.update(accounts).set({ reminderDays: 7, locale: 'en' }).where(eq(accounts.username, 'sam'));
    await t.db.update(accounts).set({ reminderDays: null }).where(eq(accounts.username, 'tom'));
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, from: 'Mijn Bibliotheek <no-reply@example.be>', outboxDir: '/nonexistent' });
  });
  afterAll(async () => {
    await sink.close();
  });

  it('run twice: exactly one mail per account that should, with exactly its items', async () => {
    const first = await runReminders(t.db, { mailer, now: day(23), baseUrl: base });
    expect(first).toMatchObject({ today: '2026-11-23', sent: 2, failed: 0 });
    const second = await runReminders(t.db, { mailer, now: day(23), baseUrl: base });
    expect(second).toMatchObject({ candidates: 0, sent: 0 });

    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['rita@example.be', 'sam@example.be']);

    const rita = sink.to('rita@example.be')[0]!.decoded;
    // Several libraries of one region: one card (R2), grouped per branch, with the card's loans link.
    expect(rita).toContain('Regio Zottegem-Oosterzele – Bibliotheek Zottegem');
    expect(rita).toContain(`${base}/cards/zo/loans`);
    expect(rita).toContain('Bibliotheek Zottegem, 3550 Zottegem');
    expect(rita).toContain('Bibliotheek Oosterzele, 9860 Oosterzele');
    expect(rita).toMatch(/\[Binnenkort terug\] Binnenkort Terug \(Auteur\)\n\s+terug op 25 november 2026; kan verlengd worden tot 21 december 2026/);
    expect(rita).toMatch(/\[Te laat\] Al Te Laat \(Auteur\)\n\s+moest terug op 20 november 2026; kan niet verlengd worden: het maximum aantal verlengingen is bereikt/);
    expect(rita).toMatch(/\[Klaar om af te halen\] Klaar Voor Rita\n\s+af te halen in 9860 Oosterzele \(Bibliotheek Oosterzele\) tot en met 27 november 2026/);
    for (const absent of ['Nog Lang Niet', 'Al Teruggebracht', 'Nog Even Wachten']) expect(rita).not.toContain(absent);
    expect(sink.to('rita@example.be')[0]!.subject).toMatch(/^Herinnering: 3 /);

    const sam = sink.to('sam@example.be')[0]!.decoded;
    // A second region and a lone library: two cards, in the account's language (en), lead time 7 days.
    expect(sam).toContain('Regio Leiestreek – Bibliotheek Deinze');
    expect(sam).toContain(`${base}/cards/le/loans`);
    expect(sam).toContain('Bibliotheek Gent');
    expect(sam).toContain(`${base}/cards/be-gnt01/loans`);
    expect(sam).toMatch(/\[Due back soon\] Leie Lektuur \(Auteur\)\n\s+due back on 29 November 2026; can be renewed until 14 December 2026/);
    expect(sam).toMatch(/\[Due back soon\] Gentse Gebeurtenissen \(Auteur\)\n\s+due back on 24 November 2026; cannot be renewed: someone else has reserved it/);
    expect(sam).not.toContain('Tom Is Te Laat');

    const rows = await t.db.select().from(reminderSends);
    expect(rows.map((r) => [r.status, r.sentOn])).toEqual([
      ['sent', '2026-11-23'],
      ['sent', '2026-11-23'],
    ]);
  });

  it('a later day mails again only when something is new', async () => {
    const before = sink.messages.length;
    expect(await runReminders(t.db, { mailer, now: day(24), baseUrl: base })).toMatchObject({ sent: 0, unchanged: 2 });
    expect(sink.messages.length).toBe(before);
    // On the 26th Rita's loan due on the 25th is overdue: news; Sam's Gent loan is overdue too.
    const r = await runReminders(t.db, { mailer, now: day(26), baseUrl: base });
    expect(r).toMatchObject({ sent: 2 });
    expect(sink.to('rita@example.be').at(-1)!.decoded).toMatch(/\[Te laat\] Binnenkort Terug/);
  });

  it('a failed send is retried by the next run; a crash after the claim never mails twice that day', async () => {
    await t.db.delete(reminderSends); // as if nothing had been sent yet: everything is news
    const broken: Mailer = { kind: 'smtp', send: () => Promise.reject(new Error('connection refused')) };
    const failed = await runReminders(t.db, { mailer: broken, now: day(28), baseUrl: base });
    expect(failed).toMatchObject({ sent: 0, failed: 2 });
    expect(await t.db.select().from(reminderSends).where(eq(reminderSends.sentOn, '2026-11-28'))).toEqual([]);

    // A run that died after claiming Rita (status `sending`): the retry mails only Sam.
    const [rita] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'rita'));
    await t.db.insert(reminderSends).values({ accountId: rita!.id, sentOn: '2026-11-28', status: 'sending', itemKeys: [] });
    const before = sink.messages.length;
    const retry = await runReminders(t.db, { mailer, now: day(28), baseUrl: base });
    expect(retry).toMatchObject({ sent: 1 });
    expect(sink.messages.slice(before).map((m) => m.to)).toEqual([['sam@example.be']]);
  });

  it('issue 11 §5: no reminder to an address that is not verified (it lists loans and reservations)', async () => {
    await t.db.delete(reminderSends); // as if nothing had been sent yet: everything is news
    await t.db.update(accounts).set({ emailVerified: false }).where(eq(accounts.username, 'rita'));
    const before = sink.messages.length;
    expect(await runReminders(t.db, { mailer, now: day(29), baseUrl: base })).toMatchObject({ sent: 1 });
    expect(sink.messages.slice(before).map((m) => m.to)).toEqual([['sam@example.be']]);
    // Once the address is verified, Rita's reminder goes out (her items are news that day).
    await t.db.update(accounts).set({ emailVerified: true }).where(eq(accounts.username, 'rita'));
    expect(await runReminders(t.db, { mailer, now: day(29), baseUrl: base })).toMatchObject({ sent: 1 });
    expect(sink.messages.slice(before).map((m) => m.to)).toEqual([['sam@example.be'], ['rita@example.be']]);
  });
});

describe.each(drivers)('issue 8 §5 candidates in a bounded number of statements (%s)', (driver) => {
  async function statementsFor(accountCount: number): Promise<{ total: number; reads: number; sent: number }> {
    const t = await freshDb(driver);
    try {
      const f = networkFixture();
      const doc = {
        format: f.format,
        regions: f.regions,
        digitalCollections: f.digitalCollections,
        subscriptionTypes: f.subscriptionTypes,
        libraries: f.libraries,
        titles: [{ key: 'scale', title: 'Schaal', material: 'book' as const }],
        patrons: Array.from({ length: accountCount }, (_, i) => ({
          key: `p${i}`, givenName: 'P', familyName: String(i),
          memberships: [{ library: 'BE-ZOT01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }],
        })),
        accounts: Array.from({ length: accountCount }, (_, i) => ({ username: `user${i}`, email: `user${i}@example.be`, password: PASSWORD, patrons: [`p${i}`] })),
        items: Array.from({ length: accountCount * 2 }, (_, i) => ({ barcode: `32${String(i).padStart(11, '0')}`, title: 'scale', library: i % 2 ? 'BE-OOS01' : 'BE-ZOT01', branch: i % 2 ? '9860' : '3550' })),
        loans: Array.from({ length: accountCount * 2 }, (_, i) => ({
          item: `32${String(i).padStart(11, '0')}`, patron: `p${Math.floor(i / 2)}`, library: i % 2 ? 'BE-OOS01' : 'BE-ZOT01', branch: i % 2 ? '9860' : '3550',
          lentOn: '2026-10-20', dueOn: i % 2 ? '2026-11-20' : '2026-11-24',
        })),
      };
      const imported = await importNetwork(t.db, doc);
      expect(imported.ok, JSON.stringify(imported)).toBe(true);
      const sink = { sent: 0 };
      const counting: Mailer = { kind: 'smtp', send: async () => void sink.sent++ };
      t.queries.reset();
      const report = await runReminders(t.db, { mailer: counting, now: day(23), baseUrl: base });
      const reads = t.queries.filter((q) => /^\s*(with|select)/i.test(q)).length;
      return { total: t.queries.count, reads, sent: report.sent };
    } finally {
      await t.close();
    }
  }

  it('1 and 50 accounts: one read; two writes per mail', async () => {
    const one = await statementsFor(1);
    const fifty = await statementsFor(50);
    expect(one).toEqual({ total: 1 + 2 * 1, reads: 1, sent: 1 });
    expect(fifty).toEqual({ total: 1 + 2 * 50, reads: 1, sent: 50 });
  });
});

describe('reminder settings are checked by the database', () => {
  it('lead time 1..7 or null', async () => {
    const t = await freshDb('pglite');
    try {
      await importNetwork(t.db, networkFixture());
      await expect(t.db.execute(sql`update accounts set reminder_days = 8`)).rejects.toThrow();
      await t.db.execute(sql`update accounts set reminder_days = null`);
      await t.db.execute(sql`update accounts set reminder_days = 7`);
    } finally {
      await t.close();
    }
  });
});
