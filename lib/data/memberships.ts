import 'server-only';
// Info lidmaatschap (/memberships): every linked patron record, its memberships, cards and the
// digital collections of each region, in ONE statement (P4) scoped to the account's linked
// patrons in SQL (P3) with accountScope like every other view. The rules (R2, R6–R9, R11, R13, R15)
// are applied afterwards, in the pure buildMembershipsView (membership-view.ts, which also defines
// the rows it takes: this file imports it, never the other way round).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { accountScope, queryView } from './cards';
import { buildMembershipsView, membershipsRows, type MembershipsRows, type MembershipsView } from './membership-view';

export type { MembershipsRows };

/** The raw rows of the view; one statement whatever the number of patrons and memberships. */
export async function getMembershipsRows(db: Executor, account: SignedInAccount): Promise<MembershipsRows> {
  // accountScope: my_patrons (P3) and my_memberships (with the R13 home library), as every view.
  const view = await queryView<unknown>(
    db,
    sql`
      with ${accountScope(account)},
      lib_ids as (
        select l.id from libraries l where l.region_id in (select region_id from my_memberships where region_id is not null)
        union
        select library_id from my_memberships
        union
        select c.library_id from cards c join my_patrons p on p.patron_id = c.patron_id
      )
      select json_build_object(
        'patrons', coalesce((
          select json_agg(json_build_object(
                   'id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
                   'linkedAt', ap.linked_at, 'linkedBy', ap.linked_by,
                   'cards', coalesce((
                     select json_agg(json_build_object('id', c.id, 'libraryId', c.library_id, 'number', c.number, 'kind', c.kind) order by c.id)
                       from cards c where c.patron_id = p.id), '[]'::json)
                 ) order by p.id)
            from patrons p
            join my_patrons mp on mp.patron_id = p.id
            join account_patrons ap on ap.patron_id = p.id and ap.account_id = ${account.accountId}), '[]'::json),
        'memberships', coalesce((
          select json_agg(json_build_object(
                   'id', mm.id, 'patronId', mm.patron_id, 'libraryId', mm.library_id, 'kind', mm.kind,
                   'subscriptionTypeCode', mm.type_code, 'subscriptionTypeName', st.name,
                   'startOn', mm.start_on, 'endOn', mm.end_on, 'autoRenew', mm.auto_renew, 'stoppedOn', mm.stopped_on,
                   'registeredOn', mm.registered_on, 'homeIsil', m.home_isil,
                   'homeValidUntil', mm.home_valid_until, 'homeCheckedOn', mm.home_checked_on, 'loanStrips', m.loan_strips,
                   -- R13: the home library as every other view finds it (home_library_id of accountScope)
                   'homeLibrary', (select json_build_object('id', hl.id, 'name', hl.name) from libraries hl where hl.id = mm.home_library_id)
                 ) order by mm.id)
            from my_memberships mm
            join memberships m on m.id = mm.id
            join subscription_types st on st.id = m.subscription_type_id), '[]'::json),
        'libraries', coalesce((
          select json_agg(json_build_object(
                   'id', l.id, 'isil', l.isil, 'name', l.name,
                   'region', case when r.id is null then null else json_build_object('id', r.id, 'code', r.code, 'name', r.name) end,
                   'collections', coalesce((
                     select json_agg(json_build_object('id', dc.id, 'name', dc.name) order by dc.name, dc.id)
                       from library_digital_collections ldc
                       join digital_collections dc on dc.id = ldc.digital_collection_id
                      where ldc.library_id = l.id), '[]'::json)
                 ) order by l.name, l.id)
            from libraries l left join regions r on r.id = l.region_id
           where l.id in (select id from lib_ids)), '[]'::json)
      ) as view`,
  );
  return membershipsRows.parse(view);
}

/** Info lidmaatschap for the signed-in account on `today` (Europe/Brussels). */
export async function getMembershipsView(db: Executor, account: SignedInAccount, today: IsoDate): Promise<MembershipsView> {
  return buildMembershipsView(await getMembershipsRows(db, account), today);
}
