import 'server-only';
// P2 unlink: any linked patron record but the last. The library keeps the record, its memberships
// and loans; only the account's link goes. Every other session of the account ends (the session
// version goes up); the caller re-issues this browser's session for the new version.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountPatrons, accounts } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import type { UnlinkInput } from '@/lib/auth/identity-input';
import { patronLibraries, recordPerLibrary } from './change-log';
import { fail, ok, type ActionResult } from './account-action';
import type { MailDeps } from '@/lib/mail/deferred';
import { mailLinkChange } from './link-change-mail';

export type UnlinkResult = ActionResult<{ sessionVersion: number }>;

export async function unlinkPatronForAccount(
  db: Db,
  account: SignedInAccount,
  input: UnlinkInput,
  /** Where the notice to the account's verified address goes; without it no mail is sent. */
  mail?: MailDeps,
  now = new Date(),
): Promise<UnlinkResult> {
  const result = await db.transaction(async (tx): Promise<UnlinkResult> => {
    // Locks the account: two unlinks at once cannot both pass the "not the last" check.
    const [me] = await tx
      .select({ sessionVersion: accounts.sessionVersion })
      .from(accounts)
      .where(eq(accounts.id, account.accountId))
      .for('update');
    if (!me || me.sessionVersion !== account.sessionVersion) return fail('unauthenticated');
    const links = await tx
      .select({ patronId: accountPatrons.patronId })
      .from(accountPatrons)
      .where(eq(accountPatrons.accountId, account.accountId));
    // P3: a record not linked to this account is, for this account, not there at all.
    if (!links.some((l) => l.patronId === input.patronId)) return fail('not_found');
    if (links.length <= 1) return fail('last_link');
    await tx
      .delete(accountPatrons)
      .where(and(eq(accountPatrons.accountId, account.accountId), eq(accountPatrons.patronId, input.patronId)));
    // Change log: one row per library where the unlinked record has a membership (it keeps them).
    await recordPerLibrary(tx, account.accountId, 'membership_unlinked', patronLibraries(input.patronId));
    const [bumped] = await tx
      .update(accounts)
      .set({ sessionVersion: sql`${accounts.sessionVersion} + 1` })
      .where(eq(accounts.id, account.accountId))
      .returning({ sessionVersion: accounts.sessionVersion });
    return ok({ sessionVersion: bumped!.sessionVersion });
  });
  // After the commit: the notice names the record's libraries (it keeps them), never a card number.
  if (result.ok && mail) await mailLinkChange(db, mail, account.accountId, 'unlinked', { patronId: input.patronId }, now);
  return result;
}
