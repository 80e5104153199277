import 'server-only';
// Everything decideRenewal (lib/domain/renewal) needs for a set of loans, in ONE statement
// (P4): renewing 200 loans costs one read, not one per loan.
//
// P3 in SQL: only loans of patron records linked to the account come back (`my_patrons`); a loan id
// of another account, or one that does not exist, is simply absent, and the caller refuses it as
// `not_linked` without learning anything about it.
//
// Choices (documented here because the rules leave them open):
// - RN2 "available copy" (R3 reach of the loaned item, copies set aside) and RN5 (fees of the
//   region): the SQL is renewal-sql.ts, shared with the loans page and the reminder mail, which
//   documents the choices.
// - R6/R11: memberships come from cards.ts `accountScope` — the same rows, the same R11/R13 home
//   lookup and the same judgement (`judgeMemberships`) as the card views, so the decision the loans
//   page shows is the decision the renewal applies.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { governingMembership } from '@/lib/domain/governing-membership';
import type { RenewalInput } from '@/lib/domain/renewal';
import { accountScope, cardScope, judgeMemberships, membershipsJson, queryView, slugOf, type JudgedMembership, type MembershipRow } from './cards';
import { renewalFacts, renewalFactsJson, renewalLoanColumns } from './renewal-sql';

/** Which loans: the given ids (any state, so a returned one is reported), or every open loan of a card. */
export type RenewalScope =
  | { kind: 'ids'; loanIds: readonly number[]; cardSlug?: string }
  | { kind: 'card'; cardSlug: string };

/** One loan as read for a renewal, before the rules. */
export interface RenewalLoanRow {
  id: number;
  patronId: number;
  libraryId: number;
  regionId: number | null;
  titleId: number;
  dueOn: IsoDate;
  renewals: number;
  returnedOn: IsoDate | null;
  thresholdCents: number;
  outstandingCents: number;
  /** RN2: other patrons' waiting or in-transit reservations on the title, within reach. */
  reservationsByOthers: number;
  /** Copies of the title within reach that are not on loan. */
  freeCopies: number;
  /** Of those, set aside: ready reservations, and this patron's own in-transit ones. */
  setAside: number;
  /** The lending library, as a linked library system knows it (L1): its ISIL and name. */
  isil: string;
  libraryName: string;
  itemBarcode: string;
  /** The patron's card number at the lending library, as that library spells it; null without a card there. */
  libraryPatronId: string | null;
}

export interface RenewalInputsRows {
  memberships: MembershipRow[];
  loans: RenewalLoanRow[];
}

/** A loan of the account, with the facts of the decision. */
export interface RenewalCandidate {
  loan: RenewalLoanRow;
  /** R6 governing membership (R11 for guests); null when none is active. */
  governing: JudgedMembership | null;
  input: RenewalInput;
}

/** `{1,2,3}`: one parameter for any number of ids (ids are validated integers). */
export const intArrayLiteral = (ids: readonly number[]): string => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;

function scopeSql(scope: RenewalScope): { ctes: SQL; where: SQL } {
  const slug = scope.cardSlug;
  const ctes = slug === undefined ? sql`` : sql`, ${cardScope(slug)}`;
  if (scope.kind === 'card') {
    // The card's loans are those the loans page lists: its libraries, its patrons, not returned.
    return {
      ctes,
      where: sql`l.returned_on is null
        and l.library_id in (select id from card_libraries)
        and l.patron_id in (select patron_id from card_patrons)`,
    };
  }
  const onCard = slug === undefined ? sql`` : sql`and l.library_id in (select id from card_libraries)`;
  return { ctes, where: sql`l.id = any(${intArrayLiteral(scope.loanIds)}::int[]) ${onCard}` };
}

/** The raw rows, one statement whatever the number of loans (P4). */
export async function getRenewalInputsRows(db: Executor, account: SignedInAccount, scope: RenewalScope): Promise<RenewalInputsRows> {
  const { ctes, where } = scopeSql(scope);
  return queryView<RenewalInputsRows>(
    db,
    sql`
    with ${accountScope(account)}${ctes},
    target as (
      select l.id, l.patron_id, l.library_id, l.due_on, l.renewals, l.returned_on,
             ${renewalLoanColumns('i', 'lib', 'r')},
             ${slugOf(sql`r.code`, sql`lib.isil`)} as card_slug,
             lib.isil, lib.name as library_name, i.barcode as item_barcode,
             (select coalesce(c.source_number, c.number) from cards c
               where c.patron_id = l.patron_id and c.library_id = l.library_id
               order by (c.kind = 'wise') desc, c.id desc limit 1) as library_patron_id
        from loans l
        join my_patrons p on p.patron_id = l.patron_id
        join libraries lib on lib.id = l.library_id
        left join regions r on r.id = lib.region_id
        join items i on i.id = l.item_id
       where ${where}
    )
    select json_build_object(
      'memberships', ${membershipsJson},
      'loans', coalesce((
        select json_agg(json_build_object(
          'id', t.id, 'patronId', t.patron_id, 'libraryId', t.library_id, 'regionId', t.region_id,
          'titleId', t.title_id, 'dueOn', t.due_on, 'renewals', t.renewals, 'returnedOn', t.returned_on,
          'isil', t.isil, 'libraryName', t.library_name, 'itemBarcode', t.item_barcode, 'libraryPatronId', t.library_patron_id,
          ${renewalFactsJson('t', 'rf')}
        ) order by t.id)
        from target t cross join lateral ${renewalFacts('t')} rf), '[]'::json)
    ) as view`,
  );
}

/**
 * Pure: the RenewalInput of one loan from the rows (R6 governing membership among the patron's
 * memberships at the lending library or in its region, already judged by R7/R11).
 */
export function renewalCandidate(loan: RenewalLoanRow, judged: readonly JudgedMembership[], today: IsoDate): RenewalCandidate {
  const candidates = judged
    .filter((m) => m.row.patronId === loan.patronId)
    .map((m) => ({
      ...m,
      libraryId: m.row.libraryId,
      regionId: m.row.regionId,
      subscriptionTypeCode: m.row.typeCode,
      endOn: m.effective.endOn,
    }));
  const governing = governingMembership(candidates, { libraryId: loan.libraryId, regionId: loan.regionId });
  return {
    loan,
    governing,
    input: {
      loan: { linked: true, returnedOn: loan.returnedOn, dueOn: loan.dueOn, renewals: loan.renewals },
      title: {
        activeReservationsByOthers: loan.reservationsByOthers,
        availableCopies: Math.max(0, loan.freeCopies - loan.setAside),
      },
      governing: governing ? { active: governing.effective.active, endOn: governing.effective.endOn } : null,
      subscriptionType: governing
        ? { loanPeriodDays: governing.row.loanPeriodDays, maxRenewals: governing.row.maxRenewals }
        : null,
      fees: { outstandingCents: loan.outstandingCents, thresholdCents: loan.thresholdCents },
      today,
    },
  };
}

/** Pure: every loan's candidate, keyed by loan id. */
export function buildRenewalCandidates(rows: RenewalInputsRows, today: IsoDate): Map<number, RenewalCandidate> {
  const judged = judgeMemberships(rows.memberships, today);
  return new Map(rows.loans.map((loan) => [loan.id, renewalCandidate(loan, judged, today)]));
}

/**
 * The renewal inputs of the account's loans in `scope`, on `today` — one statement. Loans of other
 * accounts and unknown ids are absent (P3): the caller refuses them as `not_linked`.
 */
export async function listRenewalCandidates(
  db: Executor,
  account: SignedInAccount,
  scope: RenewalScope,
  today: IsoDate,
): Promise<Map<number, RenewalCandidate>> {
  return buildRenewalCandidates(await getRenewalInputsRows(db, account, scope), today);
}
