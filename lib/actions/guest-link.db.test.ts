// R14 one actor, end to end on both databases: a guest library's own record of a patron, exported
// under the home card number (the scenario is made with the importer, test/scenarios/guest.ts).
// Linking with the library named links exactly that record and never makes a patron record;
// both records of one person can be linked to one account; a shared number and PIN without a
// library asks which library instead of picking the first; activation picks the named library's
// record; every refusal is the one "card_invalid" (wrong PIN, unknown card, wrong library).
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '@/test/support/snapshot';
import { accountPatrons, accounts, patrons } from '@/db/schema';
import { verifyCardPin } from '@/lib/auth/card-pin';
import { LibraryUnavailableError, type LibrarySystem, type LibrarySystems } from '@/lib/library-systems/port';
import type { Mail } from '@/lib/mail/transport';
import { describeOnDatabases } from '@/test/db';
import { accountOf, patronId } from '@/test/scenarios/identity';
import { GUEST_ISIL, GUESTS, HOME_ISIL, importGuestScenario } from '@/test/scenarios/guest';
import { activateAccount } from '@/test/support/identity-actions';
import { linkPatronForAccount } from './link-membership-core';

const NOW = new Date('2026-11-23T10:00:00Z');
const mails: Mail[] = [];
const mailDeps = { mailer: { kind: 'outbox' as const, send: async (m: Mail) => void mails.push(m) }, now: NOW, baseUrl: 'https://portal.example.be' };

describeOnDatabases('R14 a guest record under the home card number (%s)', (t) => {
  beforeAll(async () => {
    await importGuestScenario(t.db);
  });

  /** Everything but the throttle's buckets (an attempt counts there, by design). */
  const withoutThrottles = async () => {
    const snapshot = await snapshotDatabase(t.db);
    delete snapshot.throttle_buckets;
    return snapshot;
  };
  const patronCount = async () => (await t.db.select({ n: count() }).from(patrons))[0]!.n;
  const linksOf = async (accountId: number) =>
    (await t.db.select({ patronId: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, accountId)))
      .map((r) => r.patronId)
      .sort((a, b) => a - b);

  describe('linking', () => {
    it('a shared number and PIN without a library: asks which library, links nothing', async () => {
      const account = await accountOf(t.db, 'hanna.home');
      const before = await withoutThrottles();
      const r = await linkPatronForAccount(t.db, account, { ...GUESTS.hanna }, '198.51.100.30', NOW);
      expect(r).toEqual({ ok: false, code: 'choose_library', fieldErrors: { library: ['choose'] } });
      expect(await linksOf(account.accountId)).toEqual([await patronId(t.db, 'hanna')]);
      expect(await withoutThrottles()).toEqual(before);
    });

    it('with the guest library named: links exactly the guest record, and no patron record is made', async () => {
      const account = await accountOf(t.db, 'hanna.home');
      const patronsBefore = await patronCount();
      const r = await linkPatronForAccount(t.db, account, { ...GUESTS.hanna, library: GUEST_ISIL }, '198.51.100.31', NOW);
      const guest = await patronId(t.db, 'hanna-utrecht');
      expect(r).toEqual({ ok: true, data: { patronId: guest } });
      expect(await patronCount()).toBe(patronsBefore);
      // Both records of one person on one account.
      expect(await linksOf(account.accountId)).toEqual([await patronId(t.db, 'hanna'), guest].sort((a, b) => a - b));
    });

    it('the home library named afterwards: "already linked here", nothing else', async () => {
      const account = await accountOf(t.db, 'hanna.home');
      const r = await linkPatronForAccount(t.db, account, { ...GUESTS.hanna, library: HOME_ISIL }, '198.51.100.32', NOW);
      expect(r).toEqual({ ok: false, code: 'already_linked_here' });
    });

    it('a shared number with a different PIN at each library: the PIN alone picks the one record', async () => {
      const account = await accountOf(t.db, 'hanna.home');
      const patronsBefore = await patronCount();
      const r = await linkPatronForAccount(t.db, account, { cardNumber: GUESTS.jan.cardNumber, pin: GUESTS.jan.guestPin }, '198.51.100.33', NOW);
      expect(r).toEqual({ ok: true, data: { patronId: await patronId(t.db, 'jan-utrecht') } });
      expect(await patronCount()).toBe(patronsBefore);
    });

    it('wrong PIN, unknown card, a library without that card, an unknown library: one refusal', async () => {
      const account = await accountOf(t.db, 'hanna.home');
      const attempt = (input: { cardNumber: string; pin: string; library?: string }, client: string) =>
        linkPatronForAccount(t.db, account, input, client, NOW);
      const refusal = { ok: false, code: 'card_invalid' };
      expect(await attempt({ ...GUESTS.kees, pin: '0000', library: GUEST_ISIL }, '198.51.100.40')).toEqual(refusal);
      expect(await attempt({ cardNumber: '2000699999999', pin: GUESTS.kees.pin, library: GUEST_ISIL }, '198.51.100.41')).toEqual(refusal);
      expect(await attempt({ ...GUESTS.kees, library: 'BE-ZOT01' }, '198.51.100.42')).toEqual(refusal);
      expect(await attempt({ cardNumber: '2000699999998', pin: GUESTS.kees.pin, library: 'XX-NOPE' }, '198.51.100.43')).toEqual(refusal);
      expect(await linksOf(account.accountId)).not.toContain(await patronId(t.db, 'kees-utrecht'));
    });

    it('throttles unchanged: the card number is one bucket whatever library is named', async () => {
      const account = await accountOf(t.db, 'hanna.home');
      const attempt = (pin: string, library: string | undefined, client: string) =>
        linkPatronForAccount(t.db, account, { ...GUESTS.lena, pin, ...(library ? { library } : {}) }, client, NOW);
      // Three wrong PINs, each naming another library (or none), from three addresses: one bucket.
      expect(await attempt('9999', HOME_ISIL, '198.51.100.51')).toEqual({ ok: false, code: 'card_invalid' });
      expect(await attempt('9998', undefined, '198.51.100.52')).toEqual({ ok: false, code: 'card_invalid' });
      expect(await attempt('9997', GUEST_ISIL, '198.51.100.53')).toEqual({ ok: false, code: 'card_invalid' });
      // Even the right PIN with the library named waits out the lock.
      expect(await attempt(GUESTS.lena.pin, GUEST_ISIL, '198.51.100.54')).toMatchObject({ ok: false, code: 'throttled' });
    });
  });

  describe('activation', () => {
    const form = (over: Record<string, string> = {}) => ({
      ...GUESTS.ivo,
      username: 'ivo.gast',
      email: 'ivo@example.nl',
      password: 'a long enough passphrase',
      ...over,
    });

    it('a shared number and PIN without a library: asks which library, makes no account', async () => {
      const r = await activateAccount(t.db, form(), '198.51.100.60', mailDeps);
      expect(r).toEqual({ ok: false, code: 'choose_library', fieldErrors: { library: ['choose'] } });
      expect(await t.db.select().from(accounts).where(eq(accounts.username, 'ivo.gast'))).toHaveLength(0);
    });

    it('the guest library named: the account is linked to the guest record, no patron record made', async () => {
      const patronsBefore = await patronCount();
      const r = await activateAccount(t.db, form({ library: GUEST_ISIL }), '198.51.100.61', mailDeps);
      expect(r).toMatchObject({ ok: true, data: { username: 'ivo.gast' } });
      const accountId = (r as { data: { accountId: number } }).data.accountId;
      expect(await linksOf(accountId)).toEqual([await patronId(t.db, 'ivo-utrecht')]);
      expect(await patronCount()).toBe(patronsBefore);
    });

    it('the home record links to the same account afterwards (R14: linking after the first login works)', async () => {
      const account = await accountOf(t.db, 'ivo.gast');
      const r = await linkPatronForAccount(t.db, account, { ...GUESTS.ivo, library: HOME_ISIL }, '198.51.100.62', NOW);
      expect(r).toEqual({ ok: true, data: { patronId: await patronId(t.db, 'ivo') } });
      expect(await linksOf(account.accountId)).toEqual([await patronId(t.db, 'ivo'), await patronId(t.db, 'ivo-utrecht')].sort((a, b) => a - b));
    });
  });

  describe('L5: a linked guest library is asked over SIP2', () => {
    function linkedGuestLibrary(mode: 'ok' | 'unreachable', pins: Record<string, string>) {
      const asked: string[] = [];
      const system = {
        async checkPin(patron: string, pin: string) {
          asked.push(patron);
          if (mode === 'unreachable') throw new LibraryUnavailableError(GUEST_ISIL, 'unreachable');
          return { patronKnown: patron in pins, pinValid: pins[patron] === pin };
        },
      } as unknown as LibrarySystem;
      const systems: LibrarySystems = { forLibrary: (isil) => (isil === GUEST_ISIL ? system : null), linkedIsils: () => [GUEST_ISIL] };
      return { systems, asked };
    }

    it('named: only the guest library is asked, with the card number as the library spells it', async () => {
      const { systems, asked } = linkedGuestLibrary('ok', { [GUESTS.jan.cardNumber]: '7070' });
      const r = await verifyCardPin(t.db, { cardNumber: GUESTS.jan.cardNumber, pin: '7070', clientAddress: '198.51.100.70', library: GUEST_ISIL }, NOW, { systems });
      expect(r).toMatchObject({ ok: true, patronId: await patronId(t.db, 'jan-utrecht') });
      expect(asked).toEqual([GUESTS.jan.cardNumber]);
    });

    it('not named: a right PIN at home while the guest library cannot be asked is not unique — ask which library', async () => {
      const { systems } = linkedGuestLibrary('unreachable', {});
      const r = await verifyCardPin(t.db, { cardNumber: GUESTS.jan.cardNumber, pin: GUESTS.jan.pin, clientAddress: '198.51.100.71' }, NOW, { systems });
      expect(r).toEqual({ ok: false, code: 'choose_library' });
    });

    it('named and unreachable: "library unreachable", nothing counted as the patron\'s failure', async () => {
      const { systems } = linkedGuestLibrary('unreachable', {});
      const r = await verifyCardPin(t.db, { cardNumber: GUESTS.jan.cardNumber, pin: GUESTS.jan.pin, clientAddress: '198.51.100.72', library: GUEST_ISIL }, NOW, { systems });
      expect(r).toMatchObject({ ok: false, code: 'library_unreachable' });
    });
  });
});
