// "over 3 dagen", "morgen", "2 dagen te laat": the due date relative to today, in words.
import { getTranslations } from 'next-intl/server';

type DatesT = Awaited<ReturnType<typeof getTranslations<'Dates'>>>;
type Due = { daysUntilDue: number; daysOverdue: number };

/** With the `Dates` translator already at hand: what a table uses for every row (no await per row). */
export function relativeDueText(t: DatesT, due: Due): string {
  if (due.daysOverdue > 0) return t('overdue', { days: due.daysOverdue });
  if (due.daysUntilDue === 0) return t('dueToday');
  if (due.daysUntilDue === 1) return t('dueTomorrow');
  return t('dueIn', { days: due.daysUntilDue });
}

export async function relativeDue(due: Due): Promise<string> {
  return relativeDueText(await getTranslations('Dates'), due);
}
