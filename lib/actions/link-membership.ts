'use server';
import 'server-only';
// P2/R14: link another card's patron record to the signed-in account (card number + PIN).
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { getMailer } from '@/lib/mail/transport';
import { headers } from 'next/headers';
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { linkInput } from '@/lib/auth/identity-input';
import { accountAction, type ActionResult } from './account-action';
import { librarySystems } from '@/lib/library-systems/registry';
import { linkPatronForAccount } from './link-membership-core';

const link = accountAction(linkInput, async (input, { account, db }) => {
  const result = await linkPatronForAccount(db, account, input, clientAddressFromHeaders(await headers()), new Date(), librarySystems(), {
    mailer: getMailer(),
    defer: (task) => after(task),
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
});

export async function linkMembership(
  _previous: ActionResult<{ patronId: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ patronId: number }>> {
  return link(formData);
}
