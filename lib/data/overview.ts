import 'server-only';
// The overview (first page after sign-in): across every card of the account, what needs attention
// — overdue loans, loans due within 3 days, reservations ready for pick-up, what blocks renewing
// (RN4 membership, RN5 fees, R11 guest membership ending), the total outstanding (F1), and about
// the memberships the documents' advice (R5/R7/R8: renew one, pay once) and R12 (a guest registered
// while the home membership was not valid: contact your own library).
// ONE statement (P4) for every card together, scoped to the account's patrons (P3).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import { groupMembershipsIntoCards } from '@/lib/domain/card-label';
import { addDays, type IsoDate } from '@/lib/domain/dates';
import { dueStatus, DUE_SOON_WITHIN_DAYS, type DueStatus } from '@/lib/domain/due-status';
import { guestRegisteredWithInvalidHome } from '@/lib/domain/home-membership';
import { feeBlocks, sumCents } from '@/lib/domain/money';
import { renewalAdviceView, type RenewalAdviceView } from './renewal-advice';
import { accountScope, judgeMemberships, membershipsJson, queryView, slugOf, type CardChoice, type MembershipRow } from './cards';

export interface AttentionLoan {
  id: number;
  title: string;
  libraryName: string;
  dueOn: IsoDate;
  due: DueStatus;
}

export interface ReadyReservation {
  id: number;
  title: string;
  branchCode: string;
  branchName: string;
  libraryName: string;
  readyUntil: IsoDate;
}

export type RenewalBlocker =
  | { kind: 'fees'; outstandingCents: number; thresholdCents: number }
  | { kind: 'no_active_membership' }
  | { kind: 'membership_expiring'; libraryName: string; endOn: IsoDate }
  | { kind: 'guest_ending'; libraryName: string; endOn: IsoDate };

/** R5/R7 advice for one patron record of the card (`patronName` set only when the card covers several people). */
export interface OverviewAdvice {
  patronId: number;
  patronName: string | null;
  advice: RenewalAdviceView;
}

/** R12: a guest membership registered while its home membership was not valid. */
export interface GuestHomeInvalid {
  membershipId: number;
  libraryName: string;
  /** The R13 home library's name when it is in the network, else null (then the ISIL says which). */
  homeName: string | null;
  homeIsil: string;
}

export interface CardOverview extends CardChoice {
  overdue: AttentionLoan[];
  dueSoon: AttentionLoan[];
  ready: ReadyReservation[];
  blockers: RenewalBlocker[];
  outstandingCents: number;
  advice: OverviewAdvice[];
  guestHomeInvalid: GuestHomeInvalid[];
}

export interface OverviewView {
  cards: CardOverview[];
  totalOutstandingCents: number;
}

interface Row {
  memberships: MembershipRow[];
  thresholds: { slug: string; thresholdCents: number }[];
  loans: { id: number; slug: string; title: string; libraryName: string; dueOn: IsoDate }[];
  ready: (ReadyReservation & { slug: string })[];
  fees: { slug: string; patronId: number; cents: number }[];
  /** Per membership: its subscription type's name and (guests) home ISIL and home library name. */
  details: { id: number; typeName: string; homeIsil: string | null; homeName: string | null }[];
  patrons: { id: number; name: string }[];
  /** The digital collections of the libraries where the account's patrons have a membership (R8). */
  collections: { libraryId: number; id: number; name: string }[];
}

export async function getOverview(db: Executor, account: SignedInAccount, today: IsoDate): Promise<OverviewView> {
  // Loans due up to this day are "due soon" (dueStatus decides per loan; SQL only trims the rest).
  const horizon = addDays(today, DUE_SOON_WITHIN_DAYS);
  const view = await queryView<Row>(
    db,
    sql`
      with ${accountScope(account)},
      my_slugs as (select distinct card_slug from my_memberships),
      -- As on the card pages: a patron's rows count on a card where that patron has a membership (R1).
      on_card as (select distinct patron_id, card_slug from my_memberships),
      lib as (
        select l.id, l.name, l.region_id, ${slugOf(sql`r.code`, sql`l.isil`)} as slug, r.fee_block_threshold_cents
          from libraries l left join regions r on r.id = l.region_id
      )
      select json_build_object(
        'memberships', ${membershipsJson},
        'thresholds', coalesce((
          select json_agg(json_build_object('slug', x.slug, 'thresholdCents', x.t))
            from (select distinct lib.slug, lib.fee_block_threshold_cents as t from lib
                   where lib.fee_block_threshold_cents is not null and lib.slug in (select card_slug from my_slugs)) x), '[]'::json),
        'loans', coalesce((
          select json_agg(json_build_object('id', lo.id, 'slug', lib.slug, 'title', t.title, 'libraryName', lib.name, 'dueOn', lo.due_on)
                          order by lo.due_on, t.title, lo.id)
            from loans lo
            join lib on lib.id = lo.library_id
            join items i on i.id = lo.item_id
            join titles t on t.id = i.title_id
           -- by the account's patrons first (loans_open_by_patron_due_idx), then their cards: the
           -- pair alone reads every open loan of the network
           where lo.returned_on is null and lo.due_on <= ${horizon} and lo.patron_id in (select patron_id from my_patrons)
             and (lo.patron_id, lib.slug) in (select patron_id, card_slug from on_card)), '[]'::json),
        'ready', coalesce((
          select json_agg(json_build_object('id', rv.id, 'slug', lib.slug, 'title', t.title, 'branchCode', b.code,
                                            'branchName', b.name, 'libraryName', lib.name, 'readyUntil', rv.ready_until)
                          order by rv.ready_until, t.title, rv.id)
            from reservations rv
            join branches b on b.id = rv.pickup_branch_id
            join lib on lib.id = b.library_id
            join titles t on t.id = rv.title_id
           -- by the account's patrons first (the reservations' patron index), then their cards
           where rv.status = 'ready' and rv.patron_id in (select patron_id from my_patrons)
             and (rv.patron_id, lib.slug) in (select patron_id, card_slug from on_card)), '[]'::json),
        'fees', coalesce((
          select json_agg(json_build_object('slug', x.slug, 'patronId', x.patron_id, 'cents', x.cents))
            from (select lib.slug, f.patron_id, sum(f.amount_cents)::int as cents
                    from fees f join lib on lib.id = f.library_id
                   -- by the account's patrons first (fees_unpaid_by_patron_idx), then their cards
                   where f.paid_on is null and f.patron_id in (select patron_id from my_patrons)
                     and (f.patron_id, lib.slug) in (select patron_id, card_slug from on_card)
                   group by lib.slug, f.patron_id) x), '[]'::json),
        'details', coalesce((
          select json_agg(json_build_object('id', mm.id, 'typeName', st.name, 'homeIsil', m.home_isil,
                                            'homeName', (select hl.name from libraries hl where hl.id = mm.home_library_id)))
            from my_memberships mm
            join memberships m on m.id = mm.id
            join subscription_types st on st.id = m.subscription_type_id), '[]'::json),
        'patrons', coalesce((
          select json_agg(json_build_object('id', p.id, 'name', p.given_name || ' ' || p.family_name))
            from patrons p join my_patrons mp on mp.patron_id = p.id), '[]'::json),
        'collections', coalesce((
          select json_agg(json_build_object('libraryId', ldc.library_id, 'id', dc.id, 'name', dc.name))
            from library_digital_collections ldc
            join digital_collections dc on dc.id = ldc.digital_collection_id
           where ldc.library_id in (select library_id from my_memberships)), '[]'::json)
      ) as view`,
  );

  const cards = groupMembershipsIntoCards(judgeMemberships(view.memberships, today)).map((card): CardOverview => {
    const loans = view.loans.filter((l) => l.slug === card.slug).map((l) => ({ ...l, due: dueStatus(l.dueOn, today) }));
    const fees = view.fees.filter((f) => f.slug === card.slug);
    const thresholdCents = view.thresholds.find((t) => t.slug === card.slug)?.thresholdCents ?? 0;
    const blockers: RenewalBlocker[] = [];
    // RN5 per patron record, as the renewal decides it.
    const worst = fees.reduce((max, f) => Math.max(max, f.cents), 0);
    if (feeBlocks(worst, thresholdCents)) blockers.push({ kind: 'fees', outstandingCents: worst, thresholdCents });
    // RN4 / R9: no active membership on the card at all.
    if (!card.active) blockers.push({ kind: 'no_active_membership' });
    for (const m of card.memberships) {
      if (m.effective.status !== 'expiring' || m.effective.endOn === null) continue;
      // R7 expiring; R11: a guest membership ends with its home membership.
      blockers.push({ kind: m.row.kind === 'guest' ? 'guest_ending' : 'membership_expiring', libraryName: m.library.name, endOn: m.effective.endOn });
    }
    // R5/R7/R8 per patron record (an account may link several people), R12 per guest membership.
    const detail = new Map(view.details.map((d) => [d.id, d]));
    const collectionName = new Map(view.collections.map((c) => [c.id, c.name]));
    const licensed = new Map<number, number[]>();
    // Only the libraries of the card where someone has a membership matter to the advice (R8: a
    // collection is kept or lost through one's own memberships).
    const cardLibraryIds = new Set(card.memberships.map((m) => m.library.id));
    for (const c of view.collections) {
      if (cardLibraryIds.has(c.libraryId)) licensed.set(c.id, [...(licensed.get(c.id) ?? []), c.libraryId]);
    }
    const collections = [...licensed].map(([id, libraryIds]) => ({ id, libraryIds }));
    const patronIds = [...new Set(card.memberships.map((m) => m.row.patronId))].sort((a, b) => a - b);
    const advice = patronIds.flatMap((patronId): OverviewAdvice[] => {
      const own = card.memberships
        .filter((m) => m.row.patronId === patronId)
        .map((m) => ({
          id: m.id,
          libraryId: m.row.libraryId,
          status: m.effective.status,
          endOn: m.effective.endOn,
          kind: m.row.kind,
          subscriptionTypeCode: m.row.typeCode,
          autoRenew: m.row.autoRenew,
          libraryName: m.library.name,
          subscriptionTypeName: detail.get(m.id)?.typeName ?? m.row.typeCode,
        }));
      const found = renewalAdviceView(own, collections, (id) => collectionName.get(id) ?? '');
      if (!found) return [];
      const name = patronIds.length > 1 ? (view.patrons.find((p) => p.id === patronId)?.name ?? null) : null;
      return [{ patronId, patronName: name, advice: found }];
    });
    const rows = card.memberships.map((m) => m.row);
    const guestHomeInvalid = card.memberships
      .filter((m) => guestRegisteredWithInvalidHome(m.row, rows))
      .map((m) => ({
        membershipId: m.id,
        libraryName: m.library.name,
        homeName: detail.get(m.id)?.homeName ?? null,
        homeIsil: detail.get(m.id)?.homeIsil ?? '',
      }));
    return {
      slug: card.slug,
      label: card.label,
      active: card.active,
      overdue: loans.filter((l) => l.due.state === 'overdue').map(({ slug: _s, ...l }) => l),
      dueSoon: loans.filter((l) => l.due.state === 'due_soon').map(({ slug: _s, ...l }) => l),
      ready: view.ready.filter((r) => r.slug === card.slug).map(({ slug: _s, ...r }) => r),
      blockers,
      outstandingCents: sumCents(fees.map((f) => f.cents)),
      advice,
      guestHomeInvalid,
    };
  });
  return { cards, totalOutstandingCents: sumCents(cards.map((c) => c.outstandingCents)) };
}
