'use server';
import 'server-only';
// Choosing a new password from a recovery link, built with publicAction
// (reset-password-core.ts). The token is the only authority.
// On success the patron goes to sign-in, which says the password was changed: the reset page itself
// cannot say so once more — re-rendered after a post without JavaScript, its link is
// used up and it would show "this link does not work any more".
import { redirect } from 'next/navigation';
import type { PasswordProblem } from '@/lib/auth/password-policy';
import { formDataToObject } from './account-action';
import { passwordReset } from './reset-password-core';

export type ResetPasswordState =
  | { status: 'idle' }
  | { status: 'error'; code: 'invalid_link' | 'mismatch' | 'server_error' | PasswordProblem };

export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const result = await passwordReset.serve(formDataToObject(formData));
  if (!result.ok) return { status: 'error', code: result.code as Extract<ResetPasswordState, { status: 'error' }>['code'] };
  // Outside the builder: redirect() travels as an error.
  redirect('/login?passwordReset=1');
}
