'use server';
import 'server-only';
// "Wachtwoord vergeten?" (issue 8 §2): public, answers the same whether or not an account exists.
import { requestPasswordReset } from '@/lib/data/recovery';
import { formDataToObject } from './account-action';
import { logActionFailure, recoveryContext } from './recovery-context';

export type RecoveryRequestState =
  | { status: 'idle' }
  | { status: 'sent' }
  | { status: 'error'; code: 'invalid_input' | 'invalid_email' | 'throttled' | 'server_error'; retryAfterSeconds?: number };

export async function forgotPassword(_previous: RecoveryRequestState, formData: FormData): Promise<RecoveryRequestState> {
  try {
    const { login } = formDataToObject(formData);
    const { db, deps, clientAddress } = await recoveryContext();
    const result = await requestPasswordReset(db, { login: typeof login === 'string' ? login : '', clientAddress }, deps);
    if (result.ok) return { status: 'sent' };
    return result.code === 'throttled'
      ? { status: 'error', code: 'throttled', retryAfterSeconds: result.retryAfterSeconds }
      : { status: 'error', code: result.code };
  } catch (error) {
    logActionFailure('forgotPassword', error);
    return { status: 'error', code: 'server_error' };
  }
}
