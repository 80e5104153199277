'use server';
import 'server-only';
// P1 activation (public: the patron has no account yet). The body is activateAccount; this wrapper
// adds the client address for the PIN throttle, the mailer for the link that verifies the address
// (sent after the response), and keeps failures typed. On success it signs the patron in with the
// password just chosen and goes on to Info lidmaatschap — in the action itself, so that the form
// works without JavaScript and no PIN or password is ever in a URL (issue 11 C).
import { redirect } from 'next/navigation';
import { authenticate } from '@/lib/auth/authenticate';
import { startSession } from '@/lib/auth/session-reissue';
import { fail } from './account-action';
import { librarySystems } from '@/lib/library-systems/registry';
import { activateAccount, type ActivationResult } from './activate-core';
import { recoveryContext } from './recovery-context';

export async function activate(_previous: ActivationResult | null, formData: FormData): Promise<ActivationResult> {
  let destination: string;
  try {
    const { db, deps, clientAddress } = await recoveryContext();
    const result = await activateAccount(db, formData, clientAddress, deps, librarySystems());
    if (!result.ok) return result;
    // The same check as any sign-in (throttles included); should it refuse, sign-in is one step away.
    const password = formData.get('password');
    const signedIn = await authenticate(db, { login: result.data.username, password: typeof password === 'string' ? password : '', clientAddress });
    if (signedIn.ok && signedIn.accountId === result.data.accountId) {
      await startSession(signedIn.accountId, signedIn.sessionVersion);
      destination = '/memberships?activated=1';
    } else {
      destination = '/login?activated=1';
    }
  } catch (error) {
    console.error('activation failed', error instanceof Error ? error.name : typeof error);
    return fail('server_error');
  }
  redirect(destination);
}
