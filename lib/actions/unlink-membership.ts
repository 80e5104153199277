'use server';
import 'server-only';
// P2: unlink a patron record (not the last). Other sessions of the account end; this one goes on
// with a token for the new session version.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getMailer } from '@/lib/mail/transport';
import { reissueSession } from '@/lib/auth/session-reissue';
import { unlinkInput } from '@/lib/auth/identity-input';
import { accountAction, type ActionResult } from './account-action';
import { unlinkPatronForAccount } from './unlink-membership-core';

const unlink = accountAction(unlinkInput, async (input, { account, db }) => {
  const result = await unlinkPatronForAccount(db, account, input, { mailer: getMailer(), defer: (task) => after(task) });
  if (!result.ok) return result;
  await reissueSession(result.data.sessionVersion);
  revalidatePath('/', 'layout');
  return { ok: true as const, data: null };
});

export async function unlinkMembership(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  return unlink(formData);
}

/**
 * The same for the unlink form posted before (or without) JavaScript: on success the browser is
 * sent where the script sends it (the memberships page saying it is done); a failure is the answer
 * the page re-renders with.
 */
export async function unlinkMembershipForm(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const result = await unlink(formData);
  if (result.ok) redirect('/memberships?unlinked=1');
  return result;
}
