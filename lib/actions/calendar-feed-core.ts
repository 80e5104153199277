import 'server-only';
// The account's private calendar feed link: create (a new secret replaces any earlier one, which
// stops working at once) and revoke. The secret is in the URL only; the database keeps its SHA-256
// (lib/auth/link-token.ts), so the link can be shown once, when it is made.
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { calendarFeeds } from '@/db/schema';
import { newToken } from '@/lib/auth/link-token';
import type { SignedInAccount } from '@/lib/auth/session';
import { ok, type ActionResult } from './account-action';

/** The feed's path for a secret; the page puts the portal's public address before it. */
export const calendarFeedPath = (token: string) => `/api/calendar/${token}`;

/** Makes a new feed secret for the account (replacing the old one) and returns it. */
export async function createCalendarFeedForAccount(db: Executor, account: SignedInAccount, now = new Date()): Promise<ActionResult<{ token: string }>> {
  const { token, hash } = newToken();
  await db
    .insert(calendarFeeds)
    .values({ accountId: account.accountId, tokenHash: hash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.accountId, set: { tokenHash: hash, createdAt: now } });
  return ok({ token });
}

/** Revokes the account's feed link: from now on it answers 404. */
export async function revokeCalendarFeedForAccount(db: Executor, account: SignedInAccount): Promise<ActionResult<null>> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.accountId, account.accountId));
  return ok(null);
}
