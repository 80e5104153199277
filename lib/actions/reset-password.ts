'use server';
import 'server-only';
// Choosing a new password from a recovery link (issue 8 §2). The token is the only authority.
// On success the patron goes to sign-in, which says the password was changed: the reset page itself
// cannot say so once more — re-rendered after a post without JavaScript (issue 11 C), its link is
// used up and it would show "this link does not work any more".
import { redirect } from 'next/navigation';
import type { PasswordProblem } from '@/lib/auth/password-policy';
import { resetPassword } from '@/lib/data/recovery';
import { formDataToObject } from './account-action';
import { logActionFailure, recoveryContext } from './recovery-context';

export type ResetPasswordState =
  | { status: 'idle' }
  | { status: 'error'; code: 'invalid_link' | 'mismatch' | 'server_error' | PasswordProblem };

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  try {
    const input = formDataToObject(formData);
    const { db, deps } = await recoveryContext();
    const result = await resetPassword(db, { token: text(input.token), password: text(input.password), confirm: text(input.confirm) }, deps);
    if (!result.ok) return { status: 'error', code: result.code };
  } catch (error) {
    logActionFailure('resetPassword', error);
    return { status: 'error', code: 'server_error' };
  }
  // Outside the try: redirect() travels as an error.
  redirect('/login?passwordReset=1');
}
