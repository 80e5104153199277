'use server';
import 'server-only';
// E-mail change (issue 8 §4): the request from account settings (signed in, current password
// asked again) and the confirmation from the link mailed to the new address (the token decides).
import { z } from 'zod';
import { confirmEmailChange, requestEmailChangeForAccount } from '@/lib/data/recovery';
import { accountAction, fail, formDataToObject, ok, type ActionResult } from './account-action';
import { logActionFailure, recoveryContext } from './recovery-context';

export type ConfirmEmailState =
  | { status: 'idle' }
  | { status: 'done'; email: string }
  | { status: 'error'; code: 'invalid_link' | 'server_error' };

export async function confirmEmailAction(_previous: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  try {
    const { token } = formDataToObject(formData);
    const { db, deps } = await recoveryContext();
    const result = await confirmEmailChange(db, typeof token === 'string' ? token : '', deps);
    return result.ok ? { status: 'done', email: result.email } : { status: 'error', code: result.code };
  } catch (error) {
    logActionFailure('confirmEmail', error);
    return { status: 'error', code: 'server_error' };
  }
}

const emailChangeInput = z.object({
  newEmail: z.string().max(254),
  currentPassword: z.string().min(1).max(512),
});

const requestEmailChangeBody = accountAction(emailChangeInput, async (input, { account, db }): Promise<ActionResult<{ email: string }>> => {
  const { deps } = await recoveryContext();
  const result = await requestEmailChangeForAccount(db, account, input.newEmail, { ...deps, currentPassword: input.currentPassword });
  if (result.ok) return ok({ email: result.email });
  return result.code === 'throttled' ? fail('throttled', { retryAfterSeconds: result.retryAfterSeconds }) : fail(result.code);
});

/** For account settings: `{ newEmail, currentPassword }` → a link to the new address; nothing changes yet. */
export async function requestEmailChange(raw: unknown): Promise<ActionResult<{ email: string }>> {
  return requestEmailChangeBody(raw);
}

export type EmailChangeFormState =
  | { status: 'idle' }
  | { status: 'requested'; email: string }
  | { status: 'error'; code: string; retryAfterSeconds?: number };

/** The same for a `useActionState` form (components/recovery/email-change-form.tsx). */
export async function requestEmailChangeForm(_previous: EmailChangeFormState, formData: FormData): Promise<EmailChangeFormState> {
  const result = await requestEmailChangeBody(formData);
  if (result.ok) return { status: 'requested', email: result.data.email };
  return { status: 'error', code: result.code, retryAfterSeconds: result.retryAfterSeconds };
}
