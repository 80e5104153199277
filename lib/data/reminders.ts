import 'server-only';
// One due-date reminder a day for every account, across all its cards and libraries.
//
// Candidates: ONE statement finds every account with reminders on and not yet mailed today that has
// an open loan due within its lead time (or overdue) or a reservation ready for pick-up, with every
// fact the mail needs — memberships (R6/R7/R11, read as the card views read them: cards.ts), the RN2
// title stock and RN5 fees (the SQL the loans page and the renew action use: renewal-sql.ts) — so the
// number of reads does not grow with the number of accounts.
//
// The plan of each account's mail is lib/domain/reminder-plan.ts (which items, which are news); the
// run that claims, mails and marks is lib/jobs/reminders.ts.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { groupMembershipsIntoCards } from '@/lib/domain/card-label';
import type { IsoDate } from '@/lib/domain/dates';
import { decideRenewal, type RenewalDecision } from '@/lib/domain/renewal';
import type { ReminderFacts } from '@/lib/domain/reminder-plan';
import { judgeMemberships, membershipColumns, membershipJsonObject, queryView, type MembershipRow } from './cards';
import { renewalCandidate, type RenewalLoanRow } from './renewal-inputs';
import { renewalFacts, renewalFactsJson, renewalLoanColumns } from './renewal-sql';

/** How far back earlier reminders count as "already told" (well beyond any loan period). */
const REMEMBER_DAYS = 120;

/** A due loan with the facts of its renewal decision — the renew action's RenewalLoanRow. */
interface LoanFact extends RenewalLoanRow {
  title: string;
  /** Renewed by today's automatic renewal already (an earlier run today). */
  autoRenewedToday: boolean;
  author: string | null;
  libraryName: string;
  isil: string;
  regionCode: string | null;
  regionName: string | null;
  branchCode: string;
  branchName: string;
}

interface ReadyFact {
  id: number;
  title: string;
  libraryId: number;
  libraryName: string;
  isil: string;
  regionCode: string | null;
  regionName: string | null;
  branchCode: string;
  branchName: string;
  readyUntil: IsoDate;
}

export interface CandidateRow {
  accountId: number;
  username: string;
  email: string;
  locale: string;
  autoRenew: boolean;
  memberships: MembershipRow[];
  loans: LoanFact[];
  ready: ReadyFact[];
  toldKeys: string[];
}

/** Every account to consider today, with all its facts; one statement. */
export async function listReminderCandidates(db: Executor, today: IsoDate): Promise<CandidateRow[]> {
  const rows = await queryView<CandidateRow[] | null>(
    db,
    sql`
      with acc as (
        select a.id, a.username, a.email, a.locale, a.reminder_days, a.auto_renew,
               -- the automatic renewal's key of today (autoRenewRequestKey in lib/jobs/reminders.ts: a UUID v3)
               case when a.auto_renew then (
                 select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-3' || substr(h, 14, 3) || '-'
                        || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
                   from (select md5('auto-renew:' || a.id || ':' || ${today}::text) as h) k)
               end as auto_key
          from accounts a
         where a.reminder_days is not null
           -- a reminder lists loans and reservations; only to a verified address
           and a.email_verified
           and not exists (select 1 from reminder_sends rs where rs.account_id = a.id and rs.sent_on = ${today}::date)
      ),
      acc_patrons as (
        select ap.account_id, ap.patron_id from account_patrons ap join acc on acc.id = ap.account_id
      ),
      due_loans as (
        select ap.account_id, lo.id, lo.patron_id, lo.library_id, lo.branch_id, lo.due_on, lo.renewals, lo.returned_on,
               ${renewalLoanColumns('i', 'lib', 'r')}
          from loans lo
          join acc_patrons ap on ap.patron_id = lo.patron_id
          join acc on acc.id = ap.account_id
          join items i on i.id = lo.item_id
          join libraries lib on lib.id = lo.library_id
          left join regions r on r.id = lib.region_id
         where lo.returned_on is null
           and (lo.due_on <= ${today}::date + acc.reminder_days
                -- renewed by today's automatic renewal (a retry after a failed mail lists it again)
                or exists (select 1 from renewal_log rl
                            where rl.loan_id = lo.id and rl.account_id = acc.id and rl.request_key = acc.auto_key and rl.result = 'renewed'))
      ),
      ready as (
        select ap.account_id, rv.id, rv.title_id, rv.pickup_branch_id, rv.ready_until
          from reservations rv
          join acc_patrons ap on ap.patron_id = rv.patron_id
         where rv.status = 'ready' and rv.ready_until >= ${today}::date
      ),
      candidates as (
        select account_id from due_loans union select account_id from ready
      ),
      -- R6/R7/R11: the same membership facts as the card views (cards.ts), R13 home library included.
      memberships_of as (
        select ap.account_id, ${membershipColumns}
          from memberships m
          join acc_patrons ap on ap.patron_id = m.patron_id
          join candidates c on c.account_id = ap.account_id
          join libraries l on l.id = m.library_id
          left join regions r on r.id = l.region_id
          join subscription_types st on st.id = m.subscription_type_id
      )
      select coalesce(json_agg(json_build_object(
        'accountId', acc.id, 'username', acc.username, 'email', acc.email, 'locale', acc.locale, 'autoRenew', acc.auto_renew,
        'memberships', coalesce((
          select json_agg(${membershipJsonObject} order by mm.id) from memberships_of mm where mm.account_id = acc.id), '[]'::json),
        'loans', coalesce((
          select json_agg(json_build_object(
            'id', dl.id, 'patronId', dl.patron_id, 'title', t.title, 'author', t.author,
            'libraryId', l.id, 'libraryName', l.name, 'isil', l.isil,
            'regionId', dl.region_id, 'regionCode', r.code, 'regionName', r.name, 'titleId', dl.title_id,
            'branchCode', b.code, 'branchName', b.name, 'dueOn', dl.due_on, 'renewals', dl.renewals, 'returnedOn', dl.returned_on,
            'autoRenewedToday', exists (select 1 from renewal_log rl
                                         where rl.loan_id = dl.id and rl.account_id = acc.id and rl.request_key = acc.auto_key and rl.result = 'renewed'),
            -- RN2 and RN5 exactly as the loans page and the renew action decide them (renewal-sql.ts).
            ${renewalFactsJson('dl', 'rf')}
          ) order by dl.due_on, t.title, dl.id)
            from due_loans dl
            join titles t on t.id = dl.title_id
            join libraries l on l.id = dl.library_id
            left join regions r on r.id = l.region_id
            join branches b on b.id = dl.branch_id
            cross join lateral ${renewalFacts('dl')} rf
           where dl.account_id = acc.id), '[]'::json),
        'ready', coalesce((
          select json_agg(json_build_object(
            'id', rd.id, 'title', t.title, 'libraryId', l.id, 'libraryName', l.name, 'isil', l.isil,
            'regionCode', r.code, 'regionName', r.name, 'branchCode', b.code, 'branchName', b.name,
            'readyUntil', rd.ready_until
          ) order by rd.ready_until, t.title, rd.id)
            from ready rd
            join titles t on t.id = rd.title_id
            join branches b on b.id = rd.pickup_branch_id
            join libraries l on l.id = b.library_id
            left join regions r on r.id = l.region_id
           where rd.account_id = acc.id), '[]'::json),
        'toldKeys', coalesce((
          select json_agg(k.key)
            from reminder_sends rs, jsonb_array_elements_text(rs.item_keys) as k(key)
           where rs.account_id = acc.id and rs.status = 'sent'
             and rs.sent_on >= ${today}::date - ${REMEMBER_DAYS}::int), '[]'::json)
      ) order by acc.id), '[]'::json) as view
        from acc
       where acc.id in (select account_id from candidates)`,
  );
  return rows ?? [];
}

/**
 * Pure: what the mail says of each due loan's renewal (R6 + RN1–RN8), keyed by loan id — the renew
 * action's own pure steps (renewalCandidate, decideRenewal) on the same facts (renewal-sql.ts), so
 * "can be renewed until …" is what the loans page shows and the renewal does.
 */
export function reminderRenewals(row: CandidateRow, today: IsoDate): Map<number, RenewalDecision> {
  const judged = judgeMemberships(row.memberships, today);
  return new Map(row.loans.map((loan) => [loan.id, decideRenewal(renewalCandidate(loan, judged, today).input)]));
}

/** Pure: a candidate's facts as the reminder plan (lib/domain/reminder-plan.ts) takes them — its cards (R2) and each loan's renewal. */
export function reminderFacts(row: CandidateRow, today: IsoDate): ReminderFacts {
  const judged = judgeMemberships(row.memberships, today);
  const renewals = reminderRenewals(row, today);
  return {
    accountId: row.accountId,
    username: row.username,
    email: row.email,
    locale: row.locale,
    cards: groupMembershipsIntoCards(judged).map((card) => ({ slug: card.slug, label: card.label })),
    loans: row.loans.map((loan) => ({
      id: loan.id,
      title: loan.title,
      author: loan.author,
      dueOn: loan.dueOn,
      autoRenewedToday: loan.autoRenewedToday === true,
      libraryName: loan.libraryName,
      isil: loan.isil,
      regionCode: loan.regionCode,
      regionName: loan.regionName,
      branchCode: loan.branchCode,
      branchName: loan.branchName,
      renewal: renewals.get(loan.id)!,
    })),
    ready: row.ready,
    toldKeys: row.toldKeys,
    autoRenew: row.autoRenew === true,
  };
}
