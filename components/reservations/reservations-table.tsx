// Reservations of a card: status (waiting with queue position, in transit, ready until …), pick-up
// branch with the choice R3 allows, and cancel.
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/cards/empty-state';
import { captionClass, TableRegion, tableClass, td, th } from '@/components/cards/table-region';
import { CancelReservation } from './cancel-reservation';
import { ChangePickup } from './change-pickup';
import { formatDateOnly } from '@/lib/i18n/format';
import type { ReservationProps } from './types';

export async function ReservationsTable({ reservations }: { reservations: ReservationProps[] }) {
  const [t, locale] = await Promise.all([getTranslations('Reservations'), getLocale()]);
  if (reservations.length === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>;
  const date = (iso: string) => formatDateOnly(iso, locale);
  return (
    <TableRegion label={t('caption')}>
      <table className={tableClass}>
        <caption className={captionClass}>{t('caption')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className={th}>{t('colTitle')}</th>
            <th scope="col" className={th}>{t('colStatus')}</th>
            <th scope="col" className={th}>{t('colPickup')}</th>
            <th scope="col" className={th}>{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {reservations.map((r) => (
            <tr key={r.id} className="border-b border-line last:border-b-0" data-reservation-id={r.id}>
              <th scope="row" className={`${td} font-normal`}>
                <span className="font-semibold">{r.title}</span>
                {r.author ? <span className="block text-sm text-muted">{r.author}</span> : null}
                <span className="block text-sm text-muted">{t('placedOn', { date: date(r.placedOn) })}</span>
              </th>
              <td className={td}>
                {r.status === 'waiting'
                  ? t('waiting', { position: r.queuePosition })
                  : r.status === 'in_transit'
                    ? t('in_transit')
                    : t('ready', { date: date(r.readyUntil ?? r.placedOn) })}
              </td>
              <td className={td}>
                <span className="block">{t('pickup', { code: r.pickup.code, name: r.pickup.name })}</span>
                <span className="block text-sm text-muted">{r.pickup.libraryName}</span>
                {r.pickupOptions.length > 1 ? (
                  <div className="mt-2">
                    <ChangePickup reservationId={r.id} title={r.title} current={r.pickup.id} options={r.pickupOptions} />
                  </div>
                ) : null}
              </td>
              <td className={td}>{r.cancellable ? <CancelReservation reservationId={r.id} title={r.title} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
