'use server';
import 'server-only';
// P2: unlink a patron record (not the last). Other sessions of the account end; this one goes on
// with a token for the new session version.
import { revalidatePath } from 'next/cache';
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
