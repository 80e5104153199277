import 'server-only';
// The account settings page: the account's own username and e-mail address (P3: by its id only).
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';

export interface AccountSettingsView {
  username: string;
  email: string;
}

export async function getAccountSettings(db: Executor, account: SignedInAccount): Promise<AccountSettingsView | null> {
  const [row] = await db
    .select({ username: accounts.username, email: accounts.email })
    .from(accounts)
    .where(eq(accounts.id, account.accountId));
  return row ?? null;
}
