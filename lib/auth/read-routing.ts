import 'server-only';
// Read-your-writes with a streaming replica (docs/operations.md, "Read replicas"). After a patron's
// write commits, rememberWrite() puts the primary's WAL position in a short-lived httpOnly cookie;
// readFor() sends that patron's reads to the primary until the replica has replayed it, everyone
// else's to the replica (db/replica-routing.ts). Without DATABASE_REPLICA_URL both are the primary
// and neither sends a statement or reads a cookie: the statement counts are those without replicas.
// The cookie is not signed: all a changed cookie can do is send its own browser to the primary, for
// at most PENDING_WRITE_SECONDS.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getDb, getReadDb, hasReplica, type Db } from '@/db/client';
import { primaryWalLsn, ReplicaRouter } from '@/db/replica-routing';
import { env } from '@/lib/env';
import { logger, safe } from '@/lib/log';
import { sessionCookieAttributes } from './session-cookie';

export const PENDING_WRITE_COOKIE = 'mb-pending-write';
/** A replica more than this behind is broken, not lagging; the cookie is gone by then. */
export const PENDING_WRITE_SECONDS = 120;

const pendingWrite = z.string().regex(/^(\d{1,12})\.([0-9A-F]{1,8}\/[0-9A-F]{1,8})\.(\d{1,12})$/i);

/** `<account>.<lsn>.<expires, epoch seconds>` */
export function encodePendingWrite(accountId: number, lsn: string, nowSeconds: number): string {
  return `${accountId}.${lsn}.${nowSeconds + PENDING_WRITE_SECONDS}`;
}

/** The LSN this account waits for, or null (no cookie, another account's, expired, or malformed). */
export function pendingLsnOf(value: string | undefined, accountId: number, nowSeconds: number): string | null {
  const parsed = pendingWrite.safeParse(value);
  if (!parsed.success) return null;
  const [account, lsn, expires] = parsed.data.split('.');
  // A cookie claiming a longer life than any we set was made by hand: it counts for nothing.
  const expiresAt = Number(expires);
  if (Number(account) !== accountId || expiresAt < nowSeconds || expiresAt > nowSeconds + PENDING_WRITE_SECONDS) return null;
  return lsn ?? null;
}

/** drizzle wraps a failed query in an error of its own; the server's code is on the cause. */
function causeOf(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

const globalForRouter = globalThis as unknown as { __mbReplicaRouter?: ReplicaRouter };

function router(): ReplicaRouter {
  globalForRouter.__mbReplicaRouter ??= new ReplicaRouter({
    primary: getDb,
    replica: getReadDb,
    timeoutMs: env().DATABASE_REPLICA_TIMEOUT_MS,
    onFallback: (failure) =>
      logger().warn({ replica: failure.stage, reason: failure.reason, ...(failure.error ? safe.error(causeOf(failure.error)) : {}) }, 'replica unavailable: reading from the primary'),
  });
  return globalForRouter.__mbReplicaRouter;
}

/**
 * Runs a read for this account (null: a public read, no session) on the replica or, when the account
 * waits for its own write or the replica fails, on the primary. `run` must only read.
 */
export async function readFor<T>(accountId: number | null, run: (db: Db) => Promise<T>): Promise<T> {
  if (!hasReplica()) return run(await getDb());
  const pending = accountId === null ? null : pendingLsnOf((await cookies()).get(PENDING_WRITE_COOKIE)?.value, accountId, Math.floor(Date.now() / 1000));
  return router().read(pending, run);
}

/**
 * After a write of this account's request committed (server actions, sign-in): remembers the
 * primary's WAL position so that the account's next reads wait for the replica to replay it. Never
 * throws: the write is done, and the worst a missing mark does is show a page a moment old.
 */
export async function rememberWrite(accountId: number): Promise<void> {
  if (!hasReplica()) return;
  try {
    const lsn = await primaryWalLsn(await getDb());
    (await cookies()).set(PENDING_WRITE_COOKIE, encodePendingWrite(accountId, lsn, Math.floor(Date.now() / 1000)), sessionCookieAttributes(PENDING_WRITE_SECONDS));
  } catch (error) {
    logger().warn({ accountId, ...safe.error(error) }, 'could not record the write position for read-your-writes');
  }
}
