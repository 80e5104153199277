import 'server-only';
// RN7 across a network call (L1). For an import-only library a renewal is one conditional update
// inside one transaction; a linked library's answer takes a network round trip, and no
// transaction may stay open for it (a PGlite database has one connection; a PostgreSQL pool is
// small). So a request first claims each loan or reservation it will send, in a short
// transaction; a concurrent or repeated request finds the claim and sends nothing. The claim is
// released with the library's answer. A claim left behind by a crash expires after CLAIM_TTL, after
// which the next refresh shows what the library decided. A released claim is kept (released_at)
// for KEEP_RELEASED: a refresh whose snapshot predates the release must not apply it over the
// change the library just confirmed (lib/library-systems/in-flight.ts).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rowsOf } from '@/db/rows';

/**
 * Longer than any request can keep a claim: renew-all stops starting calls at its 30 s deadline,
 * and one call is bounded by its endpoint's timeouts (queue, connect, login, request: 4 × at most
 * 120 s). Only a crashed request leaves a claim this long.
 */
export const CLAIM_TTL_SECONDS = 600;
/** How long a released claim is remembered: far longer than a refresh's 20 s deadline. */
export const KEEP_RELEASED_SECONDS = 3_600;

export const loanSubject = (loanId: number) => `loan:${loanId}`;
export const reservationSubject = (reservationId: number) => `reservation:${reservationId}`;

const liveOrReleased = sql`(library_claims.released_at is not null or library_claims.claimed_at < now() - make_interval(secs => ${CLAIM_TTL_SECONDS}))`;

/** Forgets released claims nobody needs any more, a few at a time (keeps the table small). */
async function forgetOldClaims(tx: Executor): Promise<void> {
  await tx.execute(sql`
    delete from library_claims where subject in (
      select subject from library_claims
       where released_at < now() - make_interval(secs => ${KEEP_RELEASED_SECONDS})
       limit 100)`);
}

/** Claims the subjects not claimed by a live request; returns those this request now holds. */
export async function claimSubjects(
  tx: Executor,
  accountId: number,
  requestKey: string,
  subjects: readonly string[],
): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  await forgetOldClaims(tx);
  const result = await tx.execute(sql`
    insert into library_claims (subject, account_id, request_key, claimed_at, released_at)
    select s.subject, ${accountId}, ${requestKey}, now(), null
      from jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb) as s(subject)
    on conflict (subject) do update
       set account_id = excluded.account_id, request_key = excluded.request_key,
           claimed_at = excluded.claimed_at, released_at = null
     where ${liveOrReleased}
    returning subject`);
  return new Set(rowsOf<{ subject: string }>(result).map((r) => r.subject));
}

/** A loan to claim, as the request saw it when it decided (RN7). */
export interface LoanAsDecided {
  loanId: number;
  seenRenewals: number;
  seenDue: string;
}

/**
 * Claims loans only while they are still as the request decided: a loan renewed (or returned) by a
 * concurrent request since it was read is not claimed, so it is never sent to the library twice.
 */
export async function claimLoans(
  tx: Executor,
  accountId: number,
  requestKey: string,
  loans: readonly LoanAsDecided[],
): Promise<Set<number>> {
  if (loans.length === 0) return new Set();
  await forgetOldClaims(tx);
  const values = JSON.stringify(loans.map((l) => ({ id: l.loanId, seen_renewals: l.seenRenewals, seen_due: l.seenDue })));
  const result = await tx.execute(sql`
    insert into library_claims (subject, account_id, request_key, claimed_at, released_at)
    select 'loan:' || l.id, ${accountId}, ${requestKey}, now(), null
      from jsonb_to_recordset(${values}::jsonb) as v(id int, seen_renewals int, seen_due date)
      join loans l on l.id = v.id and l.renewals = v.seen_renewals and l.due_on = v.seen_due and l.returned_on is null
    on conflict (subject) do update
       set account_id = excluded.account_id, request_key = excluded.request_key,
           claimed_at = excluded.claimed_at, released_at = null
     where ${liveOrReleased}
    returning subject`);
  const claimed = new Set(rowsOf<{ subject: string }>(result).map((r) => Number(r.subject.slice('loan:'.length))));
  if (claimed.size === 0) return claimed;
  // The insert judged the loans by its own snapshot, but took over a claim as soon as the request
  // holding it released it — in the same commit that renewed the loan. A new statement sees that
  // commit: a loan no longer as decided is let go again.
  const changed = await tx.execute(sql`
    update library_claims c set released_at = now()
      from jsonb_to_recordset(${values}::jsonb) as v(id int, seen_renewals int, seen_due date), loans l
     where c.subject = 'loan:' || v.id and c.request_key = ${requestKey} and l.id = v.id
       and not (l.renewals = v.seen_renewals and l.due_on = v.seen_due and l.returned_on is null)
    returning v.id`);
  for (const row of rowsOf<{ id: number }>(changed)) claimed.delete(Number(row.id));
  return claimed;
}

/** Releases what this request claimed (only its own claims: an expired one may have passed on). */
export async function releaseSubjects(tx: Executor, requestKey: string, subjects: readonly string[]): Promise<void> {
  if (subjects.length === 0) return;
  await tx.execute(sql`
    update library_claims set released_at = now()
     where request_key = ${requestKey} and released_at is null
       and subject in (select jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb))`);
}
