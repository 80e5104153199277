// Read replicas against a REAL streaming replica (test/support/replica-cluster.ts: pg_createcluster +
// pg_basebackup -R, dropped after): the views read from the replica, the patron's own write is read
// back from the primary until the replica replayed it (read-your-writes by LSN), and a replica that
// is down or slow costs a fallback to the primary, never an error. docs/operations.md, "Read replicas".
// To see which server answered, the replica's replay is paused: the replica then still shows the old
// due date while the primary has the new one.
import { eq, sql } from 'drizzle-orm';
import { createRequire } from 'node:module';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb, type DbHandle } from '@/db/client';
import { importNetwork } from '@/db/import/import-network';
import { migrate } from '@/db/migrate';
import { parseLsn, primaryWalLsn, ReplicaRouter, type ReplicaFailure } from '@/db/replica-routing';
import { accounts } from '@/db/schema';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { newSessionClaims } from '@/lib/auth/session-policy';
import { getLoansView } from '@/lib/data/loans';
import type { SignedInAccount } from '@/lib/auth/session';
import { todayInBrussels } from '@/lib/domain/dates';
import { resetEnvForTests } from '@/lib/env';
import { RENEW_TITLES, renewScenario, renewScenarioSlugs, renewScenarioUsers } from '@/test/scenarios/renew-loans';
import { createReplicaPair, type ReplicaPair } from '@/test/support/replica-cluster';

const ctx = vi.hoisted(() => ({ jar: new Map<string, string>() }));

// The request context only: the cookie jar a browser carries (the session, and the pending write
// the action sets for the next page). next-auth reads it with a CommonJS require('next/headers'),
// which vi.mock does not reach, so the stand-in also goes into Node's require cache (as in
// test/hostile/session.db.test.ts).
const fakeHeaders = {
  headers: async () => new Headers({ 'x-request-id': 'replica-suite' }),
  cookies: async () => ({
    get: (name: string) => (ctx.jar.has(name) ? { name, value: ctx.jar.get(name)! } : undefined),
    getAll: () => [...ctx.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => ctx.jar.has(name),
    set: (name: string, value: string) => void ctx.jar.set(name, value),
    delete: (name: string) => void ctx.jar.delete(name),
  }),
};
const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve('next-auth'));
const nextHeadersPath = requireFromNextAuth.resolve('next/headers');
const realNextHeaders = requireFromNextAuth.cache[nextHeadersPath];
requireFromNextAuth.cache[nextHeadersPath] = { id: nextHeadersPath, filename: nextHeadersPath, loaded: true, exports: fakeHeaders } as never;
vi.mock('next/headers', () => fakeHeaders);

const SECRET = 'replica-suite-secret-0123456789abcdef-0123';

const DATABASE = 'mb_replica_suite';
/**
 * The replica's timeout where a test is not about it: long, so that a busy machine never turns a
 * read that should show the replica's (old) data into a fallback to the primary's.
 */
const SLOW_MACHINE_MS = 15_000;
const today = todayInBrussels(new Date());
const slug = renewScenarioSlugs().region;
const TITLE = RENEW_TITLES.renewable;

let pair: ReplicaPair;
let primary: DbHandle;
let replica: DbHandle;
let account: SignedInAccount;
const statements = { primary: 0, replica: 0 };

/** The renewable loan's due date in a loans view, wherever the view nests it. */
function dueOf(view: unknown): string | undefined {
  if (Array.isArray(view)) return view.map(dueOf).find(Boolean);
  if (view && typeof view === 'object') {
    const o = view as Record<string, unknown>;
    if (o.title === TITLE && typeof o.dueOn === 'string') return o.dueOn;
    return Object.values(o).map(dueOf).find(Boolean);
  }
  return undefined;
}

function router(options: { timeoutMs?: number; onFallback?: (f: ReplicaFailure) => void } = {}) {
  return new ReplicaRouter({ primary: async () => primary.db, replica: async () => replica.db, timeoutMs: options.timeoutMs ?? SLOW_MACHINE_MS, onFallback: options.onFallback });
}

const viewOn = (db: DbHandle['db']) => getLoansView(db, account, slug, today).then(dueOf);

beforeAll(async () => {
  pair = await createReplicaPair();
  await pair.createDatabase(DATABASE);
  primary = await openDb({ url: pair.primaryUrl(DATABASE), onQuery: () => void statements.primary++ });
  await migrate(primary);
  const imported = await importNetwork(primary.db, renewScenario({ today, kinds: ['renewable'] }));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const [row] = await primary.db.select({ id: accounts.id, sv: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, renewScenarioUsers().an));
  account = { accountId: row!.id, sessionVersion: row!.sv };
  await pair.waitForReplay();
  replica = await openDb({ url: pair.replicaUrl(DATABASE), onQuery: () => void statements.replica++, connectTimeoutSeconds: 2 });
}, 180_000);

afterAll(async () => {
  // The app's own pools (db/client's process-wide handles), opened by the loaders.
  const app = globalThis as unknown as { __mbDb?: Promise<DbHandle>; __mbReplica?: Promise<DbHandle> };
  for (const handle of [app.__mbDb, app.__mbReplica]) await handle?.then((h) => h.close()).catch(() => {});
  await primary?.close();
  await replica?.close().catch(() => {});
  pair?.drop();
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_REPLICA_URL;
  delete process.env.AUTH_SECRET;
  delete process.env.DATABASE_REPLICA_TIMEOUT_MS;
  resetEnvForTests();
  if (realNextHeaders) requireFromNextAuth.cache[nextHeadersPath] = realNextHeaders;
  else delete requireFromNextAuth.cache[nextHeadersPath];
});

describe('a real streaming replica', () => {
  it('is read-only and in recovery: a row cannot be written there', async () => {
    const error = (await replica.db.execute(sql`create table replica_probe (x int)`).catch((e: unknown) => e)) as Error & { cause?: Error };
    // drizzle wraps the server's error; its cause is PostgreSQL's own refusal.
    expect(error.cause?.message).toMatch(/read-only transaction/);
  });

  it('routes a plain view to the replica, the writer to the primary until the replica replayed its write', async () => {
    const r = router();
    const before = await r.read(null, viewOn);
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await pair.pauseReplay();
    try {
      // A day earlier (the renewal later in this file still extends it).
      await primary.db.execute(sql`update loans set due_on = due_on - 1 where returned_on is null and item_id in (select i.id from items i join titles t on t.id = i.title_id where t.title = ${TITLE})`);
      const lsn = await primaryWalLsn(primary.db);
      const after = await viewOn(primary.db);
      expect(after).not.toBe(before);

      // Anyone without a pending write: the replica, which stands still.
      expect(await r.read(null, viewOn)).toBe(before);
      // The writer: the primary, because the replica has not replayed its LSN.
      expect(await r.read(lsn, viewOn)).toBe(after);
    } finally {
      await pair.resumeReplay();
    }
    await pair.waitForReplay();
    // Caught up: the plain view shows the new date, and the writer is back on the replica.
    const caughtUp = await r.read(null, viewOn);
    expect(caughtUp).not.toBe(before);
    const lsn = await primaryWalLsn(primary.db);
    statements.primary = 0;
    statements.replica = 0;
    expect(await router().read(lsn, viewOn)).toBe(caughtUp);
    expect(statements).toEqual({ primary: 0, replica: 2 }); // the replay position, then the view
  });

  it('costs a patron without a pending write no extra round trip, and a cached replay position none either', async () => {
    const r = router();
    statements.primary = 0;
    statements.replica = 0;
    await r.read(null, viewOn);
    expect(statements).toEqual({ primary: 0, replica: 1 });

    const lsn = await primaryWalLsn(primary.db);
    await pair.waitForReplay();
    statements.primary = 0;
    statements.replica = 0;
    await r.read(lsn, viewOn); // asks the replica how far it is
    await r.read(lsn, viewOn); // knows it already
    expect(statements).toEqual({ primary: 0, replica: 3 });
  });

  it('compares positions as WAL positions', async () => {
    const lsn = await primaryWalLsn(primary.db);
    expect(parseLsn(lsn)).not.toBeNull();
  });

  it('a slow replica: the read goes to the primary after the timeout, and is logged', async () => {
    const failures: ReplicaFailure[] = [];
    const r = router({ timeoutMs: 200, onFallback: (f) => failures.push(f) });
    // Only the replica's answer is slow: the same read on the primary is quick.
    const slowOnReplica = async (db: DbHandle['db']) => {
      if (db === replica.db) await db.execute(sql`select pg_sleep(1)`);
      return viewOn(db);
    };
    expect(await r.read(null, slowOnReplica)).toBe(await viewOn(primary.db));
    expect(failures).toMatchObject([{ stage: 'read', reason: 'timeout' }]);
  });

  describe('the app: DATABASE_REPLICA_URL, a signed-in browser, the renew action and the loans page loader', () => {
    let session: string;
    /** A browser of the account: its session cookie, and the pending write when it has one. */
    const browser = (pending?: string) => {
      ctx.jar.clear();
      ctx.jar.set(sessionCookieName(), session);
      if (pending) ctx.jar.set(PENDING_WRITE_COOKIE, pending);
    };
    let PENDING_WRITE_COOKIE: string;

    beforeAll(async () => {
      process.env.DATABASE_URL = pair.primaryUrl(DATABASE);
      process.env.DATABASE_REPLICA_URL = pair.replicaUrl(DATABASE);
      process.env.AUTH_SECRET = SECRET;
      process.env.DATABASE_REPLICA_TIMEOUT_MS = String(SLOW_MACHINE_MS);
      resetEnvForTests();
      ({ PENDING_WRITE_COOKIE } = await import('@/lib/auth/read-routing'));
      const now = Math.floor(Date.now() / 1000);
      session = await encode({ token: { ...newSessionClaims(account.accountId, account.sessionVersion, now, 'replica-suite-session-0001') }, secret: SECRET, maxAge: 3600 });
    });

    it('renewing with replay paused: the page shows the new due date at once; another browser still the old', async () => {
      const { renewLoans } = await import('@/lib/actions/renew-loans');
      const { loadLoansView } = await import('@/lib/data/loaders');
      await pair.waitForReplay();
      browser();
      const before = dueOf(await loadLoansView(account, slug));

      await pair.pauseReplay();
      try {
        const result = await renewLoans({ requestKey: crypto.randomUUID(), all: true, cardSlug: slug });
        expect(result.ok).toBe(true);
        const pending = ctx.jar.get(PENDING_WRITE_COOKIE);
        expect(pending).toMatch(new RegExp(`^${account.accountId}\\.[0-9A-F]+/[0-9A-F]+\\.\\d+$`));
        const mine = dueOf(await loadLoansView(account, slug));
        expect(mine).not.toBe(before);
        expect(mine).toBe(await viewOn(primary.db));
        // The same account in a browser without the cookie reads the replica: still the old date.
        browser();
        expect(dueOf(await loadLoansView(account, slug))).toBe(before);
      } finally {
        await pair.resumeReplay();
      }
      await pair.waitForReplay();
      browser();
      expect(dueOf(await loadLoansView(account, slug))).toBe(await viewOn(primary.db));
    });

    it("a page's session check reads the replica; the check guarding a write reads the primary", async () => {
      const { getSignedInAccount } = await import('@/lib/auth/session');
      browser();
      expect(await getSignedInAccount()).toEqual(account);
      await pair.pauseReplay();
      try {
        // "Sign out everywhere" on the primary: the session version moves on.
        await primary.db.update(accounts).set({ sessionVersion: account.sessionVersion + 1 }).where(eq(accounts.id, account.accountId));
        // The replica has not replayed it: a page still counts the session for that moment …
        expect(await getSignedInAccount()).toEqual(account);
        // … but no write goes through with it.
        expect(await getSignedInAccount('write')).toBeNull();
        const { renewLoans } = await import('@/lib/actions/renew-loans');
        expect(await renewLoans({ requestKey: crypto.randomUUID(), all: true, cardSlug: slug })).toMatchObject({ ok: false, code: 'unauthenticated' });
      } finally {
        await pair.resumeReplay();
      }
      await pair.waitForReplay();
      expect(await getSignedInAccount()).toBeNull();
      await primary.db.update(accounts).set({ sessionVersion: account.sessionVersion }).where(eq(accounts.id, account.accountId));
      await pair.waitForReplay();
    });

    it('the replica down: every page still answers, from the primary', async () => {
      const { loadLoansView } = await import('@/lib/data/loaders');
      browser();
      pair.stopReplica();
      try {
        expect(dueOf(await loadLoansView(account, slug))).toBe(await viewOn(primary.db));
        expect(dueOf(await loadLoansView(account, slug))).toBe(await viewOn(primary.db));
      } finally {
        await pair.startReplica();
      }
    });
  });

  it('a replica that refuses connections: the router falls back, and stays on the primary a while', async () => {
    const failures: ReplicaFailure[] = [];
    const r = router({ onFallback: (f) => failures.push(f) });
    pair.stopReplica();
    try {
      statements.primary = 0;
      expect(await r.read(null, viewOn)).toBe(await viewOn(primary.db));
      expect(failures).toMatchObject([{ stage: 'read', reason: 'error' }]);
      // The next read does not try the replica again (no second failure), it goes to the primary.
      expect(await r.read(null, viewOn)).toBe(await viewOn(primary.db));
      expect(failures).toHaveLength(1);
    } finally {
      await pair.startReplica();
    }
  });
});
