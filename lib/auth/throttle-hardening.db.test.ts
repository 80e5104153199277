// Throttle hardening on both databases: the ceiling on failed PIN checks, expired throttle rows
// cleaned up, no argon2 inside a transaction or on a pooled connection,
// activation always counting and peppered PIN hashes upgraded on use.
import { eq, like, lt, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { cards, throttleBuckets } from '../../db/schema';
import { activateAccount } from '@/test/support/identity-actions';
import { CARDS, importIdentityScenario } from '@/test/scenarios/identity';
import { listNetwork } from '../data/network';
import { resetEnvForTests } from '../env';
import { logger } from '../log';
import { describeOnDatabases } from '../../test/db';
import { authenticate } from './authenticate';
import { PIN_CEILING_KEY, verifyCardPin } from './card-pin';
import { hashSecret, isPeppered, verifyPin } from './hash';
import { CLEANUP_BATCH } from './throttle-store';

/** Activation mails a verification link; these tests are about the throttle, so the mail goes nowhere. */
const noMail = { kind: 'outbox' as const, send: async () => {} };

/** Point 3 holds password checks here (null: they run at once). */
const hashGate = vi.hoisted(() => ({ wait: null as Promise<void> | null, reached: 0 }));
vi.mock('./hash', async (importOriginal) => {
  const real = await importOriginal<typeof import('./hash')>();
  return {
    ...real,
    verifySecret: async (...args: Parameters<typeof real.verifySecret>) => {
      hashGate.reached += 1;
      if (hashGate.wait) await hashGate.wait;
      return real.verifySecret(...args);
    },
  };
});

const T0 = new Date('2026-11-23T10:00:00Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

// A small pool: on PostgreSQL the sign-ins below must not take every connection.
describeOnDatabases('issue 11: throttle hardening (%s)', { maxConnections: 2 }, (t) => {
  beforeAll(async () => {
    await importIdentityScenario(t.db);
  });
  afterEach(async () => {
    delete process.env.PIN_FAILURES_PER_HOUR;
    resetEnvForTests();
    vi.restoreAllMocks();
    await t.db.delete(throttleBuckets);
  });

  const bucket = async (key: string) => (await t.db.select().from(throttleBuckets).where(eq(throttleBuckets.key, key)))[0];

  it('point 2: the ceiling on failed PIN checks trips for everybody, with one warning; right PINs do not count', async () => {
    process.env.PIN_FAILURES_PER_HOUR = '10';
    resetEnvForTests();
    const warn = vi.spyOn(logger(), 'warn');
    // Every guess from another address on another card: no per-card or per-client limit is reached.
    const wrong = (i: number, at = T0) =>
      verifyCardPin(t.db, { cardNumber: `20009000000${String(i).padStart(2, '0')}`, pin: '1111', clientAddress: `203.0.113.${i}` }, at);
    for (let i = 0; i < 5; i++) expect(await wrong(i)).toEqual({ ok: false, code: 'invalid' });
    expect(await verifyCardPin(t.db, { ...CARDS.gina, clientAddress: '198.51.100.1' }, T0)).toMatchObject({ ok: true });
    for (let i = 5; i < 9; i++) expect(await wrong(i)).toEqual({ ok: false, code: 'invalid' });
    expect(warn).not.toHaveBeenCalled();
    // The 10th failure (the 11th check: the right PIN was given back) trips the ceiling.
    expect(await wrong(9)).toEqual({ ok: false, code: 'invalid' });
    expect((await bucket(PIN_CEILING_KEY))?.failures).toBe(10);
    // Now everybody waits, the right PIN from a fresh address included; the warning came once.
    expect(await verifyCardPin(t.db, { ...CARDS.eva, clientAddress: '198.51.100.2' }, T0)).toEqual({
      ok: false,
      code: 'throttled',
      retryAfterSeconds: 15 * 60,
    });
    for (let i = 10; i < 15; i++) expect(await wrong(i)).toMatchObject({ code: 'throttled' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ event: 'pin_ceiling_reached' });
    // After the lock the right PIN works again.
    expect(await verifyCardPin(t.db, { ...CARDS.eva, clientAddress: '198.51.100.2' }, minutes(16))).toMatchObject({ ok: true });
  });

  it('point 2: expired buckets are deleted whenever buckets are written, at most CLEANUP_BATCH at a time', async () => {
    const expired = Array.from({ length: CLEANUP_BATCH + 70 }, (_, i) => ({
      key: `signin:login:forged-${i}`,
      failures: 1,
      windowStartedAt: minutes(-120),
      lockedUntil: null,
      expiresAt: minutes(-105),
    }));
    await t.db.insert(throttleBuckets).values(expired);
    await t.db.insert(throttleBuckets).values({ key: 'signin:account:live', failures: 2, windowStartedAt: minutes(-5), lockedUntil: null, expiresAt: minutes(10) });
    const countExpired = async () => (await t.db.select().from(throttleBuckets).where(lt(throttleBuckets.expiresAt, T0))).length;

    await authenticate(t.db, { login: 'nobody.1', password: 'wrong-password', clientAddress: '192.0.2.1' }, T0);
    expect(await countExpired()).toBe(70);
    await authenticate(t.db, { login: 'nobody.2', password: 'wrong-password', clientAddress: '192.0.2.1' }, T0);
    await authenticate(t.db, { login: 'nobody.3', password: 'wrong-password', clientAddress: '192.0.2.1' }, T0);
    expect(await countExpired()).toBe(0);
    expect(await bucket('signin:account:live')).toMatchObject({ failures: 2 });
  });

  it('point 2: made-up keys do not pile up: once forgotten, the next writes delete them', async () => {
    for (let i = 0; i < 60; i++) {
      await authenticate(t.db, { login: `made.up.${i}`, password: 'wrong-password', clientAddress: `192.0.2.${i}` }, T0);
    }
    expect((await t.db.select().from(throttleBuckets).where(like(throttleBuckets.key, 'signin:%'))).length).toBe(120);
    // 15 minutes (the sign-in window) later, three attempts clear every one of them.
    for (const n of [1, 2, 3]) {
      await authenticate(t.db, { login: `later.${n}`, password: 'wrong-password', clientAddress: '192.0.2.200' }, minutes(16));
    }
    const keys = (await t.db.select({ key: throttleBuckets.key }).from(throttleBuckets)).map((r) => r.key).sort();
    expect(keys).toEqual(['signin:client:192.0.2.200', 'signin:login:later.1', 'signin:login:later.2', 'signin:login:later.3']);
  });

  it('point 3: while 20 wrong-password sign-ins run in parallel, a page view completes without waiting for them', async () => {
    // The sign-ins are held inside their password check (argon2) until the page view is done. Were
    // the check run inside the throttle transaction, they would hold PGlite's one connection or both
    // pooled ones, and the view could not finish: no timing involved, either it completes or not.
    let open!: () => void;
    hashGate.wait = new Promise<void>((resolve) => (open = resolve));
    hashGate.reached = 0;
    // Different made-up logins: none is refused by a lock, so every one of them runs argon2.
    const signIns = Array.from({ length: 20 }, (_, i) =>
      authenticate(t.db, { login: `parallel.${i}`, password: `wrong-password-${i}`, clientAddress: `198.51.100.${100 + i}` }, T0),
    );
    try {
      const deadline = Date.now() + 20_000;
      while (hashGate.reached < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      // Every sign-in has counted its attempt and is now checking the password, all at once.
      expect(hashGate.reached).toBe(20);
      if (t.url) {
        // PostgreSQL, seen from outside: no connection waits, in a transaction, for a password check.
        const watcher = postgres(t.url, { max: 1, onnotice: () => {} });
        const [row] = await watcher<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state like 'idle in transaction%' and pid <> pg_backend_pid()`;
        await watcher.end();
        expect(row!.n).toBe(0);
      }
      const view = await Promise.race([
        listNetwork(t.db),
        new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 20_000).unref()),
      ]);
      expect(view).not.toBe('blocked');
      expect(view !== 'blocked' && view.regions.length).toBeGreaterThan(0);
    } finally {
      open();
      hashGate.wait = null;
    }
    const results = await Promise.all(signIns);
    expect(results.every((r) => !r.ok && r.code === 'invalid')).toBe(true);
  });

  it('point 4: every activation counts against the card and the client, a taken username included', async () => {
    const form = { ...CARDS.dirk, username: 'an.peeters', email: 'dirk@example.be', password: 'a long enough passphrase' };
    for (let i = 0; i < 3; i++) {
      const r = await activateAccount(t.db, form, `198.51.100.${30 + i}`, { mailer: noMail, now: T0 });
      expect(r).toEqual({ ok: false, code: 'invalid_input', fieldErrors: { username: ['taken'] } });
    }
    expect(await bucket('pin:client:198.51.100.30')).toMatchObject({ failures: 1 });
    // Three questions with the right PIN lock the card like three wrong PINs: no more probing.
    expect(await activateAccount(t.db, { ...form, username: 'free.name' }, '198.51.100.40', { mailer: noMail, now: T0 })).toMatchObject({
      ok: false,
      code: 'throttled',
    });
    // The ceiling counts failed PINs only: the right PINs above are not among them.
    expect((await bucket(PIN_CEILING_KEY))?.failures ?? 0).toBe(0);
  });

  it('point 5: a PIN hash from before the pepper still works and is peppered at the next right PIN', async () => {
    const [card] = await t.db.select({ id: cards.id }).from(cards).where(eq(cards.number, CARDS.frans.cardNumber));
    const old = await hashSecret(CARDS.frans.pin);
    await t.db.update(cards).set({ pinHash: old }).where(eq(cards.id, card!.id));
    // A wrong PIN changes nothing.
    expect(await verifyCardPin(t.db, { ...CARDS.frans, pin: '0000', clientAddress: '198.51.100.50' }, T0)).toMatchObject({ ok: false });
    expect((await t.db.select({ pinHash: cards.pinHash }).from(cards).where(eq(cards.id, card!.id)))[0]?.pinHash).toBe(old);
    expect(await verifyCardPin(t.db, { ...CARDS.frans, clientAddress: '198.51.100.50' }, T0)).toMatchObject({ ok: true, cardId: card!.id });
    const [after] = await t.db.select({ pinHash: cards.pinHash }).from(cards).where(eq(cards.id, card!.id));
    expect(isPeppered(after!.pinHash!)).toBe(true);
    expect(await verifyPin(after!.pinHash!, CARDS.frans.pin)).toEqual({ ok: true, upgrade: false });
    expect(await verifyCardPin(t.db, { ...CARDS.frans, clientAddress: '198.51.100.51' }, minutes(1))).toMatchObject({ ok: true });
    // Every imported PIN is peppered already.
    const unpeppered = await t.db.select({ id: cards.id }).from(cards).where(sql`${cards.pinHash} not like 'pep1$%'`);
    expect(unpeppered).toEqual([]);
  });
});
