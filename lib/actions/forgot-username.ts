'use server';
import 'server-only';
// "Gebruikersnaam vergeten?": public, answers the same whether or not the address has accounts.
// Built with publicAction (forgot-username-core.ts).
import { formDataToObject } from './account-action';
import { usernameReminderRequest } from './forgot-username-core';
import { recoveryRequestState, type RecoveryRequestState } from './recovery-context';

export async function forgotUsername(_previous: RecoveryRequestState, formData: FormData): Promise<RecoveryRequestState> {
  return recoveryRequestState(await usernameReminderRequest.serve(formDataToObject(formData)));
}
