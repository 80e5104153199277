// "over 3 dagen", "morgen", "2 dagen te laat": the due date relative to today, in words.
import { getTranslations } from 'next-intl/server';

export async function relativeDue(due: { daysUntilDue: number; daysOverdue: number }): Promise<string> {
  const t = await getTranslations('Dates');
  if (due.daysOverdue > 0) return t('overdue', { days: due.daysOverdue });
  if (due.daysUntilDue === 0) return t('dueToday');
  if (due.daysUntilDue === 1) return t('dueTomorrow');
  return t('dueIn', { days: due.daysUntilDue });
}
