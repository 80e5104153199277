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
 * json_build_object pairs `thresholdCents`, `outstandingCents`, `reservationsByOthers`, `setAside`,
 * `freeCopies` (the RenewalLoanRow facts; `freeCopies` counted only as far as RN2 needs) for the loan row `row`, which has the columns of
 * renewalLoanColumns plus `patron_id` and `library_id`.
 */
export function renewalFactsJson(row: string): SQL {
  const t = sql.identifier(row);
  // R3 reach of the loaned item: the owning library, or its whole transport region.
  const inReach = (library: SQL) => sql`(${library}.id = ${t}.item_library_id or ${library}.region_id = ${t}.reach_region_id)`;
  const reservationsByOthers = sql`(
      select count(*)::int
        from reservations rs join branches rb on rb.id = rs.pickup_branch_id join libraries bl on bl.id = rb.library_id
       where rs.title_id = ${t}.title_id and rs.patron_id <> ${t}.patron_id
         and rs.status in ('waiting', 'in_transit') and ${inReach(sql`bl`)})`;
  const setAside = sql`(
      select count(*)::int
        from reservations rs join branches rb on rb.id = rs.pickup_branch_id join libraries bl on bl.id = rb.library_id
       where rs.title_id = ${t}.title_id
         and (rs.status = 'ready' or (rs.status = 'in_transit' and rs.patron_id = ${t}.patron_id))
         and ${inReach(sql`bl`)})`;
  return sql`'thresholdCents', ${t}.threshold_cents,
    'outstandingCents', (
      select coalesce(sum(f.amount_cents), 0)::int
        from fees f join libraries fl on fl.id = f.library_id
       where f.patron_id = ${t}.patron_id and f.paid_on is null
         and (fl.id = ${t}.library_id or fl.region_id = ${t}.region_id)),
    'reservationsByOthers', ${reservationsByOthers},
    'setAside', ${setAside},
    -- Counted only as far as RN2 needs: one more than the copies claimed (by others' reservations
    -- and the copies set aside) settles it. Without other patrons' reservations nothing is counted;
    -- a popular title with hundreds of copies in a region is not checked copy by copy per loan.
    'freeCopies', (
      select count(*)::int from (
        select 1
          from items it
         -- the libraries in reach first, then their copies of the title by index
         where it.title_id = ${t}.title_id
           and it.library_id in (select il.id from libraries il where ${inReach(sql`il`)})
           and not exists (select 1 from loans x where x.item_id = it.id and x.returned_on is null)
         limit (case when ${reservationsByOthers} = 0 then 0 else ${reservationsByOthers} + ${setAside} + 1 end)
      ) free)`;
}
