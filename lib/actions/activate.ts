'use server';
import 'server-only';
// P1 activation (public: the patron has no account yet). The body is activateAccount; this wrapper
// adds the client address for the PIN throttle, the mailer for the link that verifies the address
// (sent after the response), and keeps failures typed. On success the form signs the patron in with
// the password just chosen.
import { fail } from './account-action';
import { activateAccount, type ActivationResult } from './activate-core';
import { recoveryContext } from './recovery-context';

export async function activate(_previous: ActivationResult | null, formData: FormData): Promise<ActivationResult> {
  try {
    const { db, deps, clientAddress } = await recoveryContext();
    return await activateAccount(db, formData, clientAddress, deps);
  } catch (error) {
    console.error('activation failed', error instanceof Error ? error.name : typeof error);
    return fail('server_error');
  }
}
