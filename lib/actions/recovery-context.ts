import 'server-only';
// What the recovery actions share: the database, the mailer, mail work after the response
// (Next's `after()`, so that a request for an existing account takes as long as one for none),
// and the client address for per-client throttling.
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getDb, type Db } from '@/db/client';
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import type { MailDeps } from '@/lib/data/recovery';
import { getMailer } from '@/lib/mail/transport';

export async function recoveryContext(): Promise<{ db: Db; deps: MailDeps; clientAddress: string }> {
  const [db, headerStore] = await Promise.all([getDb(), headers()]);
  return {
    db,
    clientAddress: clientAddressFromHeaders(headerStore),
    deps: { mailer: getMailer(), defer: (task) => after(task) },
  };
}

/** A failure as a code the form translates; never an exception text. */
export function logActionFailure(action: string, error: unknown): void {
  console.error(`${action} failed`, error instanceof Error ? error.name : typeof error);
}
