import 'server-only';
// P2: after a patron record is linked to an account or unlinked from it, a short notice to the
// account's address — only when that address is verified (accounts.email_verified): an address
// nobody confirmed gets no mail about the account. The notice names the libraries, never a card
// number. It runs where the caller's MailDeps say (after the response in the server actions).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, libraries } from '@/db/schema';
import { mailLocaleOf, runDeferred, type MailDeps } from '@/lib/mail/deferred';
import { linkChangeMail, type LinkChange } from '@/lib/mail/link-mails';

/** Which libraries the notice names: the proved card's library, or every library of the patron record. */
export type LinkChangeSubject = { libraryId: number } | { patronId: number };

export function mailLinkChange(
  db: Executor,
  deps: MailDeps,
  accountId: number,
  change: LinkChange,
  subject: LinkChangeSubject,
  at: Date,
): void | Promise<void> {
  return runDeferred(deps, `membership ${change} notice`, async () => {
    const [account] = await db
      .select({ email: accounts.email, username: accounts.username, locale: accounts.locale, verified: accounts.emailVerified })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    if (!account?.verified) return;
    const names = await db
      .selectDistinct({ name: libraries.name })
      .from(libraries)
      .where(
        'libraryId' in subject
          ? eq(libraries.id, subject.libraryId)
          : sql`${libraries.id} in (select library_id from memberships where patron_id = ${subject.patronId}::int
                                    union select library_id from cards where patron_id = ${subject.patronId}::int)`,
      )
      .orderBy(libraries.name);
    const libraryNames = names.map((r) => r.name);
    await deps.mailer.send(
      linkChangeMail({ email: account.email, username: account.username, locale: mailLocaleOf(account.locale) }, change, libraryNames, at),
    );
  });
}

