import 'server-only';
// Info lidmaatschap (/memberships): every linked patron record, its memberships, cards and the
// digital collections of each region, in ONE statement (P4) scoped to the account's linked
// patrons in SQL (P3). The rules (R2, R6–R9, R11, R13, R15) are applied afterwards, in the pure
// buildMembershipsView (membership-view.ts).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { libraryIdByIsil } from './cards';
import { buildMembershipsView, type MembershipsView } from './membership-view';

const date = z.string().nullable();

const membershipRow = z.object({
  id: z.number(),
  patronId: z.number(),
  libraryId: z.number(),
  kind: z.enum(['ordinary', 'guest']),
  subscriptionTypeCode: z.string(),
  subscriptionTypeName: z.string(),
  startOn: z.string(),
  endOn: date,
  autoRenew: z.boolean(),
  stoppedOn: date,
  registeredOn: date,
  homeIsil: z.string().nullable(),
  homeValidUntil: date,
  homeCheckedOn: date,
  loanStrips: z.number().nullable(),
  /** R13 candidates for the home library: the exact ISIL and anything under its system prefix. */
  homeLibrary: z.object({ id: z.number(), name: z.string() }).nullable(),
});

const libraryRow = z.object({
  id: z.number(),
  isil: z.string(),
  name: z.string(),
  region: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  collections: z.array(z.object({ id: z.number(), name: z.string() })),
});

const patronRow = z.object({
  id: z.number(),
  givenName: z.string(),
  familyName: z.string(),
  cards: z.array(z.object({ id: z.number(), libraryId: z.number(), number: z.string() })),
});

export const membershipsRows = z.object({
  patrons: z.array(patronRow),
  memberships: z.array(membershipRow),
  /** Every library of each region the patron belongs to, each lone library with a membership, and the libraries of the patrons' cards. */
  libraries: z.array(libraryRow),
});

export type MembershipsRows = z.infer<typeof membershipsRows>;

/** The raw rows of the view; one statement whatever the number of patrons and memberships. */
export async function getMembershipsRows(db: Executor, account: SignedInAccount): Promise<MembershipsRows> {
  const result = await db.execute(sql`
    with linked as (
      select ap.patron_id from account_patrons ap where ap.account_id = ${account.accountId}
    ),
    mem as (
      select m.*, l.region_id
        from memberships m
        join linked on linked.patron_id = m.patron_id
        join libraries l on l.id = m.library_id
    ),
    lib_ids as (
      select l.id from libraries l where l.region_id in (select region_id from mem where region_id is not null)
      union
      select library_id from mem
      union
      select c.library_id from cards c join linked on linked.patron_id = c.patron_id
    )
    select json_build_object(
      'patrons', coalesce((
        select json_agg(json_build_object(
                 'id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
                 'cards', coalesce((
                   select json_agg(json_build_object('id', c.id, 'libraryId', c.library_id, 'number', c.number) order by c.id)
                     from cards c where c.patron_id = p.id), '[]'::json)
               ) order by p.id)
          from patrons p join linked on linked.patron_id = p.id), '[]'::json),
      'memberships', coalesce((
        select json_agg(json_build_object(
                 'id', m.id, 'patronId', m.patron_id, 'libraryId', m.library_id, 'kind', m.kind,
                 'subscriptionTypeCode', st.code, 'subscriptionTypeName', st.name,
                 'startOn', m.start_on, 'endOn', m.end_on, 'autoRenew', m.auto_renew, 'stoppedOn', m.stopped_on,
                 'registeredOn', m.registered_on, 'homeIsil', m.home_isil,
                 'homeValidUntil', m.home_valid_until, 'homeCheckedOn', m.home_checked_on, 'loanStrips', m.loan_strips,
                 -- R13: the home library as every other view finds it (lib/data/cards.ts)
                 'homeLibrary', case when m.kind = 'guest' and m.home_isil is not null then (
                   select json_build_object('id', hl.id, 'name', hl.name)
                     from libraries hl where hl.id = ${libraryIdByIsil(sql`m.home_isil`)}) end
               ) order by m.id)
          from mem m join subscription_types st on st.id = m.subscription_type_id), '[]'::json),
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
    ) as view
  `);
  // PGlite answers { rows }, postgres.js an array of rows; json may arrive parsed or as text.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { view: unknown }[];
  const raw = rows[0]?.view;
  return membershipsRows.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
}

/** Info lidmaatschap for the signed-in account on `today` (Europe/Brussels). */
export async function getMembershipsView(db: Executor, account: SignedInAccount, today: IsoDate): Promise<MembershipsView> {
  return buildMembershipsView(await getMembershipsRows(db, account), today);
}
