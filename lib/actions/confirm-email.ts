'use server';
import 'server-only';
// E-mail change: the confirmation from the link mailed to the new address (the token
// decides), built with publicAction (confirm-email-core.ts). The request itself comes from account
// settings (lib/actions/account-settings.ts).
import type { EmailLinkKind } from '@/lib/domain/email-link';
import { formDataToObject } from './account-action';
import { emailConfirmation } from './confirm-email-core';

export type { EmailLinkKind };

export type ConfirmEmailState =
  | { status: 'idle' }
  | { status: 'done'; email: string; kind: EmailLinkKind }
  | { status: 'error'; code: 'invalid_link' | 'server_error' };

export async function confirmEmailAction(_previous: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  const result = await emailConfirmation.serve(formDataToObject(formData));
  return result.ok
    ? { status: 'done', email: result.data.email, kind: result.data.kind }
    : { status: 'error', code: result.code as 'invalid_link' | 'server_error' };
}
