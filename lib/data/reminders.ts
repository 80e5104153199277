import 'server-only';
// Issue 8 §5: one due-date reminder a day for every account, across all its cards and libraries.
//
// Candidates: ONE statement finds every account with reminders on and not yet mailed today that has
// an open loan due within its lead time (or overdue) or a reservation ready for pick-up, with every
// fact the mail needs — memberships (R6/R7/R11, read as the card views read them: cards.ts), the RN2
// title stock and RN5 fees (the SQL the loans page and the renew action use: renewal-sql.ts) — so the
// number of reads does not grow with the number of accounts. Per mailed account there are two
// writes, each its own statement: the claim before sending and the mark after.
//
// Exactly once a day, at most: the claim (`reminder_sends` row, status `sending`, primary key
// (account, day)) is inserted BEFORE the mail goes out, with `on conflict do nothing`, so a second
// run — or a concurrent one — the same day finds it and sends nothing. When sending fails with an
// error the claim is removed and a later run retries; when the process dies between claim and mark,
// the row stays `sending` and that day's mail is not retried (it may have gone out: no duplicate
// beats a duplicate). Only `sent` rows count as "already told" on later days, so such a mail is not
// lost either: the next day's run includes those items again.
//
// Only news triggers a mail: each listed item has a key (loan + due date + state, reservation +
// ready-until); an account is mailed when one of today's items was not in an earlier `sent`
// reminder, and the mail then lists everything that needs attention. A loan due in three days thus
// gives one mail, not one every day until it is overdue; renewing it (new due date) or it becoming
// overdue is news again.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, reminderSends } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { cardLabel, cardSlug, groupMembershipsIntoCards } from '@/lib/domain/card-label';
import { compareDates, todayInBrussels, type IsoDate } from '@/lib/domain/dates';
import { decideRenewal, type RenewalDecision } from '@/lib/domain/renewal';
import { reminderMail, type ReminderBranch, type ReminderCard, type ReminderContent } from '@/lib/mail/reminder-mail';
import { publicBaseUrl, type Mailer } from '@/lib/mail/transport';
import { judgeMemberships, membershipColumns, membershipJsonObject, queryView, type MembershipRow } from './cards';
import { renewalCandidate, type RenewalLoanRow } from './renewal-inputs';
import { renewalFactsJson, renewalLoanColumns } from './renewal-sql';

/** How far back earlier reminders count as "already told" (well beyond any loan period). */
const REMEMBER_DAYS = 120;

/** A due loan with the facts of its renewal decision — the renew action's RenewalLoanRow. */
interface LoanFact extends RenewalLoanRow {
  title: string;
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
        select a.id, a.username, a.email, a.locale, a.reminder_days
          from accounts a
         where a.reminder_days is not null
           -- issue 11 §5: a reminder lists loans and reservations; only to a verified address
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
         where lo.returned_on is null and lo.due_on <= ${today}::date + acc.reminder_days
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
        'accountId', acc.id, 'username', acc.username, 'email', acc.email, 'locale', acc.locale,
        'memberships', coalesce((
          select json_agg(${membershipJsonObject} order by mm.id) from memberships_of mm where mm.account_id = acc.id), '[]'::json),
        'loans', coalesce((
          select json_agg(json_build_object(
            'id', dl.id, 'patronId', dl.patron_id, 'title', t.title, 'author', t.author,
            'libraryId', l.id, 'libraryName', l.name, 'isil', l.isil,
            'regionId', dl.region_id, 'regionCode', r.code, 'regionName', r.name, 'titleId', dl.title_id,
            'branchCode', b.code, 'branchName', b.name, 'dueOn', dl.due_on, 'renewals', dl.renewals, 'returnedOn', dl.returned_on,
            -- RN2 and RN5 exactly as the loans page and the renew action decide them (renewal-sql.ts).
            ${renewalFactsJson('dl')}
          ) order by dl.due_on, t.title, dl.id)
            from due_loans dl
            join titles t on t.id = dl.title_id
            join libraries l on l.id = dl.library_id
            left join regions r on r.id = l.region_id
            join branches b on b.id = dl.branch_id
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

export interface PlannedReminder {
  accountId: number;
  itemKeys: string[];
  /** Some item was not in an earlier sent reminder. */
  news: boolean;
  content: ReminderContent;
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

/** Pure: today's reminder of one account from its facts (R2 cards, R6 + RN1–RN8 per loan). */
export function planReminder(row: CandidateRow, today: IsoDate): PlannedReminder {
  const judged = judgeMemberships(row.memberships, today);
  const renewals = reminderRenewals(row, today);
  const cards = groupMembershipsIntoCards(judged);
  const cardOf = (library: { isil: string; regionCode: string | null; regionName: string | null; libraryName: string }) => {
    const region = library.regionCode !== null && library.regionName !== null ? { code: library.regionCode, name: library.regionName } : null;
    const slug = cardSlug({ isil: library.isil, region });
    const card = cards.find((c) => c.slug === slug);
    return { slug, label: card?.label ?? cardLabel(region, { name: library.libraryName }) };
  };

  const byCard = new Map<string, ReminderCard>();
  const branchOf = (slug: string, label: string, f: { libraryName: string; branchCode: string; branchName: string }): ReminderBranch => {
    const card = byCard.get(slug) ?? { slug, label, branches: [] };
    byCard.set(slug, card);
    let branch = card.branches.find((b) => b.libraryName === f.libraryName && b.branchCode === f.branchCode);
    if (!branch) {
      branch = { libraryName: f.libraryName, branchCode: f.branchCode, branchName: f.branchName, items: [] };
      card.branches.push(branch);
    }
    return branch;
  };

  const keys: string[] = [];
  for (const loan of row.loans) {
    const renewal = renewals.get(loan.id)!;
    const state = compareDates(loan.dueOn, today) < 0 ? 'overdue' : 'due_soon';
    keys.push(`loan:${loan.id}:${loan.dueOn}:${state}`);
    const { slug, label } = cardOf(loan);
    branchOf(slug, label, loan).items.push({ kind: 'loan', state, title: loan.title, author: loan.author, dueOn: loan.dueOn, renewal });
  }
  for (const hold of row.ready) {
    keys.push(`ready:${hold.id}:${hold.readyUntil}`);
    const { slug, label } = cardOf(hold);
    branchOf(slug, label, hold).items.push({ kind: 'ready', title: hold.title, readyUntil: hold.readyUntil });
  }

  // Cards in the account's card order (R2), branches by library name and code; overdue items first.
  const order = new Map(cards.map((c, i) => [c.slug, i]));
  const sortedCards = [...byCard.values()].sort((a, b) => (order.get(a.slug) ?? 99) - (order.get(b.slug) ?? 99) || a.label.localeCompare(b.label, 'nl'));
  for (const card of sortedCards) {
    card.branches.sort((a, b) => a.libraryName.localeCompare(b.libraryName, 'nl') || a.branchCode.localeCompare(b.branchCode, 'nl'));
  }
  const told = new Set(row.toldKeys);
  return {
    accountId: row.accountId,
    itemKeys: keys,
    news: keys.some((k) => !told.has(k)),
    content: { to: row.email, username: row.username, locale: row.locale === 'en' ? 'en' : 'nl', cards: sortedCards },
  };
}

export interface ReminderRunOptions {
  mailer: Mailer;
  now?: Date;
  baseUrl?: string;
  log?: (line: string) => void;
}

export interface ReminderRunReport {
  today: IsoDate;
  /** Accounts with something due and not yet mailed today. */
  candidates: number;
  sent: number;
  /** Nothing new since the last reminder. */
  unchanged: number;
  /** Claimed by another run in the meantime. */
  skipped: number;
  failed: number;
}

/** `npm run reminders`: idempotent per day; see the top of this file. */
export async function runReminders(db: Db, options: ReminderRunOptions): Promise<ReminderRunReport> {
  const now = options.now ?? new Date();
  const today = todayInBrussels(now);
  const base = (options.baseUrl ?? publicBaseUrl()).replace(/\/+$/, '');
  const log = options.log ?? (() => {});
  const rows = await listReminderCandidates(db, today);
  const report: ReminderRunReport = { today, candidates: rows.length, sent: 0, unchanged: 0, skipped: 0, failed: 0 };

  for (const row of rows) {
    const plan = planReminder(row, today);
    if (!plan.news || plan.content.cards.length === 0) {
      report.unchanged++;
      continue;
    }
    const claimed = await db
      .insert(reminderSends)
      .values({ accountId: plan.accountId, sentOn: today, status: 'sending', itemKeys: plan.itemKeys, claimedAt: now })
      .onConflictDoNothing()
      .returning({ accountId: reminderSends.accountId });
    if (claimed.length === 0) {
      report.skipped++;
      continue;
    }
    try {
      await options.mailer.send(reminderMail(plan.content, base));
    } catch (error) {
      // Not sent: release the claim so that a later run today tries again.
      await db.delete(reminderSends).where(and(eq(reminderSends.accountId, plan.accountId), eq(reminderSends.sentOn, today)));
      report.failed++;
      // The error's name only: an SMTP server's text quotes the recipient's address.
      log(`[reminders] account ${plan.accountId}: sending failed (${error instanceof Error ? error.name : typeof error})`);
      continue;
    }
    await db
      .update(reminderSends)
      .set({ status: 'sent', sentAt: new Date() })
      .where(and(eq(reminderSends.accountId, plan.accountId), eq(reminderSends.sentOn, today)));
    report.sent++;
  }
  return report;
}
