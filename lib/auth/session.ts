import 'server-only';
// The signed-in account of this request. The JWT proves who signed in; the database says whether
// that session still counts (session version: password change, "sign out everywhere", unlinking).
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '../../db/client';
import { accounts } from '../../db/schema';
import { safeReturnPath } from '../security/safe-return-path';
import { authOptions } from './options';
import { judgeSession } from './session-policy';

/** Who is asking: what every data function and server action takes (P3). */
export interface SignedInAccount {
  accountId: number;
  sessionVersion: number;
}

interface PortalSession {
  accountId?: number;
  sv?: number;
  authTime?: number;
  seen?: number;
}

/** The account of this request, or null. Cached per request: one look-up however often it is asked. */
export const getSignedInAccount = cache(async (): Promise<SignedInAccount | null> => {
  const session = (await getServerSession(authOptions())) as PortalSession | null;
  if (!session?.accountId || typeof session.sv !== 'number') return null;
  const now = Math.floor(Date.now() / 1000);
  if (judgeSession({ authTime: session.authTime ?? 0, seen: session.seen ?? 0 }, now) !== 'valid') return null;
  const db = await getDb();
  const [row] = await db
    .select({ sessionVersion: accounts.sessionVersion })
    .from(accounts)
    .where(eq(accounts.id, session.accountId));
  if (!row || row.sessionVersion !== session.sv) return null;
  return { accountId: session.accountId, sessionVersion: session.sv };
});

/** For portal pages: the account, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireAccount(returnTo: string): Promise<SignedInAccount> {
  const account = await getSignedInAccount();
  if (!account) redirect(`/login?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return account;
}
