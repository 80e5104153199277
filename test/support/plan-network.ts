// The generated network the plan test (lib/data/view-plans.db.test.ts) explains its statements
// on: the scale generator's patrons, items, loans, history, reservations and fees and the bench
// account; then the tables the generator leaves near empty filled to the proportions of a real
// network (every patron with an account, the catalogue's long tail of titles nobody borrowed, the fees paid over the years, the reservations finished over the years, a
// freshness row per membership, the change log, signed-out sessions, earlier renew requests), so that a plan that scans one
// of them is caught; then ANALYZE so the planner knows the sizes. The generated part is the bench's
// bulk loader (db/seed/scale-bulk.ts), so the test explains the statements on the bench's network shape.
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { loadScaleNetwork } from '../../db/seed/scale-bulk';
import type { IsoDate } from '../../lib/domain/dates';

export async function loadGeneratedNetwork(handle: DbHandle, patrons: number, today: IsoDate): Promise<void> {
  await loadScaleNetwork(handle, patrons, today);
  const { db } = handle;
  await db.execute(sql`
    insert into titles (key, title, author, material)
    select 'plan-tail-' || g, 'Titel ' || g, 'Auteur ' || (g % 997), 'book' from generate_series(1, ${patrons * 10}) g`);
  await db.execute(sql`
    insert into accounts (username, email, password_hash)
    select 'plan.' || p.id, 'plan.' || p.id || '@example.be', 'not-a-hash'
      from patrons p where not exists (select 1 from account_patrons ap where ap.patron_id = p.id)`);
  await db.execute(sql`
    insert into account_patrons (account_id, patron_id)
    select a.id, p.id from patrons p join accounts a on a.username = 'plan.' || p.id`);
  await db.execute(sql`
    insert into library_sync (patron_id, library_id, last_fetched_at, last_attempt_at)
    select distinct m.patron_id, m.library_id, now(), now() from memberships m
    on conflict do nothing`);
  await db.execute(sql`
    insert into portal_changes (account_id, patron_id, library_id, kind, loan_id, status, resolved_at, resolved_by)
    select ap.account_id, lo.patron_id, lo.library_id, 'renewal', lo.id, 'confirmed', now(), 'import'
      from loans lo join account_patrons ap on ap.patron_id = lo.patron_id
     where lo.id % 5 = 0`);
  await db.execute(sql`
    insert into ended_sessions (session_id, account_id, expires_at)
    select 'plan-ended-' || lpad(a.id::text, 16, '0'), a.id, now() + interval '30 days' from accounts a`);
  await db.execute(sql`
    insert into fees (patron_id, library_id, kind, amount_cents, description, created_on, paid_on)
    select m.patron_id, m.library_id, 'late', 50, 'plan-paid-' || g, ${today}::date - 30 * g, ${today}::date - 30 * g + 7
      from memberships m cross join generate_series(1, 5) g
    on conflict do nothing`);
  // Finished reservations (fulfilled or cancelled over the years): the generator writes only the
  // active ones (~0.25 a patron), a real network keeps several finished ones per patron.
  await db.execute(sql`
    with t as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from titles),
         b as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from branches)
    insert into reservations (title_id, patron_id, pickup_branch_id, placed_on, status)
    select t.id, p.id, b.id, ${today}::date - 60 * g, case when g % 3 = 0 then 'cancelled' else 'fulfilled' end
      from patrons p cross join generate_series(1, 8) g
      join t on t.n = (p.id::bigint * 7919 + g * 104729) % t.total
      join b on b.n = (p.id + g) % b.total
    on conflict do nothing`);
  await db.execute(sql`
    insert into renewal_requests (account_id, request_key, response)
    select a.id, 'plan-earlier-request', '{}'::jsonb from accounts a`);
  await db.execute(sql`analyze`);
}
