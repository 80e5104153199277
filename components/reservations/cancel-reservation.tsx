'use client';
// Cancel one reservation, after a confirmation dialog.
import { useTranslations } from 'next-intl';
import { cancelReservation } from '@/lib/actions/reservations';
import { ConfirmDialog } from '@/components/cards/confirm-dialog';
import { ActionMessage, useCardAction } from '@/components/cards/use-card-action';

export function CancelReservation({ reservationId, title }: { reservationId: number; title: string }) {
  const t = useTranslations('CardActions');
  const { run, pending, message } = useCardAction(cancelReservation, () => t('cancelled'));
  return (
    <div className="space-y-1">
      <ConfirmDialog
        trigger={pending ? t('working') : t('cancel')}
        triggerLabel={t('cancelLabel', { title })}
        title={t('cancelConfirmTitle')}
        body={t('cancelConfirmBody', { title })}
        confirm={t('cancelConfirm')}
        dismiss={t('keep')}
        pending={pending}
        danger
        onConfirm={() => run({ reservationId })}
      />
      <ActionMessage message={message} />
    </div>
  );
}
