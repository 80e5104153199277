import 'server-only';
// The SQL of the renewal facts (RN2, RN5) per loan, shared by every reader that decides a renewal:
// the renew action's reader (renewal-inputs.ts), the loans page (loans.ts) and the daily reminder
// mail (reminders.ts). Each of them reads in its own single statement (P4), so these are fragments
// spliced into that statement, never queries of their own; one text for all three is what keeps the
// page, the renewal and the mail's "can be renewed until …" deciding alike.
//
// Choices (the rules leave them open):
// - RN2 "available copy": the copies that could satisfy another patron's reservation are those the
//   reservation could be filled from — the *reach* of the loaned item: every library of its region
//   when the region arranges transport (R3: kind 3b/3c), else the owning library alone (3a, or a
//   library outside any region). Reservations count in the same reach (by their pickup branch).
//   Copies elsewhere in the network do not count: nothing carries them across regions.
//   Available = copies in reach with no open loan, minus the reservations they are already set
//   aside for: every `ready` reservation and the patron's own `in_transit` ones (other patrons'
//   `in_transit` reservations count on both sides — their copy is free and their claim is counted —
//   so they cancel out, as the RenewalInput contract expects).
// - RN5: fees unpaid at any library of the lending library's region (or at the lone library);
//   threshold of the region, 0 (never blocks) for a library outside any region.
import { sql, type SQL } from 'drizzle-orm';

/**
 * Columns of a loan row that the facts below need, selected from `loans <loan>` joined with
 * `items <item>`, `libraries <library>` (the lending library) and `left join regions <region>`:
 * `title_id`, `item_library_id`, `region_id`, `reach_region_id` (R3) and `threshold_cents` (RN5).
 * The row also needs the loan's `patron_id` and `library_id`.
 */
export function renewalLoanColumns(item: string, library: string, region: string): SQL {
  const [i, lib, r] = [item, library, region].map((a) => sql.identifier(a));
  return sql`${i}.title_id, ${i}.library_id as item_library_id, ${lib}.region_id,
    case when ${r}.kind in ('3b', '3c') then ${r}.id end as reach_region_id,
    coalesce(${r}.fee_block_threshold_cents, 0)::int as threshold_cents`;
}

/**
 * A lateral subquery that computes the RN2/RN5 facts of the loan row `row` (which has the columns
 * of renewalLoanColumns plus `patron_id` and `library_id`) once, as columns `outstanding_cents`,
 * `reservations_by_others`, `set_aside` and `free_copies` (the RenewalLoanRow facts; `free_copies`
 * counted only as far as RN2 needs). Join it as `cross join lateral ${renewalFacts('t')} as f` and
 * read it with renewalFactsJson('t', 'f').
 *
 * Cost follows the loan, never the network: the reach (R3) is resolved first into the ids of its
 * libraries and then their branches, by index (a region's few libraries, not the network's
 * skeleton), then each fact is one
 * index range of the loan's own title or patron — the title's active reservations once for both
 * counts (reservations_title_reach_idx, read from the index alone), its copies in reach by
 * (title, library) (items_title_library_id_idx) with the open-loan check by item
 * (loans_one_open_per_item_idx), the patron's unpaid fees (fees_unpaid_by_patron_idx).
 */
export function renewalFacts(row: string): SQL {
  const t = sql.identifier(row);
  return sql`(
      select rc.reservations_by_others, rc.set_aside,
        (select coalesce(sum(f.amount_cents), 0)::int
           from fees f
          where f.patron_id = ${t}.patron_id and f.paid_on is null
            and f.library_id = any(
              select fl.id from libraries fl where fl.id = ${t}.library_id or fl.region_id = ${t}.region_id)) as outstanding_cents,
        -- Counted only as far as RN2 needs: one more than the copies claimed (by others' reservations
        -- and the copies set aside) settles it. Without other patrons' reservations nothing is counted;
        -- a popular title with hundreds of copies in a region is not checked copy by copy per loan.
        (select count(*)::int from (
           select 1
             from items it
            where it.title_id = ${t}.title_id
              and it.library_id = any(reach.libraries)
              and not exists (select 1 from loans x where x.item_id = it.id and x.returned_on is null)
            limit (case when rc.reservations_by_others = 0 then 0 else rc.reservations_by_others + rc.set_aside + 1 end)
         ) free) as free_copies
        from (
          -- R3 reach of the loaned item: the owning library, or every library of its transport region
          -- (libraries_pkey, libraries_region_id_index) …
          select array(select il.id from libraries il
                        where il.id = ${t}.item_library_id or il.region_id = ${t}.reach_region_id) as libraries
        ) reach_libraries
        cross join lateral (
          -- … and their branches, by library (branches_library_id_code_index): never a walk over the
          -- network's branches, of which Flanders has 809, for every loan.
          select reach_libraries.libraries,
                 array(select rb.id from branches rb where rb.library_id = any(reach_libraries.libraries)) as branches
        ) reach
        cross join lateral (
          -- The title's active reservations picked up in reach, read once for both counts.
          select count(*) filter (where rs.patron_id <> ${t}.patron_id and rs.status in ('waiting', 'in_transit'))::int
                   as reservations_by_others,
                 count(*) filter (where rs.status = 'ready' or (rs.status = 'in_transit' and rs.patron_id = ${t}.patron_id))::int
                   as set_aside
            from reservations rs
           where rs.title_id = ${t}.title_id and rs.status in ('waiting', 'in_transit', 'ready')
             and rs.pickup_branch_id = any(reach.branches)
        ) rc
    )`;
}

/**
 * json_build_object pairs `thresholdCents`, `outstandingCents`, `reservationsByOthers`, `setAside`,
 * `freeCopies` (the RenewalLoanRow facts) of the loan row `row` and its renewalFacts `facts`.
 */
export function renewalFactsJson(row: string, facts: string): SQL {
  const [t, f] = [row, facts].map((a) => sql.identifier(a));
  return sql`'thresholdCents', ${t}.threshold_cents, 'outstandingCents', ${f}.outstanding_cents,
    'reservationsByOthers', ${f}.reservations_by_others, 'setAside', ${f}.set_aside, 'freeCopies', ${f}.free_copies`;
}
