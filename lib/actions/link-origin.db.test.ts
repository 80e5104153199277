// P2 "who linked what": account_patrons.linked_at / linked_by set by each path (the import,
// activation, card + PIN), shown on Info lidmaatschap in its one statement, and the notice mailed
// on link and unlink — to a verified address only, in the account's language, never with the
// card number. Against both databases.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountPatrons, accounts } from '@/db/schema';
import { getMembershipsView } from '@/lib/data/memberships';
import type { Mail } from '@/lib/mail/transport';
import { describeOnDatabases } from '@/test/db';
import { accountOf, CARDS, importIdentityScenario, NOW, patronId, TODAY } from '@/test/scenarios/identity';
import { activateAccount } from '@/test/support/identity-actions';
import { linkPatronForAccount } from './link-membership-core';
import { unlinkPatronForAccount } from './unlink-membership-core';

const LATER = new Date('2026-11-25T23:30:00Z'); // 26 November in Brussels

describeOnDatabases('P2 link origin and link notices (%s)', { scenario: importIdentityScenario }, (t) => {
  const sent: Mail[] = [];
  const mail = (now: Date) => ({ mailer: { kind: 'outbox' as const, send: async (m: Mail) => void sent.push(m) }, now });
  beforeAll(() => void (sent.length = 0));

  const linkOf = async (username: string, key: string) => {
    const account = await accountOf(t.db, username);
    const [row] = await t.db
      .select({ linkedAt: accountPatrons.linkedAt, linkedBy: accountPatrons.linkedBy })
      .from(accountPatrons)
      .where(and(eq(accountPatrons.accountId, account.accountId), eq(accountPatrons.patronId, await patronId(t.db, key))));
    return row;
  };

  it("the import's links are linked by the import", async () => {
    expect((await linkOf('an.peeters', 'bert'))?.linkedBy).toBe('import');
    expect((await linkOf('frans.one', 'frans'))?.linkedBy).toBe('import');
  });

  it('activation links by activation, at its time; no notice to the unverified address', async () => {
    const r = await activateAccount(
      t.db,
      { ...CARDS.dirk, username: 'dirk.baert', email: 'dirk@example.be', password: 'a long enough passphrase' },
      '198.51.100.40',
      mail(NOW),
    );
    expect(r.ok).toBe(true);
    expect(await linkOf('dirk.baert', 'dirk')).toEqual({ linkedAt: NOW, linkedBy: 'activation' });
    // Only the verification link went out.
    expect(sent.map((m) => m.subject)).toEqual(['Bevestig je e-mailadres voor Mijn Bibliotheek']);
    sent.length = 0;
  });

  it('card + PIN links by card_pin and mails the verified address, without the card number', async () => {
    const frans = await accountOf(t.db, 'frans.one');
    expect(await linkPatronForAccount(t.db, frans, CARDS.gina, '198.51.100.41', LATER, undefined, mail(LATER))).toMatchObject({ ok: true });
    expect(await linkOf('frans.one', 'gina')).toEqual({ linkedAt: LATER, linkedBy: 'card_pin' });
    expect(sent).toHaveLength(1);
    const [notice] = sent;
    expect(notice!.to).toBe('frans@example.be');
    expect(notice!.subject).toBe('Een pas is gekoppeld aan je account');
    expect(notice!.text).toContain('Je pas van Bibliotheek Gent is gekoppeld aan je account frans.one op 26 november 2026.');
    expect(notice!.text).toContain('Was jij dit niet?');
    for (const body of [notice!.text, notice!.html]) {
      expect(body).not.toContain(CARDS.gina.cardNumber);
      expect(body).not.toContain(CARDS.gina.cardNumber.slice(0, 9));
    }
    sent.length = 0;
  });

  it('Info lidmaatschap shows when and how each record was linked, in one statement', async () => {
    const frans = await accountOf(t.db, 'frans.one');
    t.queries.reset();
    const view = await getMembershipsView(t.db, frans, TODAY);
    expect(t.queries).toHaveLength(1);
    expect(view.patrons.map((p) => [p.name, p.linkedOn, p.linkedBy]).sort()).toEqual([
      ['Frans Pauwels', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'import'],
      ['Gina Wuyts', '2026-11-26', 'card_pin'],
    ]);
    const dirk = await getMembershipsView(t.db, await accountOf(t.db, 'dirk.baert'), TODAY);
    expect(dirk.patrons.map((p) => [p.linkedOn, p.linkedBy])).toEqual([['2026-11-23', 'activation']]);
  });

  it('unlinking mails the verified address, naming the libraries, never the card number', async () => {
    const frans = await accountOf(t.db, 'frans.one');
    const gina = await patronId(t.db, 'gina');
    expect(await unlinkPatronForAccount(t.db, frans, { patronId: gina }, mail(LATER), LATER)).toMatchObject({ ok: true });
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['frans@example.be', 'Een pas is ontkoppeld van je account']]);
    expect(sent[0]!.text).toContain('Je pas van Bibliotheek Gent is ontkoppeld van je account frans.one op 26 november 2026.');
    expect(sent[0]!.text + sent[0]!.html).not.toContain(CARDS.gina.cardNumber);
    sent.length = 0;
  });

  it("the notice is in the account's language", async () => {
    const an = await accountOf(t.db, 'an.peeters');
    await t.db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, an.accountId));
    const carla = await patronId(t.db, 'carla');
    expect(await unlinkPatronForAccount(t.db, an, { patronId: carla }, mail(LATER), LATER)).toMatchObject({ ok: true });
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['an.peeters@example.be', 'A card was unlinked from your account']]);
    expect(sent[0]!.text).toContain('was unlinked from your account an.peeters on 26 November 2026.');
    sent.length = 0;
  });

  describe('an unverified address', () => {
    it('gets no notice on link nor on unlink', async () => {
      let dirk = await accountOf(t.db, 'dirk.baert');
      expect(await linkPatronForAccount(t.db, dirk, CARDS.gina, '198.51.100.42', LATER, undefined, mail(LATER))).toMatchObject({ ok: true });
      expect(await linkOf('dirk.baert', 'gina')).toEqual({ linkedAt: LATER, linkedBy: 'card_pin' });
      dirk = await accountOf(t.db, 'dirk.baert');
      expect(await unlinkPatronForAccount(t.db, dirk, { patronId: await patronId(t.db, 'gina') }, mail(LATER), LATER)).toMatchObject({ ok: true });
      expect(sent).toEqual([]);
    });
  });
});
