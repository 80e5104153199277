'use client';
// Cancel one reservation, after a confirmation (a dialog; before JavaScript, a disclosure that posts the form).
import { useTranslations } from 'next-intl';
import { cancelReservation, cancelReservationForm } from '@/lib/actions/reservations';
import { ConfirmDialog } from '@/components/cards/confirm-dialog';
import { ActionMessage, useCardFormAction } from '@/components/cards/use-card-action';

export function CancelReservation({ reservationId, title }: { reservationId: number; title: string }) {
  const t = useTranslations('CardActions');
  const { run, pending, message, formAction } = useCardFormAction(cancelReservation, cancelReservationForm, () => t('cancelled'));
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="reservationId" value={reservationId} />
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
    </form>
  );
}
