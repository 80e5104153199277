'use server';
import 'server-only';
// The calendar feed link of account settings: create (or replace) and revoke, for the signed-in
// account only.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { publicBaseUrl } from '@/lib/mail/transport';
import { accountAction, type ActionResult } from './account-action';
import { calendarFeedPath, createCalendarFeedForAccount, revokeCalendarFeedForAccount } from './calendar-feed-core';

const create = accountAction(z.object({}), async (_input, { account, db }) => {
  const result = await createCalendarFeedForAccount(db, account);
  if (!result.ok) return result;
  revalidatePath('/account');
  return { ok: true as const, data: { url: `${publicBaseUrl()}${calendarFeedPath(result.data.token)}` } };
});

const revoke = accountAction(z.object({}), async (_input, { account, db }) => {
  const result = await revokeCalendarFeedForAccount(db, account);
  if (result.ok) revalidatePath('/account');
  return result;
});

export type CalendarFeedState =
  | { status: 'idle' }
  | { status: 'created'; url: string }
  | { status: 'revoked' }
  | { status: 'error'; code: string };

/** One form, two buttons: `intent` is `create` or `revoke`. */
export async function calendarFeedAction(_previous: CalendarFeedState, formData: FormData): Promise<CalendarFeedState> {
  const intent = formData.get('intent');
  if (intent === 'revoke') {
    const result: ActionResult<null> = await revoke({});
    return result.ok ? { status: 'revoked' } : { status: 'error', code: result.code };
  }
  if (intent !== 'create') return { status: 'error', code: 'invalid_input' };
  const result = await create({});
  return result.ok ? { status: 'created', url: result.data.url } : { status: 'error', code: result.code };
}
