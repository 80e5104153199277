import 'server-only';
// `npm run reminders` (scripts/reminders.ts): today's due-date reminders, one mail a day
// at most per account. One read finds every candidate with all its facts (lib/data/reminders.ts), the
// pure plan says what each mail lists and whether it has news (lib/domain/reminder-plan.ts); per
// mailed account there are two writes, each its own statement: the claim before sending and the
// mark after.
//
// Exactly once a day, at most: the claim (`reminder_sends` row, status `sending`, primary key
// (account, day)) is inserted BEFORE the mail goes out, with `on conflict do nothing`, so a second
// run — or a concurrent one — the same day finds it and sends nothing. When sending fails with an
// error the claim is removed and a later run retries; when the process dies between claim and mark,
// the row stays `sending` and that day's mail is not retried (it may have gone out: no duplicate
// beats a duplicate). Only `sent` rows count as "already told" on later days, so such a mail is not
// lost either: the next day's run includes those items again.
//
// Automatic renewal (opt-in, `accounts.auto_renew`): after the claim, the loans due tomorrow of an
// account that opted in are renewed through the portal's own renew path (renewLoansForAccount:
// RN1–RN8, the library link where there is one), with ONE idempotency key per account and day
// (autoRenewRequestKey), so no run — a rerun, a concurrent one, a retry after a crash — renews a
// loan twice: the renew path stores its answer under that key. Refusals are reported in the mail,
// not retried. When sending then fails, the claim is released as above; the retry asks again for the
// loans due tomorrow plus those this key renewed (the candidate read finds them in the renewal log),
// which is the same request, so the renew path answers with its stored result: nothing is renewed
// again and the retried mail lists the same results.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reminderSends } from '@/db/schema';
import { listReminderCandidates, reminderFacts } from '@/lib/data/reminders';
import { todayInBrussels, type IsoDate } from '@/lib/domain/dates';
import { autoRenewLoanIds, planReminder, type AutoRenewResult } from '@/lib/domain/reminder-plan';
import { renewLoansForAccount } from '@/lib/actions/renew-loans-core';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from '@/lib/library-systems/port';
import { reminderMail } from '@/lib/mail/reminder-mail';
import { publicBaseUrl, type Mailer } from '@/lib/mail/transport';

export interface ReminderRunOptions {
  mailer: Mailer;
  now?: Date;
  baseUrl?: string;
  log?: (line: string) => void;
  /** The linked libraries (L1) the automatic renewal goes through, as the portal's renew action does. */
  systems?: LibrarySystems;
}

/**
 * The automatic renewal's idempotency key of one account and day: a name-based UUID (version 3:
 * MD5) of `auto-renew:<accountId>:<date>`, so every run that day uses the same key. The candidate
 * read computes the same key in SQL (lib/data/reminders.ts) to find the loans it renewed.
 */
export function autoRenewRequestKey(accountId: number, today: IsoDate): string {
  const bytes = createHash('md5').update(`auto-renew:${accountId}:${today}`).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x30;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
  /** Loans renewed automatically (opt-in) and loans the rules refused. */
  autoRenewed: number;
  autoRefused: number;
}

/** Idempotent per day; see the top of this file. */
export async function runReminders(db: Db, options: ReminderRunOptions): Promise<ReminderRunReport> {
  const now = options.now ?? new Date();
  const today = todayInBrussels(now);
  const base = (options.baseUrl ?? publicBaseUrl()).replace(/\/+$/, '');
  const log = options.log ?? (() => {});
  const rows = await listReminderCandidates(db, today);
  const report: ReminderRunReport = { today, candidates: rows.length, sent: 0, unchanged: 0, skipped: 0, failed: 0, autoRenewed: 0, autoRefused: 0 };

  for (const row of rows) {
    const facts = reminderFacts(row, today);
    const toRenew = autoRenewLoanIds(facts, today);
    // With loans to renew automatically there is always news: the renewal's result.
    const preview = planReminder(facts, today);
    if (toRenew.length === 0 && (!preview.news || preview.content.cards.length === 0)) {
      report.unchanged++;
      continue;
    }
    const claimed = await db
      .insert(reminderSends)
      .values({ accountId: preview.accountId, sentOn: today, status: 'sending', itemKeys: preview.itemKeys, claimedAt: now })
      .onConflictDoNothing()
      .returning({ accountId: reminderSends.accountId });
    if (claimed.length === 0) {
      report.skipped++;
      continue;
    }
    const auto = new Map<number, AutoRenewResult>();
    if (toRenew.length > 0) {
      const renewed = await renewLoansForAccount(
        db,
        { accountId: row.accountId, sessionVersion: 0 },
        { requestKey: autoRenewRequestKey(row.accountId, today), loanIds: toRenew },
        today,
        options.systems ?? NO_LIBRARY_SYSTEMS,
      );
      if (renewed.ok) {
        for (const item of renewed.data.items) {
          auto.set(item.loanId, item.outcome === 'renewed' ? { outcome: 'renewed', newDueOn: item.newDueOn } : { outcome: 'refused', reason: item.reason });
        }
        if (!renewed.data.replayed) {
          report.autoRenewed += renewed.data.renewed;
          report.autoRefused += renewed.data.refused;
        }
      } else {
        log(`[reminders] account ${row.accountId}: automatic renewal not done (${renewed.code})`);
      }
    }
    const plan = auto.size > 0 ? planReminder(facts, today, auto) : preview;
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
      .set({ status: 'sent', sentAt: new Date(), ...(plan === preview ? {} : { itemKeys: plan.itemKeys }) })
      .where(and(eq(reminderSends.accountId, plan.accountId), eq(reminderSends.sentOn, today)));
    report.sent++;
  }
  return report;
}
