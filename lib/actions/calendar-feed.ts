'use server';
import 'server-only';
// The calendar feed link of account settings: create (or replace) and revoke, for the signed-in
// account only. One form, two buttons: `intent` is `create` or `revoke`.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { publicBaseUrl } from '@/lib/mail/transport';
import { accountAction, ok } from './account-action';
import { calendarFeedPath, createCalendarFeedForAccount, revokeCalendarFeedForAccount } from './calendar-feed-core';

const input = z.object({ intent: z.enum(['create', 'revoke']) });

const run = accountAction(input, async ({ intent }, { account, db }) => {
  if (intent === 'revoke') {
    const result = await revokeCalendarFeedForAccount(db, account);
    if (result.ok) revalidatePath('/account');
    return result.ok ? ok({ url: null }) : result;
  }
  const result = await createCalendarFeedForAccount(db, account);
  if (!result.ok) return result;
  revalidatePath('/account');
  // The whole link, shown once: the portal keeps only the hash of its secret.
  return ok({ url: `${publicBaseUrl()}${calendarFeedPath(result.data.token)}` as string | null });
});

export type CalendarFeedState =
  | { status: 'idle' }
  | { status: 'created'; url: string }
  | { status: 'revoked' }
  | { status: 'error'; code: string };

export async function calendarFeedAction(_previous: CalendarFeedState, formData: FormData): Promise<CalendarFeedState> {
  const result = await run(formData);
  if (!result.ok) return { status: 'error', code: result.code };
  return result.data.url ? { status: 'created', url: result.data.url } : { status: 'revoked' };
}
