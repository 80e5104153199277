'use server';
import 'server-only';
// "Begrepen" on a card's notice (a change a library did not take over): thin wrapper — session and zod (accountAction), the
// account-scoped core in dismiss-notice-core.ts, then every page of the card is re-rendered without
// the notice. `dismissNoticeForm` is the same for a <form action> with useActionState, so the
// button works before (and without) JavaScript.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { accountAction, type ActionResult } from './account-action';
import { dismissNoticeForAccount } from './dismiss-notice-core';

const dismiss = accountAction(
  z.object({ changeId: z.coerce.number().int().positive().max(2_147_483_647) }),
  async (input, { db, account }) => {
    const result = await dismissNoticeForAccount(db, account, input);
    if (result.ok) revalidatePath('/cards/[card]', 'layout');
    return result;
  },
  { name: 'dismissNotice' },
);

/** Hides one of the account's notices of a change a library did not take over. */
export async function dismissNotice(raw: unknown): Promise<ActionResult<{ changeId: number }>> {
  return dismiss(raw);
}

export async function dismissNoticeForm(
  _previous: ActionResult<{ changeId: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ changeId: number }>> {
  return dismiss(formData);
}
