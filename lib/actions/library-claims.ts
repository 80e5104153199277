import 'server-only';
// RN7 across a network call (L1). For an import-only library a renewal is one conditional update
// inside one transaction; a linked library's answer takes a network round trip, and no
// transaction may stay open for it (a PGlite database has one connection; a PostgreSQL pool is
// small). So a request first claims each loan or reservation it will send, in a short
// transaction; a concurrent or repeated request finds the claim and sends nothing. The claim is
// released with the library's answer. A claim left behind by a crash expires after CLAIM_TTL, after
// which the next refresh shows what the library decided.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/** Longer than any library call can take (timeouts are at most 120 s, renew-all stops at its deadline). */
export const CLAIM_TTL_SECONDS = 180;

export const loanSubject = (loanId: number) => `loan:${loanId}`;
export const reservationSubject = (reservationId: number) => `reservation:${reservationId}`;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Claims the subjects not claimed by a live request; returns those this request now holds. */
export async function claimSubjects(
  tx: Executor,
  accountId: number,
  requestKey: string,
  subjects: readonly string[],
): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  const result = await tx.execute(sql`
    insert into library_claims (subject, account_id, request_key, claimed_at)
    select s.subject, ${accountId}, ${requestKey}, now()
      from jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb) as s(subject)
    on conflict (subject) do update
       set account_id = excluded.account_id, request_key = excluded.request_key, claimed_at = excluded.claimed_at
     where library_claims.claimed_at < now() - make_interval(secs => ${CLAIM_TTL_SECONDS})
    returning subject`);
  return new Set(rowsOf<{ subject: string }>(result).map((r) => r.subject));
}

/** Releases what this request claimed (only its own claims: an expired one may have passed on). */
export async function releaseSubjects(tx: Executor, requestKey: string, subjects: readonly string[]): Promise<void> {
  if (subjects.length === 0) return;
  await tx.execute(sql`
    delete from library_claims
     where request_key = ${requestKey}
       and subject in (select jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb))`);
}
