// L2: what the portal has asked a library and not yet heard back about — the loans and
// reservations claimed in library_claims by a write-through request (lib/actions/library-claims.ts).
// A refresh leaves those rows alone, so a library's older answer never undoes a change on its way.
import { sql } from 'drizzle-orm';
import type { InFlightLookup } from './refresh';

/** Claims younger than this are live (matches CLAIM_TTL_SECONDS of lib/actions/library-claims.ts). */
const LIVE_CLAIM_SECONDS = 180;

export const claimsInFlight: InFlightLookup = async (tx, { patronId, libraryId }) => {
  const result = await tx.execute(sql`
    select split_part(c.subject, ':', 1) as kind, split_part(c.subject, ':', 2)::int as id
      from library_claims c
     where c.claimed_at >= now() - make_interval(secs => ${LIVE_CLAIM_SECONDS})
       and (
         (c.subject like 'loan:%' and exists (
            select 1 from loans l where l.id = split_part(c.subject, ':', 2)::int and l.patron_id = ${patronId} and l.library_id = ${libraryId}))
         or (c.subject like 'reservation:%' and exists (
            select 1 from reservations r where r.id = split_part(c.subject, ':', 2)::int and r.patron_id = ${patronId}))
       )`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { kind: string; id: number }[];
  return {
    loanIds: new Set(rows.filter((r) => r.kind === 'loan').map((r) => Number(r.id))),
    reservationIds: new Set(rows.filter((r) => r.kind === 'reservation').map((r) => Number(r.id))),
  };
};
