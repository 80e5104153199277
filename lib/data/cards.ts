import 'server-only';
// The account's cards (R2) and the SQL pieces every card view shares.
//
// P3: every statement starts from `account_patrons` of the signed-in account; nothing is read for
// a patron record that is not linked to it. P4: each view (loans, reservations, fees, history,
// overview, the card list) is ONE statement: these fragments are CTEs spliced into that statement,
// never separate queries. The card chooser's list travels in the same statement as the view, so a
// card page costs one round trip whatever the number of memberships and libraries.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryView } from '@/db/rows';
import type { SignedInAccount } from '@/lib/auth/session';
import { groupMembershipsIntoCards, type Card, type CardMembership } from '@/lib/domain/card-label';
import type { EffectiveMembership } from '@/lib/domain/effective-membership';
import type { IsoDate } from '@/lib/domain/dates';
import { judgeMembership, type MembershipFacts } from '@/lib/domain/home-membership';
import type { RegionKind } from '@/lib/domain/pickup-branches';
import type { PortalChangeKind, RejectionReason } from '@/lib/domain/portal-changes';

/**
 * SQL twin of lib/domain/card-label `cardSlug` (region code, else ISIL; lower-cased; anything but
 * a-z, 0-9 and `-` becomes `_`). The data layer filters a card's rows with it in the same statement;
 * cards.db.test.ts checks it agrees with the TypeScript one, URL-unsafe ISILs included.
 */
export const slugOf = (regionCode: SQL, isil: SQL): SQL =>
  sql`regexp_replace(lower(coalesce(${regionCode}, ${isil})), '[^a-z0-9-]', '_', 'g')`;

/** Longest slug we look up; anything longer cannot be a card (ISILs are at most 16 characters, codes 64). */
const MAX_SLUG_LENGTH = 80;

export function isPlausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && /^[a-z0-9_-]+$/.test(slug);
}

/**
 * R13 in SQL, twins of lib/domain/isil: the canonical form of an ISIL (trimmed, upper case — ISILs
 * compare case-insensitively) and its library-system prefix (the ISIL without its last four digits;
 * null when it does not end in four digits after at least one more identifier character, e.g.
 * `BE-ZOT01` or anything shorter than that). cards.db.test.ts checks they agree with the TypeScript.
 */
const isilCanonicalSql = (isil: SQL): SQL => sql`upper(btrim(${isil}))`;
const isilSystemPrefixSql = (isil: SQL): SQL =>
  sql`(case when ${isilCanonicalSql(isil)} ~ '^[A-Z]{1,4}-[A-Z0-9/:-]{1,7}[0-9]{4}$'
            then left(${isilCanonicalSql(isil)}, length(${isilCanonicalSql(isil)}) - 4) end)`;

/**
 * R13 lookup in SQL (twin of lib/domain/isil `lookupLibraryByIsil`): the id of the library with the
 * ISIL `isil` (case-insensitively); when none, of the library registered under its system prefix;
 * else of the lowest-ISIL library of that system; null when nothing matches. The one way every
 * reader finds a guest's home library (R11).
 */
export const libraryIdByIsil = (isil: SQL): SQL => {
  const wanted = isilCanonicalSql(isil);
  const system = isilSystemPrefixSql(isil);
  const known = isilCanonicalSql(sql`hl.isil`);
  return sql`(
    select hl.id from libraries hl
     where ${known} = ${wanted} or ${system} = ${known} or ${system} = ${isilSystemPrefixSql(sql`hl.isil`)}
     order by (${known} = ${wanted}) desc nulls last, (${known} = ${system}) desc nulls last, ${known} collate "C", hl.id
     limit 1)`;
};

/**
 * The columns of one membership `m` (joined with its library `l`, left-joined region `r` and
 * subscription type `st`) that every reader of memberships selects — the card views (accountScope)
 * and the reminder mail — so they all judge the same facts; `home_library_id` is the guest's R13
 * home library (R11 follows the same patron's membership there: lib/domain/home-membership).
 */
export const membershipColumns = sql`m.id, m.patron_id, m.library_id, m.kind, m.start_on, m.end_on, m.auto_renew, m.stopped_on,
       m.registered_on, m.home_valid_until, m.home_checked_on,
       case when m.kind = 'guest' and m.home_isil is not null then ${libraryIdByIsil(sql`m.home_isil`)} end as home_library_id,
       st.code as type_code, st.loan_period_days, st.max_renewals,
       l.isil, l.name as library_name, l.region_id, r.code as region_code, r.name as region_name`;

/** json of one membership row `mm` (membershipColumns) as a MembershipRow. */
export const membershipJsonObject = sql`json_build_object(
    'id', mm.id, 'patronId', mm.patron_id, 'libraryId', mm.library_id, 'kind', mm.kind,
    'startOn', mm.start_on, 'endOn', mm.end_on, 'autoRenew', mm.auto_renew, 'stoppedOn', mm.stopped_on,
    'registeredOn', mm.registered_on, 'homeValidUntil', mm.home_valid_until, 'homeCheckedOn', mm.home_checked_on,
    'homeLibraryId', mm.home_library_id,
    'typeCode', mm.type_code, 'loanPeriodDays', mm.loan_period_days, 'maxRenewals', mm.max_renewals,
    'isil', mm.isil, 'libraryName', mm.library_name, 'regionId', mm.region_id,
    'regionCode', mm.region_code, 'regionName', mm.region_name
  )`;

/**
 * CTEs `my_patrons` (P3: the account's linked patron records) and `my_memberships` (every
 * membership of those patrons, with its library, region, subscription type and card slug, and —
 * for a guest membership — its R13 home library, whose membership of the same patron R11 follows).
 */
export function accountScope(account: SignedInAccount): SQL {
  return sql`
    my_patrons as (
      select ap.patron_id from account_patrons ap where ap.account_id = ${account.accountId}
    ),
    my_memberships as (
      select ${membershipColumns},
             ${slugOf(sql`r.code`, sql`l.isil`)} as card_slug
        from memberships m
        join my_patrons p on p.patron_id = m.patron_id
        join libraries l on l.id = m.library_id
        left join regions r on r.id = l.region_id
        join subscription_types st on st.id = m.subscription_type_id
    )`;
}

/**
 * CTEs for one card, after accountScope: `card_libraries` (R2: every library of the card's region,
 * or the lone library — empty unless the account has a membership on that card, P3) and
 * `card_patrons` (the account's patrons with a membership on the card: R1 is what lets them borrow
 * in the region, so their loans, reservations, fees and history are the card's).
 */
export function cardScope(slug: string): SQL {
  return sql`
    card_libraries as (
      select l.id, l.region_id
        from libraries l
        left join regions r on r.id = l.region_id
       where ${slugOf(sql`r.code`, sql`l.isil`)} = ${slug}
         and exists (select 1 from my_memberships mm where mm.card_slug = ${slug})
    ),
    card_patrons as (
      select distinct patron_id from my_memberships where card_slug = ${slug}
    )`;
}

/**
 * CTEs `on_card` (each patron of `my_patrons` with the slug of every card it has a membership on)
 * and `lib` (every library with its card slug), after a `my_patrons` CTE: a patron's loans and
 * reservations count on a card where that patron has a membership (R1). Filter rows with
 * `(patron_id, lib.slug) in (select patron_id, card_slug from on_card)`. Shared by the readers that
 * find the account from a secret (calendar feed, personal API) rather than from a session.
 */
export const onCardScope = sql`
      on_card as (
        select distinct m.patron_id, ${slugOf(sql`r.code`, sql`l.isil`)} as card_slug
          from memberships m
          join my_patrons p on p.patron_id = m.patron_id
          join libraries l on l.id = m.library_id
          left join regions r on r.id = l.region_id
      ),
      lib as (
        select l.id, l.name, ${slugOf(sql`r.code`, sql`l.isil`)} as slug
          from libraries l left join regions r on r.id = l.region_id
      )`;

/** json of every membership of the account, for the chooser and the rules (R6, R7, R11). */
export const membershipsJson = sql`coalesce((
  select json_agg(${membershipJsonObject} order by mm.id)
  from my_memberships mm), '[]'::json)`;

/** json of the card's region (kind for R3, threshold for RN5); null for a lone library. */
export const cardRegionJson = sql`(
  select json_build_object('id', r.id, 'code', r.code, 'name', r.name, 'kind', r.kind, 'thresholdCents', r.fee_block_threshold_cents)
    from regions r
   where r.id = (select cl.region_id from card_libraries cl where cl.region_id is not null limit 1))`;

/**
 * L3 json: per library of the card where one of the card's patrons holds a card, when the copy was
 * last fetched from that library's system (L3) — the oldest of those patrons' fetches, null
 * when one was never fetched — and whether the last attempt failed. Part of each view's statement,
 * so freshness costs no extra round trip (P4). Import-only libraries never get a library_sync row;
 * the page shows only libraries its LibrarySystems links (see `LibraryFreshness`).
 */
export const cardFreshnessJson = sql`coalesce((
  select json_agg(json_build_object(
           'libraryId', l.id, 'isil', upper(l.isil), 'libraryName', l.name,
           'fetchedAt', f.fetched_at, 'attemptedAt', f.attempted_at, 'unreachable', f.unreachable
         ) order by l.name, l.id)
    from (select c.library_id,
                 case when bool_or(ls.last_fetched_at is null) then null else min(ls.last_fetched_at) end as fetched_at,
                 max(ls.last_attempt_at) as attempted_at,
                 coalesce(bool_or(ls.last_failure is not null), false) as unreachable
            from cards c
            left join library_sync ls on ls.patron_id = c.patron_id and ls.library_id = c.library_id
           where c.patron_id in (select patron_id from card_patrons)
             and c.library_id in (select id from card_libraries)
           group by c.library_id) f
    join libraries l on l.id = f.library_id), '[]'::json)`;

/**
 * Notices json: the card's notices — the changes this account made in the portal that a
 * library's nightly import contradicted (status `rejected`, the library's fact won) and that the
 * patron has not dismissed yet. Only the account's own changes (`account_id`, which is also who may
 * dismiss them, and the `portal_changes_notices_idx` index), for its patrons on the card (P3:
 * card_patrons ⊆ my_patrons, so an unlinked patron's changes disappear) at the card's libraries;
 * with what the message needs: the library, the title (the loan's item's, or the reservation's —
 * each only when it is that patron's), the renewal's new due date, the reservation's pick-up now
 * and the pick-up the patron asked for. Part of each card view's statement (P4), like
 * cardFreshnessJson. Newest first.
 */
export const cardNoticesJson = (account: SignedInAccount): SQL => sql`coalesce((
  select json_agg(json_build_object(
           'id', pc.id, 'kind', pc.kind, 'reason', pc.rejected_reason, 'occurredAt', pc.occurred_at,
           'libraryId', l.id, 'libraryName', l.name,
           'title', coalesce(lt.title, rt.title),
           'newDueOn', case when pc.kind = 'renewal' then pc.details ->> 'newDueOn' end,
           'reservationStatus', rv.status, 'readyUntil', rv.ready_until, 'pickupBranch', pb.name,
           'requestedBranch', case when pc.kind = 'pickup_changed' then coalesce((
             select tb.name from branches tb join libraries tl on tl.id = tb.library_id
              where ${isilCanonicalSql(sql`tl.isil`)} = ${isilCanonicalSql(sql`(pc.details -> 'to' ->> 'library')`)}
                and tb.code = pc.details -> 'to' ->> 'branch'
              limit 1), pc.details -> 'to' ->> 'branch') end
         ) order by pc.occurred_at desc, pc.id desc)
    from portal_changes pc
    join libraries l on l.id = pc.library_id
    left join loans lo on lo.id = pc.loan_id and lo.patron_id = pc.patron_id
    left join items i on i.id = lo.item_id
    left join titles lt on lt.id = i.title_id
    left join reservations rv on rv.id = pc.reservation_id and rv.patron_id = pc.patron_id
    left join titles rt on rt.id = rv.title_id
    left join branches pb on pb.id = rv.pickup_branch_id
   where pc.account_id = ${account.accountId}
     and pc.status = 'rejected' and pc.notice_dismissed_at is null
     and pc.patron_id in (select patron_id from card_patrons)
     and pc.library_id in (select id from card_libraries)), '[]'::json)`;

/**
 * A notice: a change of the portal a library did not take over (see cardNoticesJson). `kind` and
 * `reason` are the database's text; the component phrases the kinds and reasons it knows and falls
 * back to a general sentence for anything else.
 */
export interface CardNotice {
  id: number;
  kind: PortalChangeKind | (string & {});
  reason: RejectionReason | (string & {});
  occurredAt: string;
  libraryId: number;
  libraryName: string;
  /** Null when the change names no loan or reservation of that patron. */
  title: string | null;
  /** Renewal: the due date the portal had given (details.newDueOn). */
  newDueOn: string | null;
  /** The reservation as the library's import left it: status, ready-until, pick-up branch name. */
  reservationStatus: string | null;
  readyUntil: IsoDate | null;
  pickupBranch: string | null;
  /** Pick-up change: the branch the patron asked for (its name, else its code). */
  requestedBranch: string | null;
}

/** L3: how fresh the card's copy is, per library (see cardFreshnessJson). Timestamps as ISO text. */
export interface LibraryFreshness {
  libraryId: number;
  isil: string;
  libraryName: string;
  /** Last successful fetch from the library's system; null: never. */
  fetchedAt: string | null;
  /** Last attempt (successful or not); null: never tried. */
  attemptedAt: string | null;
  /** The last attempt could not reach the library. */
  unreachable: boolean;
}

/** One membership as every card view reads it (membershipJsonObject); R7/R11 facts in MembershipFacts. */
export interface MembershipRow extends MembershipFacts {
  typeCode: string;
  loanPeriodDays: number;
  maxRenewals: number;
  isil: string;
  libraryName: string;
  regionId: number | null;
  regionCode: string | null;
  regionName: string | null;
}

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  kind: RegionKind;
  thresholdCents: number;
}

/** A membership with its effective state today (R7 for ordinary, R11 for guests: lib/domain/home-membership). */
export interface JudgedMembership extends CardMembership {
  row: MembershipRow;
  effective: EffectiveMembership;
}

export function judgeMemberships(rows: readonly MembershipRow[], today: IsoDate): JudgedMembership[] {
  return rows.map((row) => {
    const effective = judgeMembership(row, rows, today);
    return {
      id: row.id,
      row,
      effective,
      active: effective.active,
      startOn: row.kind === 'guest' ? (row.registeredOn ?? row.startOn) : row.startOn,
      endOn: effective.endOn,
      library: {
        id: row.libraryId,
        isil: row.isil,
        name: row.libraryName,
        region: row.regionCode !== null && row.regionName !== null ? { code: row.regionCode, name: row.regionName } : null,
      },
    };
  });
}

/** What the card chooser shows of a card. */
export interface CardChoice {
  slug: string;
  label: string;
  active: boolean;
}

export interface CardContext {
  /** Every card of the account (R2), for the chooser. */
  cards: CardChoice[];
  /** The card asked for. */
  card: Card<JudgedMembership>;
  /** The card asked for as the chooser shows it (its entry of `cards`). */
  choice: CardChoice;
}

export const choiceOf = (card: Card<JudgedMembership>): CardChoice => ({ slug: card.slug, label: card.label, active: card.active });

/** R2 cards of the account from its memberships; the card with `slug`, or null (P3: not the account's). */
export function resolveCard(rows: readonly MembershipRow[], slug: string, today: IsoDate): CardContext | null {
  const cards = groupMembershipsIntoCards(judgeMemberships(rows, today)).map((card) => ({ card, choice: choiceOf(card) }));
  const found = cards.find((c) => c.card.slug === slug);
  return found ? { cards: cards.map((c) => c.choice), card: found.card, choice: found.choice } : null;
}

/** What every card page shows above its part: the chooser, the card, freshness (L3) and notices (changes a library did not take over). */
export interface CardViewBase {
  cards: CardChoice[];
  card: CardChoice;
  /** L3 per library of the card: when its copy was last fetched (linked libraries only get rows). */
  freshness: LibraryFreshness[];
  /** Notices: the account's changes a library of the card did not take over, not yet dismissed. */
  notices: CardNotice[];
}

/** The json fields of CardViewBase that a card view's statement answers besides its own. */
export interface CardViewHeader {
  freshness: LibraryFreshness[];
  notices: CardNotice[];
}

/**
 * The one statement (P4) of a card view, and the card it is about: the slug check (a slug that
 * cannot be a card reads nothing), `with` accountScope (P3), cardScope and the view's own CTEs,
 * answering the account's memberships (for the chooser and the rules), with `header` (the default)
 * the card's freshness and notices, and the view's own `fields`; then R2 resolveCard. Null when the
 * account has no such card (P3: another account's card and a made-up one look the same).
 */
export async function queryCardView<T extends object>(
  db: Executor,
  account: SignedInAccount,
  slug: string,
  today: IsoDate,
  parts: { with?: SQL; fields: SQL; header?: boolean },
): Promise<{ view: T & { memberships: MembershipRow[] }; context: CardContext } | null> {
  if (!isPlausibleSlug(slug)) return null;
  const header = parts.header === false ? sql`` : sql`'freshness', ${cardFreshnessJson}, 'notices', ${cardNoticesJson(account)},`;
  const view = await queryView<T & { memberships: MembershipRow[] }>(
    db,
    sql`
      with ${accountScope(account)}, ${cardScope(slug)}${parts.with ? sql`, ${parts.with}` : sql``}
      select json_build_object(
        'memberships', ${membershipsJson},
        ${header}
        ${parts.fields}
      ) as view`,
  );
  const context = resolveCard(view.memberships, slug, today);
  return context ? { view, context } : null;
}

/** The CardViewBase of a card view found by queryCardView. */
export const cardViewBase = ({ view, context }: { view: CardViewHeader; context: CardContext }): CardViewBase => ({
  cards: context.cards,
  card: context.choice,
  freshness: view.freshness,
  notices: view.notices,
});

/** Runs one statement that answers one json column `view` (db/rows.ts; both drivers). */
export { queryView };

/** R2: every card of the account, in chooser order — one statement. */
export async function listCards(db: Executor, account: SignedInAccount, today: IsoDate): Promise<CardChoice[]> {
  const view = await queryView<{ memberships: MembershipRow[] }>(
    db,
    sql`with ${accountScope(account)} select json_build_object('memberships', ${membershipsJson}) as view`,
  );
  return groupMembershipsIntoCards(judgeMemberships(view.memberships, today)).map(choiceOf);
}
