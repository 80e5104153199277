// The importer end to end on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL):
// a valid document imports; a re-import changes nothing; a changed record is updated in place;
// a bad document is refused with the right path and the database stays exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeOnDatabases } from '../../test/db';
import { verifyPin, verifySecret } from '../../lib/auth/hash';
import { accountPatrons, accounts, cards, libraryDigitalCollections, memberships, patrons, titles } from '../schema';
import { FIXTURE_PASSWORD, FIXTURE_PINS, networkFixture, type NetworkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork, type ImportResult } from './import-network';
import { MAX_ERRORS } from './errors';
import { snapshotDatabase } from '@/test/support/snapshot';

function expectOk(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`import refused:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result;
}

function expectRefused(result: ImportResult) {
  if (result.ok) throw new Error('import was accepted');
  return result.errors;
}

describeOnDatabases('importNetwork (%s)', (t) => {
  it('imports a valid document', async () => {
    const result = expectOk(await importNetwork(t.db, networkFixture()));
    expect(result.counts.regions).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(result.counts.libraries).toMatchObject({ inserted: 5 });
    expect(result.counts.subscriptionTypes).toMatchObject({ inserted: 5 });
    expect(result.counts.memberships).toMatchObject({ inserted: 6 });
    expect(result.counts.cards).toMatchObject({ inserted: 4 });
    expect(result.counts.accountPatrons).toMatchObject({ inserted: 2 });
    expect(result.counts.loans).toMatchObject({ inserted: 4 });
    expect(result.counts.reservations).toMatchObject({ inserted: 2 });
    expect(result.counts.fees).toMatchObject({ inserted: 3 });
    expect(result.counts.libraryDigitalCollections).toMatchObject({ inserted: 3 });

    const guest = await t.db.select().from(memberships).where(eq(memberships.kind, 'guest'));
    expect(guest.map((m) => m.loanStrips).sort()).toEqual([120, 125]); // R15 default for bert
    expect(guest.every((m) => m.startOn === m.registeredOn && m.endOn === null)).toBe(true);

    const cardRows = await t.db.select().from(cards);
    expect(Object.fromEntries(cardRows.map((c) => [c.number, c.kind]))).toEqual({
      '2000123456789': 'wise',
      '2000223456789': 'wise',
      '85073003328': 'eid', // stored normalised
      OUD0042: 'other', // normalised like every card number
    });
  });

  it('stores PINs and passwords only as argon2id hashes', async () => {
    const cardRows = await t.db.select().from(cards);
    const an = cardRows.find((c) => c.number === '2000123456789');
    expect(an?.pinHash).toMatch(/^pep1\$\$argon2id\$/); // peppered
    expect(await verifyPin(an?.pinHash ?? '', FIXTURE_PINS.anCard)).toEqual({ ok: true, upgrade: false });
    expect(cardRows.find((c) => c.number === 'OUD0042')?.pinHash).toBeNull();
    const [account] = await t.db.select().from(accounts);
    expect(account?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(account?.passwordHash ?? '', FIXTURE_PASSWORD)).toBe(true);

    const dump = JSON.stringify(await snapshotDatabase(t.db));
    for (const secret of [FIXTURE_PINS.anCard, FIXTURE_PINS.bertCard, FIXTURE_PASSWORD]) {
      expect(dump).not.toContain(secret);
    }
  });

  it('re-importing the same document changes nothing', async () => {
    const before = await snapshotDatabase(t.db);
    const result = expectOk(await importNetwork(t.db, networkFixture()));
    for (const [table, c] of Object.entries(result.counts)) {
      expect({ table, inserted: c.inserted, updated: c.updated }).toEqual({ table, inserted: 0, updated: 0 });
    }
    expect(result.counts.loans?.unchanged).toBe(4);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('updates a changed record in place, keeping its id', async () => {
    const [before] = await t.db.select().from(titles).where(eq(titles.key, 'max-havelaar'));
    const doc = networkFixture();
    doc.titles[0]!.title = 'Max Havelaar, of de koffiveilingen';
    doc.loans[0]!.returnedOn = '2026-11-20';
    const result = expectOk(await importNetwork(t.db, doc));
    expect(result.counts.titles).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect(result.counts.loans).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
    const [after] = await t.db.select().from(titles).where(eq(titles.key, 'max-havelaar'));
    expect(after).toEqual({ ...before, title: 'Max Havelaar, of de koffiveilingen' });
  });

  it('a changed PIN gets a new hash; an existing account keeps its password and sessions (issue 13 §4)', async () => {
    const [accountBefore] = await t.db.select().from(accounts);
    const doc = networkFixture();
    doc.patrons[0]!.cards[0]!.pin = '9999';
    doc.accounts[0]!.password = 'another-long-password';
    const result = expectOk(await importNetwork(t.db, doc));
    expect(result.counts.cards).toMatchObject({ updated: 1, unchanged: 3 });
    expect(result.counts.accounts).toMatchObject({ updated: 0, unchanged: 1 });
    const [card] = await t.db.select().from(cards).where(eq(cards.number, '2000123456789'));
    expect(await verifyPin(card?.pinHash ?? '', '9999')).toEqual({ ok: true, upgrade: false });
    expect(await t.db.select().from(accounts)).toEqual([accountBefore]);
    expect(await verifySecret(accountBefore?.passwordHash ?? '', FIXTURE_PASSWORD)).toBe(true);
    expectOk(await importNetwork(t.db, networkFixture())); // back to the fixture for what follows
  });

  it('leaves records absent from a later document alone, and only adds account links', async () => {
    const linksBefore = await t.db.select().from(accountPatrons);
    const doc = networkFixture();
    doc.accounts[0]!.patrons = ['an'];
    doc.patrons = doc.patrons.slice(0, 1);
    expectOk(await importNetwork(t.db, doc));
    expect(await t.db.select().from(accountPatrons)).toEqual(linksBefore);
    expect(await t.db.select().from(patrons)).toHaveLength(3);
  });

  it('replaces a library’s digital collections when it lists them', async () => {
    const doc = networkFixture();
    doc.libraries[1]!.digitalCollections = ['kranten'];
    const result = expectOk(await importNetwork(t.db, doc));
    expect(result.counts.libraryDigitalCollections).toEqual({ inserted: 0, updated: 0, unchanged: 2, removed: 1 });
    expect(await t.db.select().from(libraryDigitalCollections)).toHaveLength(2);
    expectOk(await importNetwork(t.db, networkFixture()));
  });

  describe('refuses a bad document, naming the path, and writes nothing', () => {
    const cases: { name: string; change: (doc: NetworkFixture) => unknown; path: string; message?: RegExp }[] = [
      {
        name: 'unknown reference',
        change: (d) => ((d.loans[0]!.item = '3000000000099'), d),
        path: 'loans[0].item',
        message: /no item with barcode "3000000000099"/,
      },
      {
        name: 'duplicate barcode',
        change: (d) => (d.items.push({ ...d.items[0]!, title: 'de-avonden' }), d),
        path: 'items[4].barcode',
        message: /duplicate barcode/,
      },
      { name: 'impossible date', change: (d) => ((d.loans[0]!.lentOn = '2026-02-30'), d), path: 'loans[0].lentOn', message: /calendar date/ },
      { name: 'unknown enum value', change: (d) => ((d.titles[0]!.material = 'vinyl' as 'book'), d), path: 'titles[0].material', message: /one of/ },
      { name: 'negative amount', change: (d) => ((d.fees[0]!.amountCents = -150), d), path: 'fees[0].amountCents' },
      { name: 'fractional amount', change: (d) => ((d.fees[0]!.amountCents = 1.5), d), path: 'fees[0].amountCents' },
      {
        name: 'two open loans of one item',
        change: (d) => (d.loans.push({ ...d.loans[0]!, lentOn: '2026-11-02', dueOn: '2026-11-30', patron: 'bert' }), d),
        path: 'loans[4].item',
        message: /open loan/,
      },
      {
        name: 'missing required field',
        change: (d) => {
          const { lentOn: _, ...loan } = d.loans[1]!;
          d.loans[1] = loan as never;
          return d;
        },
        path: 'loans[1].lentOn',
        message: /required/,
      },
      { name: 'unknown key', change: (d) => (Object.assign(d.patrons[0]!, { nickname: 'Anneke' }), d), path: 'patrons[0].nickname', message: /unknown field/ },
      { name: 'wrong format', change: (d) => ({ ...d, format: 'mijn-bibliotheek/network@2' }), path: 'format' },
      { name: 'exportedAt without an offset', change: (d) => ({ ...d, exportedAt: '2026-11-28T02:00:00' }), path: 'exportedAt', message: /offset/ },
      { name: 'exportedAt a date only', change: (d) => ({ ...d, exportedAt: '2026-11-28' }), path: 'exportedAt' },
      { name: 'not an object', change: () => [], path: '(document)' },
      { name: 'empty password', change: (d) => ((d.accounts[0]!.password = ''), d), path: 'accounts[0].password' },
      {
        name: 'R10 a guest whose home library is the guest library itself',
        change: (d) => ((d.patrons[0]!.guestMemberships[0]!.homeIsil = d.patrons[0]!.guestMemberships[0]!.library), d),
        path: 'patrons[0].guestMemberships[0].homeIsil',
        message: /R10/,
      },
      { name: 'bad ISIL', change: (d) => ((d.patrons[0]!.guestMemberships[0]!.homeIsil = 'not an isil'), d), path: 'patrons[0].guestMemberships[0].homeIsil' },
      { name: 'due before lent', change: (d) => ((d.loans[0]!.dueOn = '2026-10-01'), d), path: 'loans[0].dueOn' },
      { name: 'returned before lent', change: (d) => ((d.loans[1]!.returnedOn = '2026-09-01'), d), path: 'loans[1].returnedOn' },
      { name: 'ready without readyUntil', change: (d) => ((d.reservations[1]!.readyUntil = null), d), path: 'reservations[1].readyUntil' },
      { name: 'membership ends before start', change: (d) => ((d.patrons[0]!.memberships[0]!.end = '2025-12-31'), d), path: 'patrons[0].memberships[0].end' },
      {
        name: 'two memberships at one library',
        change: (d) => (d.patrons[0]!.memberships.push({ ...d.patrons[0]!.memberships[0]!, start: '2027-01-01', end: '2027-12-31' }), d),
        path: 'patrons[0].memberships[2].library',
      },
      {
        name: 'a subscription type of another region',
        change: (d) => ((d.patrons[1]!.memberships[0]!.type = 'JEUGD'), d),
        path: 'patrons[1].memberships[0].type',
        message: /no subscription type "JEUGD" in region "LE"/,
      },
      {
        name: 'a type with both region and library',
        change: (d) => (Object.assign(d.subscriptionTypes[0]!, { library: 'BE-GNT01' }), d),
        path: 'subscriptionTypes[0]',
        message: /exactly one/,
      },
      {
        name: 'a library in a region owning a type',
        change: (d) => (d.subscriptionTypes.push({ code: 'X', name: 'X', library: 'BE-ZOT01', loanPeriodDays: 7, maxRenewals: 0, maxLoans: 1 }), d),
        path: 'subscriptionTypes[5].library',
        message: /belongs to region "ZO"/,
      },
      { name: 'branch of another library', change: (d) => ((d.loans[0]!.branch = '9860'), d), path: 'loans[0].branch', message: /has no branch/ },
      { name: 'username twice, other case', change: (d) => (d.accounts.push({ ...d.accounts[0]!, username: 'AN.Peeters', patrons: ['carla'] }), d), path: 'accounts[1].username' },
      { name: 'patron in two accounts', change: (d) => (d.accounts.push({ ...d.accounts[0]!, username: 'someone', patrons: ['an'] }), d), path: 'accounts[1].patrons[0]' },
      { name: 'card number twice in a library', change: (d) => (d.patrons[2]!.cards.push({ library: 'BE-ZOT01', number: '2000 1234 56789', pin: null }), d), path: 'patrons[2].cards[1].number' },
    ];

    it.each(cases)('$name → $path', async ({ change, path, message }) => {
      const before = await snapshotDatabase(t.db);
      const errors = expectRefused(await importNetwork(t.db, change(networkFixture())));
      const error = errors.find((e) => e.path === path);
      expect(error, JSON.stringify(errors)).toBeDefined();
      if (message) expect(error?.message).toMatch(message);
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });
  });

  it('reports every error at once', async () => {
    const doc = networkFixture();
    doc.loans[0]!.item = '3000000000099';
    doc.loans[1]!.patron = 'nobody';
    doc.reservations[0]!.title = 'no-such-title';
    doc.fees[0]!.library = 'BE-NONE';
    const errors = expectRefused(await importNetwork(t.db, doc));
    expect(errors.map((e) => e.path)).toEqual(['loans[0].item', 'loans[1].patron', 'reservations[0].title', 'fees[0].library']);

    const shapeDoc = networkFixture();
    shapeDoc.loans[0]!.lentOn = '2026-02-30';
    shapeDoc.fees[0]!.amountCents = -1;
    Object.assign(shapeDoc.titles[0]!, { colour: 'red' });
    expect(expectRefused(await importNetwork(t.db, shapeDoc)).map((e) => e.path).sort()).toEqual(
      ['fees[0].amountCents', 'loans[0].lentOn', 'titles[0].colour'],
    );
  });

  it(`caps the error list at ${MAX_ERRORS} with a note of how many more`, async () => {
    const doc = networkFixture();
    doc.fees = Array.from({ length: 250 }, (_, i) => ({ ...doc.fees[0]!, description: `fee ${i}`, patron: `ghost-${i}` }));
    const errors = expectRefused(await importNetwork(t.db, doc));
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors.at(-1)?.message).toBe('… and 50 more errors');
  });

  it('refuses to move a patron linked to another account, or a card to another patron', async () => {
    const before = await snapshotDatabase(t.db);
    const doc = networkFixture();
    doc.accounts.push({ username: 'bert.claes', email: 'bert@example.be', password: 'long-enough-password', patrons: ['bert'] });
    doc.accounts[0]!.patrons = ['an'];
    doc.patrons[2]!.cards.push({ library: 'BE-ZOT01', number: '2000123456789', pin: null });
    doc.patrons[0]!.cards.shift();
    const errors = expectRefused(await importNetwork(t.db, doc));
    expect(errors.map((e) => e.path).sort()).toEqual(['accounts[1].patrons[0]', 'patrons[2].cards[1].number']);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('rolls back everything when a write fails inside the transaction', async () => {
    // A rule the validator does not know, e.g. a constraint added by a later migration: the fees
    // come last, so regions … reservations were already written when the database refuses.
    await t.db.execute(sql`alter table fees add constraint test_fees_cap check (amount_cents < 100000)`);
    try {
      const before = await snapshotDatabase(t.db);
      const doc = networkFixture();
      doc.regions[0]!.name = 'Renamed region';
      doc.patrons.push({ key: 'dirk', givenName: 'Dirk', familyName: 'Nieuw' } as never);
      doc.fees[0]!.amountCents = 250_000;
      const errors = expectRefused(await importNetwork(t.db, doc));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe('fees');
      expect(errors[0]?.message).toMatch(/check constraint "test_fees_cap"/);
      expect(errors[0]?.message).not.toMatch(/insert into|\bat .*\.ts/);
      expect(await snapshotDatabase(t.db)).toEqual(before);
    } finally {
      await t.db.execute(sql`alter table fees drop constraint test_fees_cap`);
    }
  });
});

// Tests that leave the network in another state than the fixture's get a database of their own.
describeOnDatabases('importNetwork, later documents (%s)', (t) => {
  beforeAll(async () => {
    expectOk(await importNetwork(t.db, networkFixture()));
  });

  it('accepts a later document that refers to records of an earlier import', async () => {
    const result = expectOk(
      await importNetwork(t.db, {
        format: 'mijn-bibliotheek/network@1',
        items: [{ barcode: '3000000000055', title: 'kuifje-tibet', library: 'BE-DEI01', branch: '9800' }],
        loans: [
          { item: '3000000000055', patron: 'carla', library: 'BE-DEI01', branch: '9800', lentOn: '2026-11-15', dueOn: '2026-12-06' },
          // closes the stored open loan of an earlier import and lends the item again
          { item: '3000000000017', patron: 'an', library: 'BE-ZOT01', branch: '3550', lentOn: '2026-11-01', dueOn: '2026-11-29', returnedOn: '2026-11-21' },
          { item: '3000000000017', patron: 'bert', library: 'BE-ZOT01', branch: '3551', lentOn: '2026-11-22', dueOn: '2026-12-20' },
        ],
        fees: [{ patron: 'bert', library: 'BE-DEI01', kind: 'reservation', amountCents: 100, description: 'Reservatie', createdOn: '2026-11-12' }],
      }),
    );
    expect(result.counts.items).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(result.counts.loans).toEqual({ inserted: 2, updated: 1, unchanged: 0 });
    expect(result.counts.patrons).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    const open = await t.db.execute(sql`select count(*)::int as n from loans where returned_on is null`);
    expect(JSON.stringify(open)).toContain('"n":3');
  });

  it('refuses an open loan when the database holds another open loan of that item', async () => {
    const doc = { format: 'mijn-bibliotheek/network@1', loans: [
      { item: '3000000000031', patron: 'an', library: 'BE-ZOT01', branch: '3551', lentOn: '2026-11-15', dueOn: '2026-12-13' },
    ] };
    expectOk(await importNetwork(t.db, doc));
    const again = { format: 'mijn-bibliotheek/network@1', loans: [{ ...doc.loans[0]!, lentOn: '2026-11-16', patron: 'bert' }] };
    const before = await snapshotDatabase(t.db);
    const errors = expectRefused(await importNetwork(t.db, again));
    expect(errors).toEqual([{ path: 'loans[0].item', message: expect.stringMatching(/already has an open loan since 2026-11-15/) }]);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

});
