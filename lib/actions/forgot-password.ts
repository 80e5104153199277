'use server';
import 'server-only';
// "Wachtwoord vergeten?": public, answers the same whether or not an account exists.
// Built with publicAction (forgot-password-core.ts); the form keeps its own state shape.
import { formDataToObject } from './account-action';
import { passwordResetRequest } from './forgot-password-core';
import { recoveryRequestState, type RecoveryRequestState } from './recovery-context';

export type { RecoveryRequestState };

export async function forgotPassword(_previous: RecoveryRequestState, formData: FormData): Promise<RecoveryRequestState> {
  return recoveryRequestState(await passwordResetRequest.serve(formDataToObject(formData)));
}
