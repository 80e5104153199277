import 'server-only';
// P2/R14 link: the signed-in account proves another card with its number and PIN and gets that
// card's patron record linked. Never creates a patron record; a record linked to another account
// is refused without naming it. The PIN throttle is the one activation uses (shared per card).
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountPatrons, accounts } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { verifyCardPin } from '@/lib/auth/card-pin';
import { patronLibraries, recordPerLibrary } from './change-log';
import type { LinkInput } from '@/lib/auth/identity-input';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from '@/lib/library-systems/port';
import { fail, ok, type ActionResult } from './account-action';
import { cardPinFailure } from './card-pin-failure';
import { uniqueViolation } from './unique-violation';
import type { MailDeps } from '@/lib/mail/deferred';
import { mailLinkChange } from './link-change-mail';

export type LinkResult = ActionResult<{ patronId: number }>;

export async function linkPatronForAccount(
  db: Db,
  account: SignedInAccount,
  input: LinkInput,
  clientAddress: string,
  now = new Date(),
  systems: LibrarySystems = NO_LIBRARY_SYSTEMS,
  /** Where the notice to the account's verified address goes; without it no mail is sent. */
  mail?: MailDeps,
): Promise<LinkResult> {
  const card = await verifyCardPin(db, { cardNumber: input.cardNumber, pin: input.pin, library: input.library, clientAddress }, now, { systems });
  if (!card.ok) return cardPinFailure(card);
  let result: LinkResult;
  try {
    result = await db.transaction(async (tx) => {
      // The account row lock orders this against unlinking and "sign out everywhere".
      const [me] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, account.accountId)).for('update');
      if (!me) return fail('unauthenticated');
      const [existing] = await tx
        .select({ accountId: accountPatrons.accountId })
        .from(accountPatrons)
        .where(eq(accountPatrons.patronId, card.patronId));
      if (existing) return fail(existing.accountId === account.accountId ? 'already_linked_here' : 'linked_elsewhere');
      await tx.insert(accountPatrons).values({ accountId: account.accountId, patronId: card.patronId, linkedAt: now, linkedBy: 'card_pin' });
      // Change log: one row per library where the linked record has a membership.
      await recordPerLibrary(tx, account.accountId, 'membership_linked', patronLibraries(card.patronId));
      return ok({ patronId: card.patronId });
    });
  } catch (error) {
    // Another account linked the record between the check and the insert.
    if (uniqueViolation(error) !== null) return fail('linked_elsewhere');
    throw error;
  }
  // After the commit: the notice to the account's verified address (never the card number).
  if (result.ok && mail) await mailLinkChange(db, mail, account.accountId, 'linked', { libraryId: card.libraryId }, now);
  return result;
}
