'use server';
import 'server-only';
// "Gebruikersnaam vergeten?" (issue 8 §3): public, answers the same whether or not the address has accounts.
import { requestUsernameReminder } from '@/lib/data/recovery';
import { formDataToObject } from './account-action';
import type { RecoveryRequestState } from './forgot-password';
import { logActionFailure, recoveryContext } from './recovery-context';

export async function forgotUsername(_previous: RecoveryRequestState, formData: FormData): Promise<RecoveryRequestState> {
  try {
    const { email } = formDataToObject(formData);
    const { db, deps, clientAddress } = await recoveryContext();
    const result = await requestUsernameReminder(db, { email: typeof email === 'string' ? email : '', clientAddress }, deps);
    if (result.ok) return { status: 'sent' };
    return result.code === 'throttled'
      ? { status: 'error', code: 'throttled', retryAfterSeconds: result.retryAfterSeconds }
      : { status: 'error', code: result.code };
  } catch (error) {
    logActionFailure('forgotUsername', error);
    return { status: 'error', code: 'server_error' };
  }
}
