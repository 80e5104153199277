// The personal read-only API (issue 15) on both drivers: tokens (created named, hash only, revoked),
// the route handlers called with constructed Requests (401 + WWW-Authenticate alike for missing,
// unknown, revoked and junk tokens; 405; 429), P3 (another account's rows never returned), P4 (one
// statement per endpoint), and every answer validated by ajv against the OpenAPI document the
// portal serves.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '@/db/rows';
import { apiTokens } from '@/db/schema';
import { createApiTokenForAccount, revokeApiTokenForAccount } from '@/lib/actions/api-tokens-core';
import { hashToken } from '@/lib/auth/link-token';
import { countAttempt } from '@/lib/auth/throttle-store';
import { API_RESOURCES, API_THROTTLE, apiTokenThrottleKey, MAX_API_TOKENS, type ApiResource } from '@/lib/domain/personal-api';
import { describeOnDatabases } from '@/test/db';
import { importCardScenario, type ImportedCardScenario } from '@/test/scenarios/cards-imported';
import { listApiTokens, readPersonalApi } from './personal-api';

const ctx = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => ctx.db }));

const route = await import('@/app/api/v1/[resource]/route');
const openapi = await import('@/app/api/v1/openapi.json/route');

const NOW = new Date('2026-11-20T09:00:00Z');

const get = (resource: string, authorization?: string) =>
  route.GET(new Request(`http://localhost/api/v1/${resource}`, { headers: authorization === undefined ? {} : { authorization } }), {
    params: Promise.resolve({ resource }),
  });

/** A validator per resource, compiled from the SERVED document (not from the zod schemas). */
async function servedValidators() {
  const doc = await (await openapi.GET()).json();
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', ...doc });
  return (resource: ApiResource) => {
    const pointer = `openapi#/paths/~1${resource}/get/responses/200/content/application~1json/schema`;
    return ajv.getSchema(pointer)!;
  };
}

describeOnDatabases('personal API (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });
  beforeEach(async () => {
    ctx.db = t.db;
    await t.db.execute(sql`delete from throttle_buckets`);
  });

  async function tokenFor(account: ImportedCardScenario['family'], name = 'script') {
    const created = await createApiTokenForAccount(t.db, account, name, NOW);
    if (!created.ok) throw new Error(created.code);
    return created.data;
  }

  /** Ids of an account's linked patrons' open rows, straight from the tables. */
  async function idsOf(table: 'loans' | 'fees' | 'cards' | 'reservations', accountId: number) {
    const where = { loans: sql`x.returned_on is null`, fees: sql`x.paid_on is null`, cards: sql`true`, reservations: sql`x.status in ('waiting', 'in_transit', 'ready')` }[table];
    return rowsOf<{ id: number }>(
      await t.db.execute(sql`select x.id from ${sql.raw(table)} x join account_patrons ap on ap.patron_id = x.patron_id
                              where ap.account_id = ${accountId} and ${where} order by x.id`),
    ).map((r) => Number(r.id));
  }

  it('creating a token names it and stores only its SHA-256; the list shows it; revoking hides it', async () => {
    const { id, token } = await tokenFor(s.solo, 'Home Assistant');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.select().from(apiTokens).where(sql`${apiTokens.id} = ${id}`);
    expect(rows).toEqual([expect.objectContaining({ accountId: s.solo.accountId, name: 'Home Assistant', tokenHash: hashToken(token), revokedAt: null, lastUsedAt: null })]);
    expect(JSON.stringify(await t.db.select().from(apiTokens))).not.toContain(token);
    expect((await listApiTokens(t.db, s.solo)).map((r) => r.name)).toContain('Home Assistant');
    expect((await listApiTokens(t.db, s.family)).map((r) => r.id)).not.toContain(id);

    // Another account cannot revoke it.
    expect(await revokeApiTokenForAccount(t.db, s.mallory, id)).toMatchObject({ ok: false, code: 'not_found' });
    expect((await get('loans', `Bearer ${token}`)).status).toBe(200);
    expect((await t.db.select().from(apiTokens).where(sql`${apiTokens.id} = ${id}`))[0]!.lastUsedAt).not.toBeNull();

    expect(await revokeApiTokenForAccount(t.db, s.solo, id)).toEqual({ ok: true, data: null });
    expect((await listApiTokens(t.db, s.solo)).map((r) => r.id)).not.toContain(id);
    const revoked = await get('loans', `Bearer ${token}`);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it(`at most ${MAX_API_TOKENS} active tokens per account`, async () => {
    const active = (await listApiTokens(t.db, s.mallory)).length;
    for (let i = active; i < MAX_API_TOKENS; i++) await tokenFor(s.mallory, `t${i}`);
    expect(await createApiTokenForAccount(t.db, s.mallory, 'one more', NOW)).toMatchObject({ ok: false, code: 'too_many_tokens' });
    await t.db.execute(sql`update api_tokens set revoked_at = ${NOW.toISOString()} where account_id = ${s.mallory.accountId}`);
  });

  it('every endpoint answers the account’s own rows, valid against the served OpenAPI schema; never another account’s (P3)', async () => {
    // A card for a linked patron of each account (the scenario has none): its number must never be whole.
    for (const [account, number] of [[s.family, '2000123456789'], [s.mallory, '2000987654321']] as const) {
      await t.db.execute(sql`insert into cards (patron_id, library_id, number, kind)
        select m.patron_id, m.library_id, ${number}, 'wise' from memberships m join account_patrons ap on ap.patron_id = m.patron_id
         where ap.account_id = ${account.accountId} order by m.id limit 1`);
    }
    const validator = await servedValidators();
    const family = await tokenFor(s.family);
    const mallory = await tokenFor(s.mallory);
    for (const resource of API_RESOURCES) {
      const response = await get(resource, `Bearer ${family.token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const body = (await response.json()) as { data: { id: number }[] };
      const validate = validator(resource);
      expect(validate(body), `${resource}: ${JSON.stringify(validate.errors)}`).toBe(true);

      const theirs = (await (await get(resource, `Bearer ${mallory.token}`)).json()) as { data: { id: number }[] };
      expect(validate(theirs)).toBe(true);
      const mine = body.data.map((r) => r.id);
      for (const id of theirs.data.map((r) => r.id)) expect(mine).not.toContain(id);
      // Nothing outside the account's linked patrons; cards: every card of them.
      const own = await idsOf(resource, s.family.accountId);
      for (const id of mine) expect(own).toContain(id);
      if (resource === 'cards') expect([...mine].sort((a, b) => a - b)).toEqual(own);
    }
    const loans = (await (await get('loans', `Bearer ${family.token}`)).json()) as { data: { dueOn: string }[] };
    expect(loans.data.length).toBeGreaterThan(0);
    expect(loans.data.every((l) => /^\d{4}-\d{2}-\d{2}$/.test(l.dueOn))).toBe(true);
    const cards = (await (await get('cards', `Bearer ${family.token}`)).json()) as { data: { number: string }[] };
    expect(cards.data.length).toBeGreaterThan(0);
    const numbers = rowsOf<{ number: string }>(await t.db.execute(sql`select number from cards`)).map((r) => r.number);
    for (const card of cards.data) {
      expect(card.number).toMatch(/^••••/);
      for (const n of numbers) if (n.length > 4) expect(card.number).not.toContain(n);
    }
  });

  it('P4 one statement per endpoint (token look-up and the rows together)', async () => {
    const { token } = await tokenFor(s.family);
    for (const resource of API_RESOURCES) {
      t.queries.reset();
      expect(await readPersonalApi(t.db, resource, hashToken(token))).not.toBeNull();
      expect(t.queries.count, resource).toBe(1);
      t.queries.reset();
      expect(await readPersonalApi(t.db, resource, hashToken('unknown'))).toBeNull();
      expect(t.queries.count).toBe(1);
    }
  });

  it('missing, unknown, hash-as-token, other-scheme and junk tokens: the same 401 with WWW-Authenticate; nothing but throttle buckets written', async () => {
    const { token } = await tokenFor(s.family);
    const before = rowsOf(await t.db.execute(sql`select id, last_used_at, revoked_at from api_tokens order by id`));
    const junk = [undefined, '', 'Bearer', 'Bearer ', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${hashToken(token)}`,
      `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, `Bearer ${token} extra`, "Bearer x' or '1'='1", 'Bearer ../../etc/passwd',
      `Bearer ${'A'.repeat(10_000)}`, 'Bearer %00', token];
    for (const authorization of junk) {
      const response = await get('fees', authorization);
      expect(response.status, String(authorization).slice(0, 40)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mijn-bibliotheek", error="invalid_token"');
      expect(await response.json()).toEqual({ error: 'unauthorized' });
    }
    expect(rowsOf(await t.db.execute(sql`select id, last_used_at, revoked_at from api_tokens order by id`))).toEqual(before);
    expect((await get('nope', `Bearer ${token}`)).status).toBe(404);
  });

  it('405 for every other method, with Allow: GET', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await route[method]();
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect((await openapi[method]()).status).toBe(405);
    }
  });

  it('throttle: past the limit a token is refused with 429 (even when valid); another token and address still pass', async () => {
    const { token } = await tokenFor(s.family);
    const other = await tokenFor(s.family, 'other');
    const key = apiTokenThrottleKey(hashToken(token));
    for (let i = 0; i < API_THROTTLE.maxFailures; i++) expect((await countAttempt(t.db, [key], new Date())).allowed).toBe(true);
    const refused = await get('loans', `Bearer ${token}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('loans', `Bearer ${other.token}`)).status).toBe(200);
  });
});

describe('personal API: OpenAPI document', () => {
  it('is served as OpenAPI 3.1 JSON with every endpoint', async () => {
    const response = await openapi.GET();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(API_RESOURCES.map((r) => `/${r}`).sort());
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });
});
