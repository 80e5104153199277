'use server';
import 'server-only';
// Account settings: change password (other sessions end), change e-mail, verify the address (send
// its link again), sign out everywhere.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { changeEmailInput, changePasswordInput } from '@/lib/auth/identity-input';
import { clearSessionCookie, reissueSession } from '@/lib/auth/session-reissue';
import { accountAction, type ActionResult } from './account-action';
import { recoveryContext } from './recovery-context';
import {
  changeEmailForAccount,
  changePasswordForAccount,
  resendVerificationForAccount,
  signOutEverywhereForAccount,
} from './account-settings-core';

const password = accountAction(changePasswordInput, async (input, { account, db }) => {
  const result = await changePasswordForAccount(db, account, input);
  if (!result.ok) return result;
  await reissueSession(result.data.sessionVersion);
  return { ok: true as const, data: null };
});

const email = accountAction(changeEmailInput, async (input, { account, db }) => {
  const { deps } = await recoveryContext();
  const result = await changeEmailForAccount(db, account, input, deps);
  if (result.ok) revalidatePath('/account');
  return result;
});

const everywhere = accountAction(z.object({}), async (_input, { account, db }) => signOutEverywhereForAccount(db, account));

const verification = accountAction(z.object({}), async (_input, { account, db }) => {
  const { deps } = await recoveryContext();
  return resendVerificationForAccount(db, account, deps);
});

export async function changePassword(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  return password(formData);
}

export async function changeEmail(
  _previous: ActionResult<{ status: 'confirmation_sent'; email: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ status: 'confirmation_sent'; email: string }>> {
  return email(formData);
}

/** Sends the link that verifies the account's address again (throttled). */
export async function resendVerification(
  _previous: ActionResult<{ status: 'verification_sent'; email: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ status: 'verification_sent'; email: string }>> {
  return verification(formData);
}

/** Ends every session of the account, this one too, and goes to sign-in. */
export async function signOutEverywhere(_previous: ActionResult<null> | null, _formData: FormData): Promise<ActionResult<null>> {
  const result = await everywhere({});
  if (!result.ok && result.code !== 'unauthenticated') return result;
  await clearSessionCookie();
  redirect('/login?signedOut=everywhere');
}
