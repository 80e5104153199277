import 'server-only';
// The signed-in account of this request. The JWT proves who signed in; the database says whether
// that session still counts (session version: password change, "sign out everywhere", unlinking;
// ended sessions: signed out), in one statement (lib/auth/session-store.ts).
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb, hasReplica } from '../../db/client';
import { accounts } from '../../db/schema';
import { safeReturnPath } from '../security/safe-return-path';
import { readFor } from './read-routing';
import { authSecret } from './secret';
import { sessionCookieName } from './session-cookie';
import { decodeSessionToken } from './session-token';
import { judgeSession } from './session-policy';
import { sessionStillCounts } from './session-store';

/** Who is asking: what every data function and server action takes (P3). */
export interface SignedInAccount {
  accountId: number;
  sessionVersion: number;
}

interface PortalSession {
  accountId?: number;
  sv?: number;
  sid?: string;
  authTime?: number;
  seen?: number;
}

/**
 * The claims of this request's session cookie (lib/auth/options.ts writes them), or null. Decoded
 * here with next-auth's own `decode` (the same secret, cookie and expiry check as next-auth) rather
 * than through getServerSession: that runs next-auth's whole session route — options, a CSRF token,
 * the callbacks and a re-encrypted cookie that a server component cannot even set — on every page
 * (issue 16: the per-request cost every page pays). The sliding refresh of the cookie is proxy.ts's.
 */
async function sessionClaims(): Promise<PortalSession | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decodeSessionToken(raw, authSecret());
  if (!token) return null;
  // As the session callback of authOptions maps them.
  return { accountId: Number(token.sub), sv: token.sv as number | undefined, sid: token.sid as string | undefined, authTime: token.authTime as number | undefined, seen: token.seen as number | undefined };
}

/**
 * The account of this request, or null. Cached per request: one look-up however often it is asked.
 * 'write' is the check that guards a write (accountAction): with a replica it reads the primary, so
 * a session ended a moment ago never writes because the replica had not replayed its end yet;
 * without one it is the same single cached statement as a view's.
 */
export const getSignedInAccount = cache(async (purpose: 'view' | 'write' = 'view'): Promise<SignedInAccount | null> =>
  purpose === 'write' && hasReplica() ? signedInAccount('write') : viewCheck(),
);

const viewCheck = cache(async () => signedInAccount('view'));

/** A view's check may read the replica (lib/auth/read-routing.ts); a write's reads the primary. */
async function signedInAccount(purpose: 'view' | 'write'): Promise<SignedInAccount | null> {
  const session = await sessionClaims();
  if (!session?.accountId || typeof session.sv !== 'number') return null;
  // A token without a session id (issued before sessions had one) cannot be ended alone: refused.
  if (typeof session.sid !== 'string') return null;
  const now = Math.floor(Date.now() / 1000);
  if (judgeSession({ authTime: session.authTime ?? 0, seen: session.seen ?? 0 }, now) !== 'valid') return null;
  const claims = { accountId: session.accountId, sessionVersion: session.sv, sessionId: session.sid };
  const counts = purpose === 'write' ? await sessionStillCounts(await getDb(), claims) : await readFor(session.accountId, (db) => sessionStillCounts(db, claims));
  return counts ? { accountId: session.accountId, sessionVersion: session.sv } : null;
}

/** For portal pages: the account, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireAccount(returnTo: string): Promise<SignedInAccount> {
  const account = await getSignedInAccount();
  if (!account) redirect(`/login?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return account;
}
