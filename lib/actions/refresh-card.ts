'use server';
import 'server-only';
// The refresh button of a card: thin wrapper — session and zod (accountAction), the P3-scoped core
// in refresh-card-core.ts (which waits for the bounded refresh), then every page of the card is
// re-rendered from the fresh copy. `refreshCardForm` is the same for a <form action> with
// useActionState, so the button works before (and without) JavaScript.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { librarySystems, librarySystemsConfig } from '@/lib/library-systems/registry';
import { accountAction, type ActionResult } from './account-action';
import { refreshCardForAccount, type RefreshCardSummary } from './refresh-card-core';

const refresh = accountAction(
  z.object({ card: z.string().min(1).max(80) }),
  async (input, { db, account }) => {
    const result = await refreshCardForAccount(db, librarySystems(), account, input, new Date(), {
      claimIntervalSeconds: librarySystemsConfig().refreshIntervalSeconds,
    });
    if (result.ok) {
      revalidatePath('/cards/[card]', 'layout');
      revalidatePath('/overview');
    }
    return result;
  },
  { name: 'refreshCard' },
);

/** Fetches the card's data from its linked libraries now. */
export async function refreshCard(raw: unknown): Promise<ActionResult<RefreshCardSummary>> {
  return refresh(raw);
}

export async function refreshCardForm(
  _previous: ActionResult<RefreshCardSummary> | null,
  formData: FormData,
): Promise<ActionResult<RefreshCardSummary>> {
  return refresh(formData);
}
