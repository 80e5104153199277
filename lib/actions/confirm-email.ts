'use server';
import 'server-only';
// E-mail change (issue 8 §4): the confirmation from the link mailed to the new address (the token
// decides). The request itself comes from account settings (lib/actions/account-settings.ts).
import { confirmEmailChange, type EmailLinkKind } from '@/lib/data/recovery';
import { formDataToObject } from './account-action';
import { logActionFailure, recoveryContext } from './recovery-context';

export type { EmailLinkKind };

export type ConfirmEmailState =
  | { status: 'idle' }
  | { status: 'done'; email: string; kind: EmailLinkKind }
  | { status: 'error'; code: 'invalid_link' | 'server_error' };

export async function confirmEmailAction(_previous: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  try {
    const { token } = formDataToObject(formData);
    const { db, deps } = await recoveryContext();
    const result = await confirmEmailChange(db, typeof token === 'string' ? token : '', deps);
    return result.ok ? { status: 'done', email: result.email, kind: result.kind } : { status: 'error', code: result.code };
  } catch (error) {
    logActionFailure('confirmEmail', error);
    return { status: 'error', code: 'server_error' };
  }
}
