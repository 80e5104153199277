import { beforeAll, describe, expect, it } from 'vitest';
import { importNetwork } from '../../db/import/import-network';
import { FIXTURE_PASSWORD, networkFixture } from '@/test/scenarios/network-fixture';
import { accounts, throttleBuckets } from '../../db/schema';
import { describeOnDatabases } from '../../test/db';
import { authenticate, signInKeys } from './authenticate';
import { hashSecret } from './hash';

describe('signInKeys', () => {
  it('every account of the login, the typed login and the client, once each, in code-unit order', () => {
    const keys = signInKeys('family@example.be', [12, 3, 12], '203.0.113.5').map((k) => k.key);
    expect(keys).toEqual(['signin:account:12', 'signin:account:3', 'signin:client:203.0.113.5', 'signin:login:family@example.be']);
    expect(signInKeys('ghost', [], 'x').map((k) => k.key)).toEqual(['signin:client:x', 'signin:login:ghost']);
  });
});

describeOnDatabases('P1 sign-in with throttling (%s)', (t) => {
  beforeAll(async () => {
    const result = await importNetwork(t.db, networkFixture());
    expect(result.ok).toBe(true);
  });

  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 12, minutes));

  it('signs in by username or e-mail, in any case', async () => {
    for (const login of ['an.peeters', 'AN.Peeters', 'an.peeters@example.be']) {
      const r = await authenticate(t.db, { login, password: FIXTURE_PASSWORD, clientAddress: '198.51.100.1' }, at(0));
      expect(r).toMatchObject({ ok: true, sessionVersion: 1 });
    }
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const wrong = await authenticate(t.db, { login: 'an.peeters', password: 'not-the-password', clientAddress: '198.51.100.2' }, at(1));
    const unknown = await authenticate(t.db, { login: 'nobody.here', password: 'not-the-password', clientAddress: '198.51.100.2' }, at(1));
    expect(wrong).toEqual({ ok: false, code: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('refuses malformed input without touching the database', async () => {
    t.queries.reset();
    const r = await authenticate(t.db, { login: '', password: '', clientAddress: 'x' }, at(1));
    expect(r).toEqual({ ok: false, code: 'invalid' });
    expect(t.queries).toHaveLength(0);
  });

  it('locks an account after 5 failures, with the wait, whether or not it exists; the right password is refused meanwhile', async () => {
    for (const login of ['an.peeters', 'ghost.account']) {
      for (let i = 0; i < 5; i++) {
        const r = await authenticate(t.db, { login, password: `wrong-${i}-xxxx`, clientAddress: `203.0.113.${i}` }, at(10));
        expect(r.ok).toBe(false);
      }
      const locked = await authenticate(t.db, { login, password: FIXTURE_PASSWORD, clientAddress: '203.0.113.99' }, at(10));
      expect(locked).toEqual({ ok: false, code: 'throttled', retryAfterSeconds: 60 });
    }
    // The lock is short (ASVS 6.1.1): a minute later the patron gets in.
    const later = await authenticate(t.db, { login: 'an.peeters', password: FIXTURE_PASSWORD, clientAddress: '203.0.113.99' }, at(12));
    expect(later.ok).toBe(true);
  });

  it('locks a client address after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await authenticate(t.db, { login: `someone${i}`, password: 'wrong-password', clientAddress: '192.0.2.7' }, at(20));
    }
    const r = await authenticate(t.db, { login: 'an.peeters', password: FIXTURE_PASSWORD, clientAddress: '192.0.2.7' }, at(20));
    expect(r).toMatchObject({ ok: false, code: 'throttled' });
    const elsewhere = await authenticate(t.db, { login: 'an.peeters', password: FIXTURE_PASSWORD, clientAddress: '192.0.2.8' }, at(20));
    expect(elsewhere.ok).toBe(true);
  });

  it('a family address: a failure by e-mail counts against every account of it and the typed login', async () => {
    const FAMILY = 'family@example.be';
    const hash = await hashSecret(FIXTURE_PASSWORD);
    await t.db.insert(accounts).values([
      { username: 'fam.one', email: FAMILY, passwordHash: hash, emailVerified: true },
      { username: 'fam.two', email: 'Family@Example.be', passwordHash: await hashSecret('the other password'), emailVerified: true },
    ]);
    // Each member signs in by the shared address with their own password.
    expect(await authenticate(t.db, { login: FAMILY, password: FIXTURE_PASSWORD, clientAddress: '198.51.100.70' }, at(30))).toMatchObject({ ok: true });
    expect(await authenticate(t.db, { login: FAMILY, password: 'the other password', clientAddress: '198.51.100.70' }, at(30))).toMatchObject({ ok: true });
    // Five wrong guesses by e-mail (from five addresses): every account of the address is locked,
    // also when its username is typed — one guess tested both passwords, so both count it.
    for (let i = 0; i < 5; i++) {
      expect((await authenticate(t.db, { login: FAMILY, password: `wrong-${i}-xxxx`, clientAddress: `198.51.100.${80 + i}` }, at(31))).ok).toBe(false);
    }
    const buckets = await t.db.select().from(throttleBuckets);
    const failures = (key: string) => buckets.find((b) => b.key === key)?.failures;
    expect(failures(`signin:login:${FAMILY}`)).toBe(5);
    for (const username of ['fam.one', 'fam.two']) {
      const r = await authenticate(t.db, { login: username, password: username === 'fam.one' ? FIXTURE_PASSWORD : 'the other password', clientAddress: '198.51.100.99' }, at(31));
      expect(r, username).toEqual({ ok: false, code: 'throttled', retryAfterSeconds: 60 });
    }
    // Parallel guesses by e-mail and by both usernames take the same bucket locks in one order:
    // none deadlocks, every one is answered.
    const burst = await Promise.all(
      ['fam.one', 'fam.two', FAMILY, 'FAMILY@example.be', 'fam.two', FAMILY].map((login, i) =>
        authenticate(t.db, { login, password: 'wrong-again-xxxx', clientAddress: `198.51.100.${120 + i}` }, at(40)),
      ),
    );
    expect(burst.every((r) => !r.ok && (r.code === 'invalid' || r.code === 'throttled'))).toBe(true);
  });
});
