// The daily reminder: one mail per account across all its cards and libraries,
// grouped per card (R2 label, with a link to that card's loans page) and per branch; each loan
// with whether it can be renewed now and until when (RN1–RN8), ready reservations with where and
// until when.
import type { ReminderBranch, ReminderCard, ReminderContent, ReminderLoan, ReminderReservation } from '../domain/reminder-plan';
import { formatDateOnly, intlLocale } from '../i18n/format';
import { escapeHtml, mailTranslator, renderMail, type MailLocale } from './render';
import type { Mail } from './transport';

export type { ReminderBranch, ReminderCard, ReminderContent, ReminderLoan, ReminderReservation };

export function reminderMail(content: ReminderContent, base: string): Mail {
  const { locale } = content;
  const t = mailTranslator(locale);
  // A date as patrons read it: "29 november 2026" / "29 November 2026".
  const date = (d: string) => formatDateOnly(d, intlLocale(locale));
  const count = content.cards.reduce((n, c) => n + c.branches.reduce((m, b) => m + b.items.length, 0), 0);

  const describe = (item: ReminderLoan | ReminderReservation, branch: ReminderBranch): { badge: string; title: string; details: string[] } => {
    if (item.kind === 'ready') {
      const where = `${t('reminder.branch', { code: branch.branchCode, name: branch.branchName })} (${branch.libraryName})`;
      return { badge: t('reminder.ready'), title: item.title, details: [t('reminder.readyAt', { branch: where, date: date(item.readyUntil) })] };
    }
    const due = item.state === 'overdue' ? t('reminder.overdueSince', { date: date(item.dueOn) }) : t('reminder.dueOn', { date: date(item.dueOn) });
    // An automatic renewal (opt-in) tells what it did instead of what the patron could do.
    const renewal = item.auto
      ? item.auto.outcome === 'renewed'
        ? t('reminder.autoRenewed', { date: date(item.auto.newDueOn) })
        : t('reminder.autoNotRenewed', { reason: t(`reminder.reasons.${item.auto.reason}`) })
      : item.renewal.ok
        ? t('reminder.renewable', { date: date(item.renewal.newDueOn) })
        : t('reminder.notRenewable', { reason: t(`reminder.reasons.${item.renewal.reason}`) });
    const title = item.author ? `${item.title} (${item.author})` : item.title;
    return { badge: item.state === 'overdue' ? t('reminder.overdue') : t('reminder.dueSoon'), title, details: [due, renewal] };
  };

  const textParts: string[] = [];
  const htmlParts: string[] = [];
  for (const card of content.cards) {
    const loansUrl = `${base}/cards/${encodeURIComponent(card.slug)}/loans`;
    textParts.push(`${card.label}\n${'='.repeat(Math.min(card.label.length, 60))}`);
    htmlParts.push(`<h2 style="font-size:1.15em;margin:1.4em 0 0.3em">${escapeHtml(card.label)}</h2>`);
    for (const branch of card.branches) {
      const heading = `${branch.libraryName}, ${t('reminder.branch', { code: branch.branchCode, name: branch.branchName })}`;
      const lines = branch.items.map((item) => describe(item, branch));
      textParts.push(`${heading}\n${lines.map((l) => `- [${l.badge}] ${l.title}\n  ${l.details.join('; ')}`).join('\n')}`);
      htmlParts.push(
        `<h3 style="font-size:1em;margin:1em 0 0.2em">${escapeHtml(heading)}</h3><ul>${lines
          .map((l) => `<li><strong>${escapeHtml(l.badge)}:</strong> ${escapeHtml(l.title)}<br>${escapeHtml(l.details.join('; '))}</li>`)
          .join('')}</ul>`,
      );
    }
    textParts.push(`${t('reminder.loansLink')}:\n${loansUrl}`);
    htmlParts.push(`<p><a href="${escapeHtml(loansUrl)}" style="color:#0b5f63;font-weight:bold">${escapeHtml(t('reminder.loansLink'))}</a></p>`);
  }

  return {
    to: content.to,
    subject: t('reminder.subject', { count }),
    ...renderMail(locale, [
      { kind: 'p', text: t('greeting', { name: content.username }) },
      { kind: 'p', text: t('reminder.intro') },
      { kind: 'raw', text: textParts.join('\n\n'), html: htmlParts.join('\n') },
      { kind: 'p', text: t('reminder.settings') },
      { kind: 'link', label: `${base}/account`, url: `${base}/account` },
    ]),
  };
}
