// Sign-in as a server action (no secret in a URL) and where it goes afterwards (return paths), on both
// databases: the real action with the request context stood in for (headers, cookie, redirect).
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { accountOf, importIdentityScenario, PASSWORD } from '@/test/scenarios/identity';

const ctx = vi.hoisted(() => ({ db: null as unknown, sessions: [] as [number, number][], forwardedFor: '198.51.100.1' }));

vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => ctx.db }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': ctx.forwardedFor }) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;push;${url};303;` });
  },
}));
vi.mock('@/lib/auth/session-reissue', () => ({
  startSession: async (accountId: number, sessionVersion: number) => {
    ctx.sessions.push([accountId, sessionVersion]);
  },
}));

const { signInWithPassword } = await import('./sign-in');

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

/** The redirect target, or the returned state. */
async function run(fields: Record<string, string>): Promise<{ redirect: string } | { state: unknown }> {
  try {
    return { state: await signInWithPassword(null, form(fields)) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT;')) return { redirect: digest.split(';')[2]! };
    throw error;
  }
}

describeOnDatabases('signInWithPassword (%s)', (t) => {
  beforeAll(async () => {
    await importIdentityScenario(t.db);
    ctx.db = t.db;
  });
  beforeEach(() => {
    ctx.db = t.db;
    ctx.sessions.length = 0;
    ctx.forwardedFor = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  });

  const returns: [label: string, next: string | undefined, expected: string][] = [
    ['no next', undefined, '/overview'],
    ['a portal page', '/memberships', '/memberships'],
    ['a page with a query', '/cards/zo/history?q=a%20b', '/cards/zo/history?q=a%20b'],
    ['the home page', '/', '/overview'],
    ['the sign-in page', '/login?next=/account', '/overview'],
    ['tab, the reported attack', '/\t/evil.example', '/overview'],
    ['newline', '/\n/evil.example', '/overview'],
    ['encoded tab', '/%09/evil.example', '/overview'],
    ['protocol-relative', '//evil.example', '/overview'],
    ['backslash', '/\\evil.example', '/overview'],
    ['another site', 'https://evil.example/', '/overview'],
  ];
  it.each(returns)('the right password starts a session and goes on: %s', async (_label, next, expected) => {
    const account = await accountOf(t.db, 'an.peeters');
    const outcome = await run({ login: 'an.peeters', password: PASSWORD, ...(next === undefined ? {} : { next }) });
    expect(outcome).toEqual({ redirect: expected });
    expect(ctx.sessions).toEqual([[account.accountId, account.sessionVersion]]);
  });

  it('a wrong password: refused, the login kept for the form, no session', async () => {
    expect(await run({ login: 'an.peeters', password: 'not the password', next: '/memberships' })).toEqual({
      state: { ok: false, code: 'invalid', login: 'an.peeters' },
    });
    expect(ctx.sessions).toEqual([]);
  });

  it('empty fields: field errors, no database work, no session', async () => {
    t.queries.reset();
    expect(await run({ login: '  ', password: '' })).toEqual({
      state: { ok: false, code: 'invalid_input', fieldErrors: { login: ['required'], password: ['required'] }, login: '' },
    });
    expect(t.queries).toHaveLength(0);
    expect(ctx.sessions).toEqual([]);
  });

  it('junk (repeated fields, not FormData) is a typed refusal', async () => {
    const repeated = form({ login: 'an.peeters', password: PASSWORD });
    repeated.append('password', PASSWORD);
    expect(await signInWithPassword(null, repeated)).toEqual({ ok: false, code: 'invalid' });
    expect(await signInWithPassword(null, { login: 'an.peeters' } as unknown as FormData)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(ctx.sessions).toEqual([]);
  });
});
