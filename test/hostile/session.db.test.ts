// Hostile input to the session, on both drivers: a cookie that was signed out.
//
// Signing in and out go through next-auth's real route handler (CSRF token, Credentials callback,
// sign-out with its `signOut` event), and the per-request check is the real getSignedInAccount;
// only the request context (next/headers: the cookies and headers of "this request") and the
// database handle are stood in for. A copy of the session cookie taken before signing out must not
// work afterwards, while the account's other sessions carry on; junk and forged cookies sent to
// sign-out must not throw, end anyone's session or write anything.
import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { describeOnDatabases, drivers } from '@/test/db';
import { PASSWORD } from '@/test/scenarios/identity';
import { ONE_MB, importHostileScenario, snapshotDatabase, type HostileScenario } from './support';

const SECRET = 'hostile-session-suite-secret-0123456789abcdef';
const ctx = vi.hoisted(() => ({ db: null as unknown, cookies: new Map<string, string>(), headers: new Headers({ 'x-forwarded-for': '203.0.113.90' }) }));

vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => ctx.db }));
// The request context: next-auth reads it with a CommonJS require('next/headers'), which vi.mock
// does not reach, so the stand-in goes into Node's require cache under next/headers' real path.
const fakeHeaders = {
  headers: async () => ctx.headers,
  cookies: async () => ({
    get: (name: string) => (ctx.cookies.has(name) ? { name, value: ctx.cookies.get(name)! } : undefined),
    getAll: () => [...ctx.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => ctx.cookies.has(name),
    set: () => {},
    delete: () => {},
  }),
};
const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve('next-auth'));
const nextHeadersPath = requireFromNextAuth.resolve('next/headers');
const realNextHeaders = requireFromNextAuth.cache[nextHeadersPath];
requireFromNextAuth.cache[nextHeadersPath] = { id: nextHeadersPath, filename: nextHeadersPath, loaded: true, exports: fakeHeaders } as never;
vi.mock('next/headers', () => fakeHeaders);

process.env.AUTH_SECRET = SECRET;
resetEnvForTests();
const route = await import('@/app/api/auth/[...nextauth]/route');
const { getSignedInAccount } = await import('@/lib/auth/session');

const SESSION = 'next-auth.session-token';
const CSRF = 'next-auth.csrf-token';

/** The cookies a response sets, as name → value (an expired/cleared cookie → ''). */
function setCookies(response: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    out.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
  return out;
}

async function call(method: 'GET' | 'POST', path: string, cookies: Map<string, string>, form?: Record<string, string>): Promise<Response> {
  ctx.cookies = new Map(cookies);
  const url = `http://localhost:3000/api/auth/${path}`;
  const request = new NextRequest(url, {
    method,
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return route.POST(request, { params: Promise.resolve({ nextauth: path.split('/') }) });
}

/** A fresh browser: CSRF token, then sign-in through the Credentials callback; its cookies. */
async function signIn(login: string, password: string): Promise<Map<string, string>> {
  const csrfResponse = await call('GET', 'csrf', new Map());
  const jar = setCookies(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const signedIn = await call('POST', 'callback/credentials', jar, { csrfToken, login, password, json: 'true' });
  for (const [k, v] of setCookies(signedIn)) jar.set(k, v);
  jar.set('csrfToken', csrfToken);
  return jar;
}

async function signOut(jar: Map<string, string>): Promise<Response> {
  return call('POST', 'signout', jar, { csrfToken: jar.get('csrfToken') ?? '', json: 'true' });
}

/** getSignedInAccount for a request that carries this session cookie. */
async function whoIs(sessionCookie: string | undefined) {
  ctx.cookies = new Map(sessionCookie === undefined ? [] : [[SESSION, sessionCookie]]);
  return getSignedInAccount();
}

// Leave Node's require cache as it was, for whatever runs next in this worker.
afterAll(() => {
  delete process.env.AUTH_SECRET;
  resetEnvForTests();
  if (realNextHeaders) requireFromNextAuth.cache[nextHeadersPath] = realNextHeaders;
  else delete requireFromNextAuth.cache[nextHeadersPath];
});

describeOnDatabases('hostile input: a signed-out session cookie (%s)', (t) => {
  let s: HostileScenario;
  beforeAll(async () => {
    s = await importHostileScenario(t.db);
    ctx.db = t.db;
  });
  beforeEach(() => {
    ctx.db = t.db;
  });

  it('a copy of the cookie taken before sign-out is refused afterwards; another session of the account carries on', async () => {
    void s;
    const laptop = await signIn('an.peeters', PASSWORD);
    const phone = await signIn('an.peeters', PASSWORD);
    const copied = laptop.get(SESSION);
    expect(copied).toBeTruthy();
    expect(phone.get(SESSION)).not.toBe(copied);
    const an = await whoIs(copied);
    expect(an).not.toBeNull();
    expect(await whoIs(phone.get(SESSION))).toEqual(an);

    const out = await signOut(laptop);
    expect(out.status).toBe(200);
    expect(setCookies(out).get(SESSION)).toBe(''); // the browser's cookie is cleared…
    expect(await whoIs(copied)).toBeNull(); // …and a copy of it no longer counts
    expect(await whoIs(phone.get(SESSION))).toEqual(an); // the phone was not signed out
    // Signing out the same (copied) cookie again is harmless.
    expect((await signOut(laptop)).status).toBe(200);
    expect(await whoIs(copied)).toBeNull();
  });

  it('junk and forged cookies at sign-out: no throw, no session ended, nothing written', async () => {
    const victim = await signIn('eva.other', PASSWORD);
    const victimCookie = victim.get(SESSION)!;
    const account = await whoIs(victimCookie);
    expect(account).not.toBeNull();
    const before = await snapshotDatabase(t.db);
    const forgedWithOtherSecret = await encode({
      token: { sub: String(account!.accountId), sv: account!.sessionVersion, sid: 'A'.repeat(22), authTime: 0, seen: 0 },
      secret: 'not-the-secret-of-this-portal-000000',
    });
    const junk = ['', 'junk', ONE_MB.slice(0, 8000), victimCookie.slice(0, -4) + 'AAAA', forgedWithOtherSecret, 'a\u0000b', "' or 1=1 --"];
    for (const value of junk) {
      const jar = new Map(victim);
      jar.set(SESSION, value);
      const response = await signOut(jar);
      expect(response.status, value.slice(0, 20)).toBeLessThan(500);
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect(await whoIs(victimCookie)).toEqual(account);
  });

  it('a well-signed token without a session id, or with a junk one, is refused per request', async () => {
    const real = await signIn('an.peeters', PASSWORD);
    const account = await whoIs(real.get(SESSION));
    expect(account).not.toBeNull();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: String(account!.accountId), sv: account!.sessionVersion, authTime: now, seen: now };
    for (const sid of [undefined, '', 'short', 'x'.repeat(500), "' or 1=1 --", 42]) {
      const token = await encode({ token: { ...claims, ...(sid === undefined ? {} : { sid }) } as never, secret: SECRET });
      expect(await whoIs(token), String(sid)).toBeNull();
    }
  });
});
