import 'server-only';
// The signed-in account of this request. The JWT proves who signed in; the database says whether
// that session still counts (session version: password change, "sign out everywhere", unlinking;
// ended sessions: signed out), in one statement (lib/auth/session-store.ts).
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '../../db/client';
import { accounts } from '../../db/schema';
import { safeReturnPath } from '../security/safe-return-path';
import { authOptions } from './options';
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

/** The account of this request, or null. Cached per request: one look-up however often it is asked. */
export const getSignedInAccount = cache(async (): Promise<SignedInAccount | null> => {
  const session = (await getServerSession(authOptions())) as PortalSession | null;
  if (!session?.accountId || typeof session.sv !== 'number') return null;
  // A token without a session id (issued before sessions had one) cannot be ended alone: refused.
  if (typeof session.sid !== 'string') return null;
  const now = Math.floor(Date.now() / 1000);
  if (judgeSession({ authTime: session.authTime ?? 0, seen: session.seen ?? 0 }, now) !== 'valid') return null;
  const counts = await sessionStillCounts(await getDb(), { accountId: session.accountId, sessionVersion: session.sv, sessionId: session.sid });
  return counts ? { accountId: session.accountId, sessionVersion: session.sv } : null;
});

/** For portal pages: the account, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireAccount(returnTo: string): Promise<SignedInAccount> {
  const account = await getSignedInAccount();
  if (!account) redirect(`/login?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return account;
}
