// Hostile input for the route handlers, on both drivers: the exported GET/POST
// called with constructed Requests. Every answer is a clear status (200 with the caller's own data,
// 401, 403, 404, 400, 422), never a throw or a 500, and the database is unchanged.
//
// - app/api/cards/[card]/history (CSV export): junk card slugs and search text, another account's
//   card, signed out;
// - app/api/calendar/[token] (the private calendar feed, no session): junk, unknown and hash-shaped
//   secrets are the same plain 404; only the client's throttle bucket is written;
// - app/api/test/scenario (test-only import): disabled → 404 for every method, also with the
//   committed token, off loopback or in production on a real database; enabled → a wrong token is
//   403, junk bodies 400/422 and nothing imported;
// - app/api/test/changes (test-only export of a library's changes): the same gate, junk bodies 400,
//   an unknown library 422, nothing changed;
// - app/api/auth/[...nextauth]: next-auth's own routing is its library's; what is ours is the
//   credentials `authorize` and authenticate(), driven here with junk credentials (the HTTP side,
//   CSRF and the Origin check are covered by the e2e specs).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '@/lib/auth/session';
import { resetEnvForTests } from '@/lib/env';
import { COMMITTED_E2E_SCENARIO_TOKEN } from '@/lib/security/scenario-endpoint';
import { describeOnDatabases, drivers } from '@/test/db';
import { deeplyNested, genericJunk, importHostileScenario, ONE_MB, snapshotDatabase, withoutTables, type HostileScenario } from './support';

const ctx = vi.hoisted(() => ({ db: null as unknown, account: null as SignedInAccount | null }));

vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => ctx.db }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getSignedInAccount: async () => ctx.account,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));

const history = await import('@/app/api/cards/[card]/history/route');
const calendar = await import('@/app/api/calendar/[token]/route');
const scenario = await import('@/app/api/test/scenario/route');
const changes = await import('@/app/api/test/changes/route');
const { authOptions } = await import('@/lib/auth/options');
const { authenticate } = await import('@/lib/auth/authenticate');

const params = (card: string) => ({ params: Promise.resolve({ card }) });

// The scenario endpoint exists only on loopback (lib/security/scenario-endpoint.ts); the shell's
// HOSTNAME is often the machine's name, so the cases set it and put it back.
const savedHostname = process.env.HOSTNAME;
function restoreHostname(): void {
  if (savedHostname === undefined) delete process.env.HOSTNAME;
  else process.env.HOSTNAME = savedHostname;
}

async function statusOf(call: () => Promise<Response>): Promise<number | string> {
  try {
    return (await call()).status;
  } catch (error) {
    return `threw ${error instanceof Error ? error.name : typeof error}`;
  }
}

describeOnDatabases('hostile input: route handlers (%s)', (t) => {
  let s: HostileScenario;
  beforeAll(async () => {
    s = await importHostileScenario(t.db);
    ctx.db = t.db;
  });
  afterAll(async () => {
    delete process.env.E2E_SCENARIO_TOKEN;
    restoreHostname();
    resetEnvForTests();
  });
  beforeEach(() => {
    ctx.db = t.db;
    ctx.account = s.mallory;
  });

  describe('GET /api/cards/[card]/history', () => {
    const slugs = () => [
      s.slugs.le, // the family's card, not mallory's
      s.slugs.gent,
      ONE_MB,
      '../../etc/passwd',
      '%00',
      'a\u0000b',
      "zo' or '1'='1",
      '',
      ' ',
      '🙂'.repeat(1000),
      '[object Object]',
    ];

    it("another account's card and junk slugs are 404; never a throw, nothing written", async () => {
      const before = await snapshotDatabase(t.db);
      for (const card of slugs()) {
        const url = `http://localhost/api/cards/${encodeURIComponent(card.slice(0, 5000))}/history`;
        expect(await statusOf(() => history.GET(new Request(url), params(card))), card.slice(0, 40)).toBe(404);
      }
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it("the caller's own card with junk search text: 200 CSV of their own history only", async () => {
      const before = await snapshotDatabase(t.db);
      for (const q of [ONE_MB.slice(0, 100_000), '%', '_', "' or 1=1 --", 'a\u0000b', '\\', '%00', 'Max Havelaar']) {
        const url = new URL(`http://localhost/api/cards/${s.slugs.zo}/history`);
        url.searchParams.set('q', q);
        const response = await history.GET(new Request(url), params(s.slugs.zo));
        expect([200, 400], q.slice(0, 20)).toContain(response.status);
        if (response.status === 200) {
          const body = await response.text();
          // Mallory's own history only: never An's titles.
          expect(body).not.toContain('Het Achterhuis');
          expect(body).not.toContain('Leesreeks');
        }
      }
      // Repeated and odd query parameters.
      const odd = await statusOf(() => history.GET(new Request(`http://localhost/api/cards/${s.slugs.zo}/history?q=a&q=b&q[]=c&__proto__=x`), params(s.slugs.zo)));
      expect(odd).toBe(200);
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('signed out: 401 for any card', async () => {
      ctx.account = null;
      for (const card of [s.slugs.zo, ONE_MB]) {
        expect(await statusOf(() => history.GET(new Request('http://localhost/api/cards/x/history'), params(card)))).toBe(401);
      }
    });
  });

  describe('GET /api/calendar/[token]', () => {
    it('junk and unknown secrets are the same plain 404; never a throw; only the throttle bucket is written', async () => {
      const before = await snapshotDatabase(t.db);
      for (const token of [ONE_MB, '', ' ', '../../etc/passwd', '%00', 'a\u0000b', "x' or '1'='1", 'A'.repeat(43), 'f'.repeat(64), '🙂'.repeat(1000)]) {
        const response = await calendar.GET(new Request('http://localhost/api/calendar/x'), { params: Promise.resolve({ token }) });
        expect(response.status, token.slice(0, 40)).toBe(404);
        expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        expect(await response.text()).toBe('Not Found');
      }
      expect(withoutTables(await snapshotDatabase(t.db), ['throttle_buckets'])).toEqual(withoutTables(before, ['throttle_buckets']));
    });
  });

  describe('/api/test/scenario (test-only)', () => {
    const TOKEN = 'hostile-suite-scenario-token-0123456789';
    const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
      scenario.POST(new Request('http://localhost/api/test/scenario', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));

    it('disabled (no E2E_SCENARIO_TOKEN): every method is a plain 404, whatever is sent', async () => {
      delete process.env.E2E_SCENARIO_TOKEN;
      resetEnvForTests();
      const before = await snapshotDatabase(t.db);
      expect(await statusOf(() => post(JSON.stringify({ format: 'mijn-bibliotheek/network@1' }), { 'x-e2e-scenario-token': TOKEN }))).toBe(404);
      expect(await statusOf(() => post(ONE_MB))).toBe(404);
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const) {
        const handler = scenario[method] as () => Response;
        expect(handler().status, method).toBe(404);
      }
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('a token that may not enable it (committed, or not on loopback, or production on a real database): a plain 404', async () => {
      const before = await snapshotDatabase(t.db);
      const settings: [string, Record<string, string | undefined>, string][] = [
        ['the committed token', { E2E_SCENARIO_TOKEN: COMMITTED_E2E_SCENARIO_TOKEN, HOSTNAME: '127.0.0.1' }, COMMITTED_E2E_SCENARIO_TOKEN],
        ['listening on every interface', { E2E_SCENARIO_TOKEN: TOKEN, HOSTNAME: '0.0.0.0' }, TOKEN],
        ['HOSTNAME unset', { E2E_SCENARIO_TOKEN: TOKEN, HOSTNAME: undefined }, TOKEN],
        ['production with DATABASE_URL', { E2E_SCENARIO_TOKEN: TOKEN, HOSTNAME: '127.0.0.1', NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/x' }, TOKEN],
      ];
      const saved = { NODE_ENV: process.env.NODE_ENV, DATABASE_URL: process.env.DATABASE_URL };
      try {
        for (const [label, variables, token] of settings) {
          for (const [name, value] of Object.entries(variables)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
          }
          resetEnvForTests();
          const status = await statusOf(() => post(JSON.stringify({ format: 'mijn-bibliotheek/network@1' }), { 'x-e2e-scenario-token': token }));
          expect(status, label).toBe(404);
          const vars = process.env as Record<string, string | undefined>;
          for (const name of ['NODE_ENV', 'DATABASE_URL'] as const) {
            if (saved[name] === undefined) delete vars[name];
            else vars[name] = saved[name];
          }
        }
      } finally {
        delete process.env.E2E_SCENARIO_TOKEN;
        restoreHostname();
        resetEnvForTests();
      }
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });

    it('enabled: a missing or wrong token is 403; junk bodies are 400/422 and import nothing', async () => {
      process.env.E2E_SCENARIO_TOKEN = TOKEN;
      process.env.HOSTNAME = '127.0.0.1';
      resetEnvForTests();
      const before = await snapshotDatabase(t.db);
      expect(await statusOf(() => post('{}'))).toBe(403);
      expect(await statusOf(() => post('{}', { 'x-e2e-scenario-token': 'wrong' }))).toBe(403);
      expect(await statusOf(() => post('{}', { 'x-e2e-scenario-token': ONE_MB }))).toBe(403);
      const withToken = { 'x-e2e-scenario-token': TOKEN };
      expect(await statusOf(() => post('not json', withToken))).toBe(400);
      expect(await statusOf(() => post(`{"a":"${ONE_MB}`, withToken))).toBe(400);
      expect(await statusOf(() => post(null, withToken))).toBe(400);
      const junkDocuments: unknown[] = [
        ...genericJunk().map(([, v]) => v).filter((v) => !(v instanceof FormData) && v !== undefined && !Number.isNaN(v)),
        { format: 'mijn-bibliotheek/network@1', libraries: ONE_MB, patrons: [{}], accounts: [[]] },
        { format: 'mijn-bibliotheek/network@1', regions: [], libraries: [], patrons: [], accounts: [{ username: 'x', email: 'nope', password: 1, patrons: ['nobody'] }] },
        { format: 'mijn-bibliotheek/network@2' },
        { format: 'mijn-bibliotheek/network@1', nested: deeplyNested(500) },
      ];
      for (const doc of junkDocuments) {
        let body: string;
        try {
          body = JSON.stringify(doc) ?? 'null';
        } catch {
          continue;
        }
        const status = await statusOf(() => post(body, withToken));
        expect([400, 422], body.slice(0, 60)).toContain(status);
      }
      expect(withoutTables(await snapshotDatabase(t.db), [])).toEqual(before);
      delete process.env.E2E_SCENARIO_TOKEN;
      restoreHostname();
      resetEnvForTests();
    });
  });

  describe('/api/test/changes (test-only)', () => {
    const TOKEN = 'hostile-suite-scenario-token-0123456789';
    const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
      changes.POST(new Request('http://localhost/api/test/changes', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));

    it('disabled: every method is a plain 404; enabled: wrong token 403, junk 400, unknown library 422, nothing changed', async () => {
      const before = await snapshotDatabase(t.db);
      delete process.env.E2E_SCENARIO_TOKEN;
      resetEnvForTests();
      expect(await statusOf(() => post(JSON.stringify({ library: 'BE-ZOT01' }), { 'x-e2e-scenario-token': TOKEN }))).toBe(404);
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const) {
        expect((changes[method] as () => Response)().status, method).toBe(404);
      }
      process.env.E2E_SCENARIO_TOKEN = TOKEN;
      process.env.HOSTNAME = '127.0.0.1';
      resetEnvForTests();
      try {
        expect(await statusOf(() => post(JSON.stringify({ library: 'BE-ZOT01' })))).toBe(403);
        const withToken = { 'x-e2e-scenario-token': TOKEN };
        expect(await statusOf(() => post('not json', withToken))).toBe(400);
        for (const body of [{}, { library: '' }, { library: ONE_MB }, { library: ['BE-ZOT01'] }, { library: 'BE-ZOT01', extra: 1 }, null]) {
          expect(await statusOf(() => post(JSON.stringify(body), withToken)), JSON.stringify(body).slice(0, 40)).toBe(400);
        }
        expect(await statusOf(() => post(JSON.stringify({ library: "BE-NOPE' or 1=1 --" }), withToken))).toBe(422);
        expect(await statusOf(() => post(JSON.stringify({ library: 'BE-ZOT01' }), withToken))).toBe(200);
      } finally {
        delete process.env.E2E_SCENARIO_TOKEN;
        restoreHostname();
        resetEnvForTests();
      }
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });
  });

  describe('sign-in credentials (authorize / authenticate)', () => {
    const junk: [string, unknown][] = [
      ['nothing', undefined],
      ['empty', {}],
      ['1 MB login', { login: ONE_MB, password: 'x' }],
      ['1 MB password', { login: 'an.peeters', password: ONE_MB }],
      ['arrays', { login: ['an.peeters', 'x'], password: ['a', 'b'] }],
      ['objects', { login: { $ne: null }, password: { $gt: '' } }],
      ['numbers', { login: 1, password: 2 }],
      ['NUL in login', { login: 'an.peeters\u0000', password: 'x' }],
      ['NUL in password', { login: 'an.peeters', password: 'x\u0000y' }],
      ['SQL in login', { login: "' or '1'='1", password: "' or '1'='1" }],
    ];

    it('authorize refuses every junk credential with the sign-in error code, never a database error', async () => {
      const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
      const before = await snapshotDatabase(t.db);
      for (const [label, credentials] of junk) {
        let message = '';
        try {
          const user = await provider.options.authorize(credentials, { headers: { 'x-forwarded-for': '203.0.113.77' } });
          expect(user, label).toBeNull();
        } catch (error) {
          message = (error as Error).message;
        }
        // next-auth puts a thrown message into the sign-in URL: only our codes may travel there.
        expect(message, label).toMatch(/^[a-z_]+(:\d+)?$/);
      }
      // Wrong passwords for a real account count against its throttle; nothing else changes.
      expect(withoutTables(await snapshotDatabase(t.db), ['throttle_buckets'])).toEqual(withoutTables(before, ['throttle_buckets']));
    });

    it('authenticate answers junk with `invalid`', async () => {
      for (const [label, credentials] of junk) {
        const r = await authenticate(t.db, { clientAddress: '203.0.113.78', ...(credentials as object) } as never);
        expect(r.ok, label).toBe(false);
      }
    });
  });
});
