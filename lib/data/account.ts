import 'server-only';
// The account settings page in one query: username, e-mail address (and whether it is verified),
// reminder lead time, mail
// language, automatic renewal and whether a calendar feed link exists (P3: by the account's own id only).
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, calendarFeeds } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';

export interface AccountSettingsView {
  username: string;
  email: string;
  /** Whether the address is verified; until then no recovery mail or reminder goes there. */
  emailVerified: boolean;
  /** Days ahead for the due-date reminder (1–7); null: reminders off. */
  reminderDays: number | null;
  locale: 'nl' | 'en';
  /** Opted in to automatic renewal the night before the due date. */
  autoRenew: boolean;
  /** When the account's calendar feed link was made (ISO); null: there is none. */
  calendarFeedCreatedAt: string | null;
}

export async function getAccountSettings(db: Executor, account: SignedInAccount): Promise<AccountSettingsView | null> {
  const [row] = await db
    .select({
      username: accounts.username,
      email: accounts.email,
      emailVerified: accounts.emailVerified,
      reminderDays: accounts.reminderDays,
      locale: accounts.locale,
      autoRenew: accounts.autoRenew,
      calendarFeedCreatedAt: calendarFeeds.createdAt,
    })
    .from(accounts)
    .leftJoin(calendarFeeds, eq(calendarFeeds.accountId, accounts.id))
    .where(eq(accounts.id, account.accountId));
  if (!row) return null;
  return {
    ...row,
    locale: row.locale === 'en' ? 'en' : 'nl',
    calendarFeedCreatedAt: row.calendarFeedCreatedAt ? new Date(row.calendarFeedCreatedAt).toISOString() : null,
  };
}
