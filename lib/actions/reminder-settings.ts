'use server';
import 'server-only';
// The reminder lead time (1–7 days, or off), the language of mails and the opt-in
// automatic renewal the night before (a checkbox: present = on), for the signed-in account only.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '@/db/schema';
import { accountAction, ok } from './account-action';

const input = z.object({
  reminderDays: z.union([z.literal('off'), z.coerce.number().int().min(1).max(7)]),
  locale: z.enum(['nl', 'en']),
  autoRenew: z.literal('on').optional(),
});

const save = accountAction(input, async ({ reminderDays, locale, autoRenew }, { account, db }) => {
  await db
    .update(accounts)
    .set({ reminderDays: reminderDays === 'off' ? null : reminderDays, locale, autoRenew: autoRenew === 'on' })
    .where(eq(accounts.id, account.accountId));
  return ok(undefined);
});

export type ReminderSettingsState = { status: 'idle' } | { status: 'saved' } | { status: 'error'; code: string };

export async function saveReminderSettings(_previous: ReminderSettingsState, formData: FormData): Promise<ReminderSettingsState> {
  const result = await save(formData);
  return result.ok ? { status: 'saved' } : { status: 'error', code: result.code };
}
