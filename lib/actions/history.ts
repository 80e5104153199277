'use server';
import 'server-only';
// Server actions for the lending history (H1): thin wrappers — session and zod (accountAction),
// then the P3-scoped core in history-core.ts, then the history page is re-rendered.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { todayInBrussels } from '@/lib/domain/dates';
import { accountAction } from './account-action';
import { clearHistoryForAccount, setHistoryRecordingForAccount } from './history-core';

const card = z.string().min(1).max(80);

/** Switches recording of the lending history on or off for the card's patron records. */
export const setHistoryRecording = accountAction(
  z.object({ card, enabled: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]) }),
  async (input, { db, account }) => {
    const result = await setHistoryRecordingForAccount(db, account, input, todayInBrussels(new Date()));
    if (result.ok) revalidatePath('/cards/[card]/history', 'page');
    return result;
  },
);

/** Clears (hides) the whole lending history of the card. */
export const clearHistory = accountAction(z.object({ card }), async (input, { db, account }) => {
  const result = await clearHistoryForAccount(db, account, input);
  if (result.ok) revalidatePath('/cards/[card]/history', 'page');
  return result;
});

// The same two for the history page's <form action> (useActionState), so both work before (and
// without) JavaScript: the browser POSTs the form and the page re-renders with the answer.

/** `setHistoryRecording` for a form: `card`, `enabled` ("true"/"false"). */
export async function setHistoryRecordingForm(_previous: unknown, formData: FormData) {
  return setHistoryRecording(formData);
}

/** `clearHistory` for a form: `card`. */
export async function clearHistoryForm(_previous: unknown, formData: FormData) {
  return clearHistory(formData);
}
