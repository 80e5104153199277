// Activation (P1), link (P2/R14), unlink (P2) and account settings against both databases,
// including the attacker cases (P3): ids of another account's patron refused,
// nothing changed (snapshot before/after).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '@/test/support/snapshot';
import { accountPatrons, accounts, patrons } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { describeOnDatabases } from '@/test/db';
import type { Mail } from '@/lib/mail/transport';
import { checkEmailChangeLink } from '@/lib/data/recovery';
import { confirmEmailChange } from '@/test/support/identity-actions';
import { requestPasswordReset } from '@/test/support/identity-actions';
import { requestUsernameReminder } from '@/test/support/identity-actions';
import { changeEmailForAccount, changePasswordForAccount, resendVerificationForAccount, signOutEverywhereForAccount } from './account-settings-core';
import { activateAccount } from '@/test/support/identity-actions';
import { accountOf, CARDS, importIdentityScenario, NOW, PASSWORD, patronId } from '@/test/scenarios/identity';
import { linkPatronForAccount } from './link-membership-core';
import { unlinkPatronForAccount } from './unlink-membership-core';

const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);
/** Mails of activation (the link that verifies the address), kept for the tests to read. */
const activationMails: Mail[] = [];
const activation = (now: Date) => ({ mailer: { kind: 'outbox' as const, send: async (m: Mail) => void activationMails.push(m) }, now, baseUrl: 'https://portal.example.be' });

describeOnDatabases('identity actions (%s)', (t) => {
  beforeAll(async () => {
    await importIdentityScenario(t.db);
    activationMails.length = 0; // per driver: the mails of this database only
  });

  const linksOf = async (username: string) => {
    const account = await accountOf(t.db, username);
    const rows = await t.db.select({ patronId: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, account.accountId));
    return rows.map((r) => r.patronId).sort();
  };

  describe('P1 activation', () => {
    const form = (over: Record<string, string> = {}) => ({
      ...CARDS.dirk,
      username: 'dirk.baert',
      email: 'dirk@example.be',
      password: 'a long enough passphrase',
      ...over,
    });

    it('refuses a weak password before spending a PIN attempt, with a field error', async () => {
      t.queries.reset();
      const r = await activateAccount(t.db, form({ password: 'short' }), '198.51.100.10', activation(NOW));
      expect(r).toEqual({ ok: false, code: 'invalid_input', fieldErrors: { password: ['too_short'] } });
      const common = await activateAccount(t.db, form({ password: 'password123' }), '198.51.100.10', activation(NOW));
      expect(common).toMatchObject({ fieldErrors: { password: ['common'] } });
      const same = await activateAccount(t.db, form({ password: 'dirk.baert' }), '198.51.100.10', activation(NOW));
      expect(same).toMatchObject({ fieldErrors: { password: ['same_as_username'] } });
      expect(t.queries).toHaveLength(0);
    });

    it('refuses malformed input with per-field codes, never throwing', async () => {
      const r = await activateAccount(t.db, { cardNumber: '1', pin: 'abc', username: 'a@b', email: 'nope', password: 5 }, 'x', activation(NOW));
      expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
      expect(Object.keys((r as { fieldErrors: object }).fieldErrors).sort()).toEqual(['cardNumber', 'email', 'password', 'pin', 'username']);
      expect(await activateAccount(t.db, null, 'x', activation(NOW))).toMatchObject({ ok: false, code: 'invalid_input' });
    });

    it('a wrong PIN and an unknown card get the same answer; nothing is written but the throttle', async () => {
      const before = await snapshotDatabase(t.db);
      const wrong = await activateAccount(t.db, form({ pin: '0000' }), '198.51.100.11', activation(NOW));
      const unknown = await activateAccount(t.db, form({ cardNumber: '2000999999999' }), '198.51.100.11', activation(NOW));
      expect(wrong).toEqual({ ok: false, code: 'card_invalid' });
      expect(unknown).toEqual(wrong);
      const after = await snapshotDatabase(t.db);
      expect({ ...after, throttle_buckets: [] }).toEqual({ ...before, throttle_buckets: [] });
    });

    it('username taken: a clear field error, only after the PIN proved the card', async () => {
      const r = await activateAccount(t.db, form({ username: 'AN.Peeters' }), '198.51.100.12', activation(NOW));
      expect(r).toEqual({ ok: false, code: 'invalid_input', fieldErrors: { username: ['taken'] } });
    });

    it('creates the account linked to the card’s patron, in one transaction, and it can sign in', async () => {
      const patronCount = (await t.db.select().from(patrons)).length;
      const r = await activateAccount(t.db, form(), '198.51.100.13', activation(NOW));
      expect(r).toMatchObject({ ok: true, data: { username: 'dirk.baert' } });
      expect(await linksOf('dirk.baert')).toEqual([await patronId(t.db, 'dirk')]);
      expect((await t.db.select().from(patrons)).length).toBe(patronCount); // R14: no new patron
      const signIn = await authenticate(t.db, { login: 'dirk@example.be', password: 'a long enough passphrase', clientAddress: '198.51.100.13' }, NOW);
      expect(signIn.ok).toBe(true);
    });

    it('issue 11 §5: the address stays pending until its link is opened; meanwhile no recovery mail goes there', async () => {
      const [row] = await t.db.select({ id: accounts.id, emailVerified: accounts.emailVerified }).from(accounts).where(eq(accounts.username, 'dirk.baert'));
      expect(row?.emailVerified).toBe(false);
      const mails = activationMails.filter((m) => m.to === 'dirk@example.be');
      expect(mails.map((m) => m.subject)).toEqual(['Bevestig je e-mailadres voor Mijn Bibliotheek']);
      const token = /https:\/\/portal\.example\.be\/confirm-email\?token=([A-Za-z0-9_-]{43})/.exec(mails[0]!.text)?.[1];
      expect(token).toBeDefined();

      // Recovery while pending: the same answer as for nobody, and no mail.
      const sentBefore = activationMails.length;
      const ask = (i: number) => ({ ...activation(minutesLater(1)), clientAddress: `198.51.100.${150 + i}` });
      const pending = [
        await requestPasswordReset(t.db, { login: 'dirk.baert', clientAddress: ask(0).clientAddress }, ask(0)),
        await requestUsernameReminder(t.db, { email: 'dirk@example.be', clientAddress: ask(1).clientAddress }, ask(1)),
      ];
      const nobody = [
        await requestPasswordReset(t.db, { login: 'nobody.here', clientAddress: ask(2).clientAddress }, ask(2)),
        await requestUsernameReminder(t.db, { email: 'nobody@example.be', clientAddress: ask(3).clientAddress }, ask(3)),
      ];
      expect(pending).toEqual(nobody);
      expect(activationMails.length).toBe(sentBefore);

      // "Send the link again": a new link, throttled per account (3 an hour).
      const dirk = await accountOf(t.db, 'dirk.baert');
      for (let i = 0; i < 3; i++) {
        expect(await resendVerificationForAccount(t.db, dirk, activation(minutesLater(2)))).toEqual({
          ok: true,
          data: { status: 'verification_sent', email: 'dirk@example.be' },
        });
      }
      expect(await resendVerificationForAccount(t.db, dirk, activation(minutesLater(2)))).toMatchObject({ ok: false, code: 'throttled' });
      expect(activationMails.length).toBe(sentBefore + 3);
      expect(await resendVerificationForAccount(t.db, { ...dirk, sessionVersion: dirk.sessionVersion + 1 }, activation(minutesLater(2)))).toEqual({
        ok: false,
        code: 'unauthenticated',
      });

      // Opening the first link (any unexpired one works) and confirming: verified; no "changed" notice.
      expect(await checkEmailChangeLink(t.db, token!, minutesLater(3))).toEqual({ ok: true, username: 'dirk.baert', newEmail: 'dirk@example.be', kind: 'verify' });
      expect(await confirmEmailChange(t.db, token!, activation(minutesLater(3)))).toEqual({ ok: true, email: 'dirk@example.be', kind: 'verify' });
      const [after] = await t.db.select({ email: accounts.email, emailVerified: accounts.emailVerified }).from(accounts).where(eq(accounts.id, row!.id));
      expect(after).toEqual({ email: 'dirk@example.be', emailVerified: true });
      expect(activationMails.length).toBe(sentBefore + 3);
      expect(await resendVerificationForAccount(t.db, dirk, activation(minutesLater(90)))).toEqual({ ok: false, code: 'already_verified' });

      // Now recovery reaches the address.
      expect(await requestPasswordReset(t.db, { login: 'dirk@example.be', clientAddress: '198.51.100.160' }, activation(minutesLater(4)))).toEqual({ ok: true });
      expect(activationMails.slice(sentBefore + 3).map((m) => [m.to, m.subject])).toEqual([['dirk@example.be', 'Kies een nieuw wachtwoord voor Mijn Bibliotheek']]);
    });

    it('a card whose patron is already linked: refused without naming the account', async () => {
      const before = await snapshotDatabase(t.db);
      // Every activation counted against the card (so activation cannot be used to probe): three so far lock it for 5 min.
      const r = await activateAccount(t.db, form({ username: 'someone.else' }), '198.51.100.14', activation(minutesLater(5)));
      expect(r).toEqual({ ok: false, code: 'already_linked' });
      expect(JSON.stringify(r)).not.toContain('dirk.baert');
      expect({ ...(await snapshotDatabase(t.db)), throttle_buckets: [] }).toEqual({ ...before, throttle_buckets: [] });
    });
  });

  describe('P2/R14 link', () => {
    it('links another card’s patron record by card number + PIN; never a new patron', async () => {
      const account = await accountOf(t.db, 'frans.one');
      const patronCount = (await t.db.select().from(patrons)).length;
      const r = await linkPatronForAccount(t.db, account, CARDS.gina, '198.51.100.20', NOW);
      expect(r).toEqual({ ok: true, data: { patronId: await patronId(t.db, 'gina') } });
      expect(await linksOf('frans.one')).toEqual([await patronId(t.db, 'frans'), await patronId(t.db, 'gina')].sort());
      expect((await t.db.select().from(patrons)).length).toBe(patronCount);
    });

    it('already linked to this account: a clear message, nothing changes', async () => {
      const before = await snapshotDatabase(t.db);
      const r = await linkPatronForAccount(t.db, await accountOf(t.db, 'frans.one'), CARDS.gina, '198.51.100.21', NOW);
      expect(r).toEqual({ ok: false, code: 'already_linked_here' });
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('linked to another account: refused (not naming it), nothing changes', async () => {
      const before = await snapshotDatabase(t.db);
      const r = await linkPatronForAccount(t.db, await accountOf(t.db, 'frans.one'), CARDS.eva, '198.51.100.22', NOW);
      expect(r).toEqual({ ok: false, code: 'linked_elsewhere' });
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('PIN throttle shared with activation: 3 wrong PINs lock the card, with the wait; the right PIN is refused meanwhile', async () => {
      const account = await accountOf(t.db, 'an.peeters');
      const card = { cardNumber: CARDS.frans.cardNumber, pin: '0000' };
      await activateAccount(t.db, { ...card, username: 'x.y.z', email: 'x@example.be', password: 'another long passphrase' }, '203.0.113.1', activation(NOW));
      await linkPatronForAccount(t.db, account, card, '203.0.113.2', NOW);
      await linkPatronForAccount(t.db, account, card, '203.0.113.3', NOW);
      const locked = await linkPatronForAccount(t.db, account, CARDS.frans, '203.0.113.4', NOW);
      expect(locked).toEqual({ ok: false, code: 'throttled', retryAfterSeconds: 300 });
      // Short (ASVS 6.1.1): after the wait the owner gets through (here: refused as linked elsewhere).
      const later = await linkPatronForAccount(t.db, account, CARDS.frans, '203.0.113.4', minutesLater(6));
      expect(later).toEqual({ ok: false, code: 'linked_elsewhere' });
    });
  });

  describe('P2 unlink', () => {
    it('refuses the last linked record', async () => {
      const account = await accountOf(t.db, 'eva.other');
      const before = await snapshotDatabase(t.db);
      expect(await unlinkPatronForAccount(t.db, account, { patronId: await patronId(t.db, 'eva') })).toEqual({ ok: false, code: 'last_link' });
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('unlinks one record, keeps the patron and its data, and bumps the session version', async () => {
      const account = await accountOf(t.db, 'frans.one');
      const gina = await patronId(t.db, 'gina');
      const r = await unlinkPatronForAccount(t.db, account, { patronId: gina });
      expect(r).toEqual({ ok: true, data: { sessionVersion: account.sessionVersion + 1 } });
      expect(await linksOf('frans.one')).toEqual([await patronId(t.db, 'frans')]);
      expect(await patronId(t.db, 'gina')).toBe(gina);
      // The old session no longer counts.
      expect(await unlinkPatronForAccount(t.db, account, { patronId: gina })).toEqual({ ok: false, code: 'unauthenticated' });
      // Relinking works again (R14: the same record).
      const again = await linkPatronForAccount(t.db, await accountOf(t.db, 'frans.one'), CARDS.gina, '198.51.100.30', NOW);
      expect(again).toEqual({ ok: true, data: { patronId: gina } });
    });
  });

  describe('P3 attacker: ids and cards of another account', () => {
    it('unlink with another account’s patron id or a missing id: not_found, nothing changes', async () => {
      const attacker = await accountOf(t.db, 'an.peeters');
      const before = await snapshotDatabase(t.db);
      for (const victim of ['eva', 'frans', 'gina']) {
        expect(await unlinkPatronForAccount(t.db, attacker, { patronId: await patronId(t.db, victim) })).toEqual({ ok: false, code: 'not_found' });
      }
      expect(await unlinkPatronForAccount(t.db, attacker, { patronId: 2_000_000_000 })).toEqual({ ok: false, code: 'not_found' });
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('link with another account’s card and its right PIN: refused, nothing changes but the throttle', async () => {
      const attacker = await accountOf(t.db, 'an.peeters');
      const before = await snapshotDatabase(t.db);
      expect(await linkPatronForAccount(t.db, attacker, CARDS.eva, '198.51.100.40', NOW)).toEqual({ ok: false, code: 'linked_elsewhere' });
      const after = await snapshotDatabase(t.db);
      expect({ ...after, throttle_buckets: [] }).toEqual({ ...before, throttle_buckets: [] });
    });

    it('a forged session (wrong version or unknown account) changes nothing', async () => {
      const real = await accountOf(t.db, 'an.peeters');
      const before = await snapshotDatabase(t.db);
      const stale = { ...real, sessionVersion: real.sessionVersion + 7 };
      expect(await unlinkPatronForAccount(t.db, stale, { patronId: await patronId(t.db, 'bert') })).toEqual({ ok: false, code: 'unauthenticated' });
      expect(await changePasswordForAccount(t.db, stale, { currentPassword: PASSWORD, newPassword: 'brand new passphrase' }, NOW)).toEqual({ ok: false, code: 'unauthenticated' });
      expect(
        await changeEmailForAccount(t.db, stale, { currentPassword: PASSWORD, email: 'evil@example.com' }, { mailer: { kind: 'outbox', send: async () => {} }, now: NOW }),
      ).toEqual({ ok: false, code: 'unauthenticated' });
      expect(await signOutEverywhereForAccount(t.db, stale)).toEqual({ ok: false, code: 'unauthenticated' });
      const ghost = { accountId: 999_999, sessionVersion: 1 };
      expect(await unlinkPatronForAccount(t.db, ghost, { patronId: await patronId(t.db, 'bert') })).toEqual({ ok: false, code: 'unauthenticated' });
      expect(await linkPatronForAccount(t.db, ghost, CARDS.an, '198.51.100.41', NOW)).toEqual({ ok: false, code: 'unauthenticated' });
      const after = await snapshotDatabase(t.db);
      expect({ ...after, throttle_buckets: [] }).toEqual({ ...before, throttle_buckets: [] });
    });
  });

  describe('account settings', () => {
    const sent: Mail[] = [];
    const mailDeps = (now: Date) => ({ mailer: { kind: 'outbox' as const, send: async (m: Mail) => void sent.push(m) }, now });

    it('change password: asks the current one, applies the policy, bumps the session version', async () => {
      const account = await accountOf(t.db, 'eva.other');
      const before = await snapshotDatabase(t.db);
      expect(await changePasswordForAccount(t.db, account, { currentPassword: 'not-my-password', newPassword: 'brand new passphrase' }, NOW)).toEqual({
        ok: false,
        code: 'invalid_input',
        fieldErrors: { currentPassword: ['wrong'] },
      });
      expect(await changePasswordForAccount(t.db, account, { currentPassword: PASSWORD, newPassword: 'eva.other' }, NOW)).toMatchObject({
        fieldErrors: { newPassword: ['same_as_username'] },
      });
      const after = await snapshotDatabase(t.db);
      expect({ ...after, throttle_buckets: [] }).toEqual({ ...before, throttle_buckets: [] });

      const r = await changePasswordForAccount(t.db, account, { currentPassword: PASSWORD, newPassword: 'brand new passphrase' }, NOW);
      expect(r).toEqual({ ok: true, data: { sessionVersion: account.sessionVersion + 1 } });
      expect((await authenticate(t.db, { login: 'eva.other', password: PASSWORD, clientAddress: '198.51.100.50' }, NOW)).ok).toBe(false);
      expect((await authenticate(t.db, { login: 'eva.other', password: 'brand new passphrase', clientAddress: '198.51.100.50' }, NOW)).ok).toBe(true);
    });

    it('wrong current passwords count against the sign-in throttle', async () => {
      const account = await accountOf(t.db, 'an.peeters');
      for (let i = 0; i < 5; i++) {
        await changePasswordForAccount(t.db, account, { currentPassword: `wrong-${i}-guess`, newPassword: 'brand new passphrase' }, minutesLater(30));
      }
      expect(await changePasswordForAccount(t.db, account, { currentPassword: PASSWORD, newPassword: 'brand new passphrase' }, minutesLater(30))).toEqual({
        ok: false,
        code: 'throttled',
        retryAfterSeconds: 60,
      });
    });

    it('change e-mail: asks the current password, and changes nothing until the link to the new address is opened', async () => {
      const account = await accountOf(t.db, 'an.peeters');
      const at = minutesLater(40);
      expect(await changeEmailForAccount(t.db, account, { currentPassword: 'not-my-password', email: 'an@example.org' }, mailDeps(at))).toMatchObject({
        fieldErrors: { currentPassword: ['wrong'] },
      });
      expect(await changeEmailForAccount(t.db, account, { currentPassword: PASSWORD, email: 'an.peeters@example.be' }, mailDeps(at))).toMatchObject({
        fieldErrors: { email: ['unchanged'] },
      });
      const r = await changeEmailForAccount(t.db, account, { currentPassword: PASSWORD, email: 'an@example.org' }, mailDeps(at));
      expect(r).toEqual({ ok: true, data: { status: 'confirmation_sent', email: 'an@example.org' } });
      const [row] = await t.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, account.accountId));
      expect(row?.email).toBe('an.peeters@example.be');
      expect(sent.map((m) => m.to)).toEqual(['an@example.org']);
    });

    it('sign out everywhere bumps the session version', async () => {
      const account = await accountOf(t.db, 'an.peeters');
      expect(await signOutEverywhereForAccount(t.db, account)).toEqual({ ok: true, data: null });
      expect((await accountOf(t.db, 'an.peeters')).sessionVersion).toBe(account.sessionVersion + 1);
    });
  });
});
