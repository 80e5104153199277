'use server';
import 'server-only';
// The reminder lead time (1–7 days, or off) and the language of mails, for the
// signed-in account only.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '@/db/schema';
import { accountAction, ok } from './account-action';

const input = z.object({
  reminderDays: z.union([z.literal('off'), z.coerce.number().int().min(1).max(7)]),
  locale: z.enum(['nl', 'en']),
});

const save = accountAction(input, async ({ reminderDays, locale }, { account, db }) => {
  await db
    .update(accounts)
    .set({ reminderDays: reminderDays === 'off' ? null : reminderDays, locale })
    .where(eq(accounts.id, account.accountId));
  return ok(undefined);
});

export type ReminderSettingsState = { status: 'idle' } | { status: 'saved' } | { status: 'error'; code: string };

export async function saveReminderSettings(_previous: ReminderSettingsState, formData: FormData): Promise<ReminderSettingsState> {
  const result = await save(formData);
  return result.ok ? { status: 'saved' } : { status: 'error', code: result.code };
}
