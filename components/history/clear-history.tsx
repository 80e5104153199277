'use client';
// H1: clear the card's whole lending history, after a confirmation dialog.
import { useTranslations } from 'next-intl';
import { clearHistory } from '@/lib/actions/history';
import { ConfirmDialog } from '@/components/cards/confirm-dialog';
import { ActionMessage, useCardAction } from '@/components/cards/use-card-action';

export function ClearHistory({ card }: { card: string }) {
  const t = useTranslations('CardActions');
  const { run, pending, message } = useCardAction(clearHistory, (data) => t('cleared', { count: data.cleared }));
  return (
    <div className="space-y-1">
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
    </div>
  );
}
