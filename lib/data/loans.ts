import 'server-only';
// Open loans of one card (R2): every library of the region, for the account's patrons on that
// card (P3), each with the renewal decision (RN1–RN8) — all facts in ONE statement (P4). The RN2/RN5
// facts are the SQL of renewal-sql.ts, the same text the renew action's reader and the reminder mail
// splice into their statements; loans.db.test.ts checks the three decide alike.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { dueStatus, type DueStatus } from '@/lib/domain/due-status';
import { loanStripsState, type LoanStripsState } from '@/lib/domain/loan-strips';
import { returnPlace } from '@/lib/domain/return-branches';
import { decideRenewal, type RenewalDecision } from '@/lib/domain/renewal';
import {
  cardRegionJson,
  cardViewBase,
  judgeMemberships,
  queryCardView,
  type CardViewBase,
  type CardViewHeader,
  type JudgedMembership,
  type RegionRow,
} from './cards';
import { renewalCandidate, type RenewalLoanRow } from './renewal-inputs';
import { renewalFacts, renewalFactsJson, renewalLoanColumns } from './renewal-sql';

interface LoanRow extends RenewalLoanRow {
  patronName: string;
  title: string;
  author: string | null;
  material: string;
  barcode: string;
  libraryName: string;
  branchCode: string;
  branchName: string;
  lentOn: IsoDate;
}

export interface LoanView {
  id: number;
  title: string;
  author: string | null;
  material: string;
  barcode: string;
  /** Given name of the patron record, shown only when the card has several (a family's records). */
  patronName: string | null;
  library: { id: number; name: string };
  branch: { code: string; name: string };
  lentOn: IsoDate;
  dueOn: IsoDate;
  due: DueStatus;
  renewals: number;
  /** RN3 maximum of the governing membership's subscription type; null without one (RN4). */
  maxRenewals: number | null;
  /** RN1–RN8 today: until when it could be renewed, or why not. */
  renewal: RenewalDecision;
  /** R3: where it may be returned. */
  returnPlace: ReturnPlaceView;
}

/**
 * R3 in words: `region` — any branch of the region (`regionName`; transport, 3b/3c); `library` —
 * only the branches of the lending library (`libraryName`; 3a or a lone library). `branches` are
 * the branch names; `listed` says they are few enough to name in the row (else a disclosure).
 */
export interface ReturnPlaceView {
  scope: 'region' | 'library';
  regionName: string | null;
  libraryName: string;
  branches: string[];
  listed: boolean;
}

/** R15: loan strips left on an active guest membership of the card. */
export interface LoanStripsView {
  membershipId: number;
  libraryName: string;
  /** The patron's given name when the card covers several patron records. */
  patronName: string | null;
  left: number;
  state: LoanStripsState;
}

interface BranchRow {
  libraryId: number;
  libraryName: string;
  code: string;
  name: string;
}

interface StripsRow {
  membershipId: number;
  patronId: number;
  patronName: string;
  libraryName: string;
  left: number;
}

export interface BranchGroup {
  key: string;
  libraryName: string;
  branch: { code: string; name: string };
  loans: LoanView[];
}

/** The chooser, the card, freshness and notices (CardViewBase), and the loans. */
export interface LoansView extends CardViewBase {
  /** Every open loan by due date (the flat view). */
  byDueDate: LoanView[];
  /** R2: per branch (library name, then branch code), by due date within a group. */
  byBranch: BranchGroup[];
  /** R15: strips left per active guest membership of the card (Dutch guest memberships only). */
  loanStrips: LoanStripsView[];
}

/**
 * The loans of card `slug`, or null when the account has no such card (P3: another account's card
 * and a made-up one look the same).
 */
export async function getLoansView(
  db: Executor,
  account: SignedInAccount,
  slug: string,
  today: IsoDate,
): Promise<LoansView | null> {
  const found = await queryCardView<
    CardViewHeader & { loans: LoanRow[]; region: RegionRow | null; branches: BranchRow[]; loanStrips: StripsRow[] }
  >(db, account, slug, today, {
    with: sql`
      open_loans as (
        select lo.id, lo.patron_id, lo.library_id, lo.branch_id, lo.lent_on, lo.due_on, lo.renewals, lo.returned_on,
               i.barcode, ${renewalLoanColumns('i', 'lib', 'r')}
          from loans lo
          join items i on i.id = lo.item_id
          join libraries lib on lib.id = lo.library_id
          left join regions r on r.id = lib.region_id
         where lo.returned_on is null
           and lo.patron_id in (select patron_id from card_patrons)
           and lo.library_id in (select id from card_libraries)
      )`,
    fields: sql`
        'loans', coalesce((
          select json_agg(json_build_object(
            'id', ol.id, 'patronId', ol.patron_id, 'patronName', pa.given_name,
            'title', t.title, 'author', t.author, 'material', t.material, 'barcode', ol.barcode,
            'libraryId', l.id, 'libraryName', l.name, 'regionId', ol.region_id, 'titleId', ol.title_id,
            'branchCode', b.code, 'branchName', b.name,
            'lentOn', ol.lent_on, 'dueOn', ol.due_on, 'renewals', ol.renewals, 'returnedOn', ol.returned_on,
            ${renewalFactsJson('ol', 'rf')}
          ) order by ol.due_on, t.title, ol.id)
            from open_loans ol
            join titles t on t.id = ol.title_id
            join patrons pa on pa.id = ol.patron_id
            join libraries l on l.id = ol.library_id
            join branches b on b.id = ol.branch_id
            cross join lateral ${renewalFacts('ol')} rf), '[]'::json),
        -- R3: the card's region (its kind) and every branch of the card's libraries, for the return places
        'region', ${cardRegionJson},
        'branches', coalesce((
          select json_agg(json_build_object('libraryId', l.id, 'libraryName', l.name, 'code', b.code, 'name', b.name)
                          order by l.name, b.name, b.code)
            from branches b
            join libraries l on l.id = b.library_id
           where l.id in (select id from card_libraries)), '[]'::json),
        -- R15: the strips left on the card's guest memberships (which are active is judged after)
        'loanStrips', coalesce((
          select json_agg(json_build_object('membershipId', m.id, 'patronId', m.patron_id, 'patronName', pa.given_name,
                                            'libraryName', l.name, 'left', m.loan_strips) order by l.name, m.id)
            from memberships m
            join patrons pa on pa.id = m.patron_id
            join libraries l on l.id = m.library_id
           where m.kind = 'guest' and m.loan_strips is not null
             and m.patron_id in (select patron_id from card_patrons)
             and m.library_id in (select id from card_libraries)), '[]'::json)`,
  });
  if (!found) return null;
  const { view } = found;

  const judged = judgeMemberships(view.memberships, today);
  const multiplePatrons = new Set(view.loans.map((l) => l.patronId)).size > 1;
  const returnPlaceOf = returnPlaces(view.region, view.branches);
  const loans = view.loans.map((row) => toLoanView(row, judged, today, multiplePatrons, returnPlaceOf));

  const groups = new Map<string, BranchGroup>();
  for (const loan of loans) {
    const key = `${loan.library.id}:${loan.branch.code}`;
    const group = groups.get(key) ?? { key, libraryName: loan.library.name, branch: loan.branch, loans: [] };
    group.loans.push(loan); // already by due date (SQL order)
    groups.set(key, group);
  }
  const byBranch = [...groups.values()].sort(
    (a, b) => a.libraryName.localeCompare(b.libraryName, 'nl') || a.branch.code.localeCompare(b.branch.code, 'nl'),
  );
  // R15: only a guest membership in force lends; several patron records on the card get names.
  const active = new Set(judged.filter((m) => m.active).map((m) => m.id));
  const severalStripPatrons = new Set(view.loanStrips.map((s) => s.patronId)).size > 1;
  const loanStrips = view.loanStrips
    .filter((s) => active.has(s.membershipId))
    .map((s) => ({
      membershipId: s.membershipId,
      libraryName: s.libraryName,
      patronName: severalStripPatrons ? s.patronName : null,
      left: s.left,
      state: loanStripsState(s.left),
    }));
  return { ...cardViewBase(found), byDueDate: loans, byBranch, loanStrips };
}

/** R3 return place of a loan of library `libraryId` (memoised per library: every loan of it has the same). */
function returnPlaces(region: RegionRow | null, branches: readonly BranchRow[]): (libraryId: number, libraryName: string) => ReturnPlaceView {
  const byLibrary = new Map<number, ReturnPlaceView>();
  return (libraryId, libraryName) => {
    const known = byLibrary.get(libraryId);
    if (known) return known;
    const place = returnPlace(region, { libraryId }, branches);
    const view: ReturnPlaceView = {
      scope: place.scope,
      regionName: region?.name ?? null,
      libraryName,
      branches: [...new Set(place.branches.map((b) => b.name))],
      listed: place.listed,
    };
    byLibrary.set(libraryId, view);
    return view;
  };
}

function toLoanView(
  row: LoanRow,
  memberships: readonly JudgedMembership[],
  today: IsoDate,
  multiplePatrons: boolean,
  returnPlaceOf: (libraryId: number, libraryName: string) => ReturnPlaceView,
): LoanView {
  // R6 governing membership (R11 for guests), RN1–RN8: the same pure steps as the renew action.
  const { governing, input } = renewalCandidate(row, memberships, today);
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    material: row.material,
    barcode: row.barcode,
    patronName: multiplePatrons ? row.patronName : null,
    library: { id: row.libraryId, name: row.libraryName },
    branch: { code: row.branchCode, name: row.branchName },
    lentOn: row.lentOn,
    dueOn: row.dueOn,
    due: dueStatus(row.dueOn, today),
    renewals: row.renewals,
    maxRenewals: governing?.row.maxRenewals ?? null,
    renewal: decideRenewal(input),
    returnPlace: returnPlaceOf(row.libraryId, row.libraryName),
  };
}
