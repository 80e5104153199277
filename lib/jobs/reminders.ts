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
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reminderSends } from '@/db/schema';
import { listReminderCandidates, reminderFacts } from '@/lib/data/reminders';
import { todayInBrussels, type IsoDate } from '@/lib/domain/dates';
import { planReminder } from '@/lib/domain/reminder-plan';
import { reminderMail } from '@/lib/mail/reminder-mail';
import { publicBaseUrl, type Mailer } from '@/lib/mail/transport';

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

/** Idempotent per day; see the top of this file. */
export async function runReminders(db: Db, options: ReminderRunOptions): Promise<ReminderRunReport> {
  const now = options.now ?? new Date();
  const today = todayInBrussels(now);
  const base = (options.baseUrl ?? publicBaseUrl()).replace(/\/+$/, '');
  const log = options.log ?? (() => {});
  const rows = await listReminderCandidates(db, today);
  const report: ReminderRunReport = { today, candidates: rows.length, sent: 0, unchanged: 0, skipped: 0, failed: 0 };

  for (const row of rows) {
    const plan = planReminder(reminderFacts(row, today), today);
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
