'use client';
// H1: clear the card's whole lending history, after a confirmation (a dialog; before JavaScript, a disclosure that posts the form).
import { useTranslations } from 'next-intl';
import { clearHistory, clearHistoryForm } from '@/lib/actions/history';
import { ConfirmDialog } from '@/components/cards/confirm-dialog';
import { ActionMessage, useCardFormAction } from '@/components/cards/use-card-action';

export function ClearHistory({ card }: { card: string }) {
  const t = useTranslations('CardActions');
  const { run, pending, message, formAction } = useCardFormAction(clearHistory, clearHistoryForm, (data) => t('cleared', { count: data.cleared }));
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="card" value={card} />
      <ConfirmDialog
        trigger={pending ? t('working') : t('clear')}
        title={t('clearConfirmTitle')}
        body={t('clearConfirmBody')}
        confirm={t('clearConfirm')}
        dismiss={t('keep')}
        pending={pending}
        danger
        onConfirm={() => run({ card })}
      />
      <ActionMessage message={message} />
    </form>
  );
}
