// Which sessions still count (signing out ends a session on the server). A session is a JWT; the database decides whether it
// still counts, in one statement per request:
// - the account's session version (password change or reset, "sign out everywhere", unlinking
//   end every session of the account at once);
// - the ended sessions: signing out records the session's id (`sid`, random, in the JWT), so that
//   a copy of the cookie stops working the moment its owner signs out — not only when it expires.
// A row of `ended_sessions` is needed only while the JWT could still be valid (its 30-day absolute
// limit); older rows are removed whenever a session ends.
import { eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { executePrepared } from '../../db/prepared';
import { rowsOf } from '../../db/rows';
import { accounts, endedSessions } from '../../db/schema';
import { ABSOLUTE_TIMEOUT_SECONDS } from './session-policy';

/** The session id in the JWT: 128 random bits, base64url. */
export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

export function newSessionId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

/** What the check needs from the token (already past the idle and absolute limits). */
export interface LiveSessionClaims {
  accountId: number;
  sessionVersion: number;
  sessionId: string;
}

/**
 * Whether the session still counts: its account's version is the token's, and it was not signed
 * out. One statement, prepared on PostgreSQL (db/prepared.ts): every page view sends it.
 */
export async function sessionStillCounts(db: Db, claims: LiveSessionClaims): Promise<boolean> {
  if (!sessionIdSchema.safeParse(claims.sessionId).success) return false;
  const [row] = rowsOf<{ session_version: number; ended: boolean }>(
    await executePrepared(
      db,
      sql`select ${accounts.sessionVersion} as session_version,
                 exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${claims.sessionId}) as ended
            from ${accounts} where ${accounts.id} = ${claims.accountId}`,
    ),
  );
  return !!row && Number(row.session_version) === claims.sessionVersion && !row.ended;
}

const endedToken = z.object({
  sid: sessionIdSchema,
  sub: z.string().regex(/^[1-9][0-9]{0,9}$/),
  authTime: z.number().int().nonnegative(),
});

/**
 * Records that a session ended (sign-out), from its decoded JWT. A token without a valid session
 * id or account is ignored (it is refused per request anyway). Idempotent.
 */
export async function endSession(db: Db, token: unknown, now = new Date()): Promise<boolean> {
  const parsed = endedToken.safeParse(token);
  if (!parsed.success) return false;
  const accountId = Number(parsed.data.sub);
  if (accountId > 2_147_483_647) return false;
  const expiresAt = new Date((parsed.data.authTime + ABSOLUTE_TIMEOUT_SECONDS) * 1000);
  await db.transaction(async (tx) => {
    await tx.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
    // Only for an account that exists (the foreign key); the select makes a vanished one a no-op.
    await tx
      .insert(endedSessions)
      .select(
        tx
          .select({
            sessionId: sql<string>`${parsed.data.sid}`.as('session_id'),
            accountId: accounts.id,
            endedAt: sql<Date>`${now.toISOString()}::timestamptz`.as('ended_at'),
            expiresAt: sql<Date>`${expiresAt.toISOString()}::timestamptz`.as('expires_at'),
          })
          .from(accounts)
          .where(eq(accounts.id, accountId)),
      )
      .onConflictDoNothing();
  });
  return true;
}
