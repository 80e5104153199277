// L2: what the portal has asked a library and the snapshot being applied cannot know about — the
// loans and reservations claimed in library_claims by a write-through request
// (lib/actions/library-claims.ts) that is still waiting, or whose answer came after the refresh
// asked the library. A refresh leaves those rows alone, so an older snapshot never undoes a change
// the library confirmed meanwhile; the next refresh brings them in line.
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/rows';
import type { InFlightLookup } from './refresh';

/** Claims younger than this are live (matches CLAIM_TTL_SECONDS of lib/actions/library-claims.ts). */
const LIVE_CLAIM_SECONDS = 600;
/** Clocks of the portal and its database may differ a little: a release this close counts as after. */
const CLOCK_MARGIN_MS = 5_000;

export const claimsInFlight: InFlightLookup = async (tx, { patronId, libraryId, snapshotTakenAt }) => {
  const since = new Date(snapshotTakenAt.getTime() - CLOCK_MARGIN_MS).toISOString();
  const result = await tx.execute(sql`
    select split_part(c.subject, ':', 1) as kind, split_part(c.subject, ':', 2)::int as id
      from library_claims c
     where ((c.released_at is null and c.claimed_at >= now() - make_interval(secs => ${LIVE_CLAIM_SECONDS}))
            or c.released_at >= ${since}::timestamptz)
       and (
         (c.subject like 'loan:%' and exists (
            select 1 from loans l where l.id = split_part(c.subject, ':', 2)::int and l.patron_id = ${patronId} and l.library_id = ${libraryId}))
         or (c.subject like 'reservation:%' and exists (
            select 1 from reservations r where r.id = split_part(c.subject, ':', 2)::int and r.patron_id = ${patronId}))
       )`);
  const rows = rowsOf<{ kind: string; id: number }>(result);
  return {
    loanIds: new Set(rows.filter((r) => r.kind === 'loan').map((r) => Number(r.id))),
    reservationIds: new Set(rows.filter((r) => r.kind === 'reservation').map((r) => Number(r.id))),
  };
};
