'use server';
import 'server-only';
// Choosing a new password from a recovery link (issue 8 §2). The token is the only authority.
import type { PasswordProblem } from '@/lib/auth/password-policy';
import { resetPassword } from '@/lib/data/recovery';
import { formDataToObject } from './account-action';
import { logActionFailure, recoveryContext } from './recovery-context';

export type ResetPasswordState =
  | { status: 'idle' }
  | { status: 'done' }
  | { status: 'error'; code: 'invalid_link' | 'mismatch' | 'server_error' | PasswordProblem };

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  try {
    const input = formDataToObject(formData);
    const { db, deps } = await recoveryContext();
    const result = await resetPassword(db, { token: text(input.token), password: text(input.password), confirm: text(input.confirm) }, deps);
    return result.ok ? { status: 'done' } : { status: 'error', code: result.code };
  } catch (error) {
    logActionFailure('resetPassword', error);
    return { status: 'error', code: 'server_error' };
  }
}
