import 'server-only';
// What the recovery actions share: the database, the mailer with mail work after the response
// (Next's `after()`, so that a request for an existing account takes as long as one for none), the
// client address for per-client throttling — for the account settings' e-mail actions; the public
// ones get the same from publicAction (public-action.ts) — and the state of the request forms.
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getDb, type Db } from '@/db/client';
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import type { MailDeps } from '@/lib/mail/deferred';
import { getMailer } from '@/lib/mail/transport';
import type { ActionResult } from './account-action';

export async function recoveryContext(): Promise<{ db: Db; deps: MailDeps; clientAddress: string }> {
  const [db, headerStore] = await Promise.all([getDb(), headers()]);
  return {
    db,
    clientAddress: clientAddressFromHeaders(headerStore),
    deps: { mailer: getMailer(), defer: (task) => after(task) },
  };
}

/** The state of the "forgot password" and "forgot username" forms. */
export type RecoveryRequestState =
  | { status: 'idle' }
  | { status: 'sent' }
  | { status: 'error'; code: 'invalid_input' | 'invalid_email' | 'throttled' | 'server_error'; retryAfterSeconds?: number };

/** A recovery request's ActionResult as its form's state. */
export function recoveryRequestState(result: ActionResult<undefined>): RecoveryRequestState {
  if (result.ok) return { status: 'sent' };
  return result.code === 'throttled'
    ? { status: 'error', code: 'throttled', retryAfterSeconds: result.retryAfterSeconds }
    : { status: 'error', code: result.code as 'invalid_input' | 'invalid_email' | 'server_error' };
}
