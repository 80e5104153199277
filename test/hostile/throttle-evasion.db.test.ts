// Hostile: attempts to escape the PIN and sign-in throttles, through the real entry
// points — the public `activate` server action (next/headers mocked as Next.js hands them over) and
// next-auth's credentials `authorize` — on both databases:
//  - a fresh forged X-Forwarded-For / X-Real-IP on every one of 50 PIN attempts still hits the
//    per-client limit (the address is the socket's, stamped by our server: lib/auth/client-address);
//  - a client-supplied copy of the peer header itself counts for nothing when our server did not
//    stamp it;
//  - rotating real addresses and cards trips the ceiling on failed PIN checks for everybody.
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { CARDS } from '@/test/scenarios/identity';
import { markPeerHeaderStamped, PEER_HEADER } from '@/lib/auth/client-address';
import { resetEnvForTests } from '@/lib/env';
import { describeOnDatabases } from '@/test/db';
import { formData, importHostileScenario } from './support';

const ctx = vi.hoisted(() => ({ db: null as unknown, headers: new Headers() }));

vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => ctx.db }));
vi.mock('next/headers', () => ({ headers: async () => ctx.headers }));

const { activate } = await import('@/lib/actions/activate');
const { authOptions } = await import('@/lib/auth/options');
const { throttleBuckets } = await import('@/db/schema');

/** An activation with a wrong PIN on a card of its own (so that no per-card limit is reached). */
const wrongPin = (i: number) =>
  formData({
    cardNumber: `20008${String(i).padStart(8, '0')}`,
    pin: '0000',
    username: `probe.${i}`,
    email: `probe${i}@example.be`,
    password: 'a long enough passphrase',
  });

/** Every request with a different forged X-Forwarded-For and X-Real-IP. */
const forgedHeaders = (i: number, peer?: string) =>
  new Headers({
    'x-forwarded-for': `10.${i}.${i}.${i}, 203.0.113.${i}`,
    'x-real-ip': `198.18.0.${i}`,
    ...(peer ? { [PEER_HEADER]: peer } : {}),
  });

describeOnDatabases('hostile: escaping the throttles (%s)', (t) => {
  beforeAll(async () => {
    await importHostileScenario(t.db);
    ctx.db = t.db;
  });
  afterEach(async () => {
    markPeerHeaderStamped(false);
    delete process.env.PIN_FAILURES_PER_HOUR;
    resetEnvForTests();
    await t.db.delete(throttleBuckets);
  });

  async function fiftyActivations(peer: (i: number) => string | undefined) {
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) {
      ctx.headers = forgedHeaders(i, peer(i));
      const r = await activate(null, wrongPin(i));
      codes.push(r.ok ? 'ok' : r.code);
    }
    return codes;
  }

  it('a forged X-Forwarded-For on 50 PIN attempts from one socket: the client limit (10) still holds', async () => {
    markPeerHeaderStamped(); // as scripts/lib/next-server.ts does
    const codes = await fiftyActivations(() => '198.51.100.9');
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('card_invalid'));
    expect(codes.slice(10)).toEqual(Array(40).fill('throttled'));
    const keys = (await t.db.select({ key: throttleBuckets.key }).from(throttleBuckets)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('pin:client:'))).toEqual(['pin:client:198.51.100.9']);
  });

  it('a forged peer header without our server counts for nothing either: one shared bucket', async () => {
    const codes = await fiftyActivations((i) => `192.0.2.${i}`);
    expect(codes.filter((c) => c === 'card_invalid')).toHaveLength(10);
    const keys = (await t.db.select({ key: throttleBuckets.key }).from(throttleBuckets)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('pin:client:'))).toEqual(['pin:client:unknown']);
  });

  it('sign-in: 30 wrong passwords, each with a forged X-Forwarded-For, hit the client limit (20)', async () => {
    markPeerHeaderStamped();
    const provider = authOptions().providers[0] as unknown as {
      options: { authorize: (c: unknown, req: unknown) => Promise<unknown> };
    };
    const errors: string[] = [];
    for (let i = 0; i < 30; i++) {
      const headers = Object.fromEntries(forgedHeaders(i, '198.51.100.10'));
      try {
        await provider.options.authorize({ login: `made.up.${i}`, password: 'wrong-password' }, { headers });
        errors.push('signed in');
      } catch (error) {
        errors.push((error as Error).message.split(':')[0]!);
      }
    }
    expect(errors.slice(0, 20)).toEqual(Array(20).fill('invalid'));
    expect(errors.slice(20)).toEqual(Array(10).fill('throttled'));
  });

  it('rotating real addresses and cards: the ceiling on failed PIN checks trips for everybody', async () => {
    markPeerHeaderStamped();
    process.env.PIN_FAILURES_PER_HOUR = '20';
    resetEnvForTests();
    // A botnet: every attempt from another socket address, on another card.
    const codes = await fiftyActivations((i) => `203.0.113.${100 + i}`);
    expect(codes.slice(0, 20)).toEqual(Array(20).fill('card_invalid'));
    expect(codes.slice(20)).toEqual(Array(30).fill('throttled'));
    // A patron with the right PIN from an address of their own is refused too, for now.
    ctx.headers = new Headers({ [PEER_HEADER]: '192.0.2.250' });
    const honest = await activate(
      null,
      formData({ ...CARDS.dirk, username: 'dirk.baert', email: 'dirk@example.be', password: 'a long enough passphrase' }),
    );
    expect(honest).toMatchObject({ ok: false, code: 'throttled' });
  });
});
