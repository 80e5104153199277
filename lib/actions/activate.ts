'use server';
import 'server-only';
// P1 activation (public: the patron has no account yet), built with publicAction (activate-core.ts):
// the request's client address for the PIN throttle, the mailer for the link that verifies the
// address (sent after the response), typed failures and one log line. On success it signs the patron
// in with the password just chosen and goes on to Info lidmaatschap — in the action itself, so that
// the form works without JavaScript and no PIN or password is ever in a URL.
import { redirect } from 'next/navigation';
import { authenticate } from '@/lib/auth/authenticate';
import { startSession } from '@/lib/auth/session-reissue';
import { ok } from './account-action';
import { activation, type ActivationResult } from './activate-core';

export async function activate(_previous: ActivationResult | null, formData: FormData): Promise<ActivationResult> {
  const result = await activation.serve(formData, async (account, { db, clientAddress }) => {
    // The same check as any sign-in (throttles included); should it refuse, sign-in is one step away.
    const password = formData.get('password');
    const signedIn = await authenticate(db, { login: account.username, password: typeof password === 'string' ? password : '', clientAddress });
    if (signedIn.ok && signedIn.accountId === account.accountId) {
      await startSession(signedIn.accountId, signedIn.sessionVersion);
      return ok('/memberships?activated=1');
    }
    return ok('/login?activated=1');
  });
  if (!result.ok) return result;
  // Outside the builder: redirect() travels as an error.
  redirect(result.data);
}
