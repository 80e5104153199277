// F1 outstanding amounts of a card: one table per library (kind, description, date, amount) with
// its total, the total of the card, and — RN5 — a clear line when renewals are blocked.
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/cards/empty-state';
import { formatAmount } from '@/components/cards/format';
import { captionClass, TableRegion, tableClass, td, th } from '@/components/cards/table-region';
import { formatDateOnly } from '@/lib/i18n/format';
import type { LibraryFeesProps } from './types';

interface Props {
  libraries: LibraryFeesProps[];
  totalCents: number;
  thresholdCents: number;
  blocksRenewal: boolean;
}

export async function FeesSection({ libraries, totalCents, thresholdCents, blocksRenewal }: Props) {
  const [t, locale] = await Promise.all([getTranslations('Fees'), getLocale()]);
  const amount = (cents: number) => formatAmount(cents, locale);
  const limit = thresholdCents > 0 ? <p className="text-muted">{t('threshold', { threshold: amount(thresholdCents) })}</p> : null;
  if (libraries.length === 0) {
    return (
      <div className="space-y-3">
        <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        {limit}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {blocksRenewal ? (
        <p role="alert" className="rounded-lg border-2 border-danger bg-danger-soft p-3 font-semibold text-danger-strong">
          {t('blocked', { threshold: amount(thresholdCents) })}
        </p>
      ) : null}
      <p className="text-xl font-bold">{t('cardTotal', { amount: amount(totalCents) })}</p>
      {limit}
      {libraries.map((library) => (
        <section key={library.libraryId} aria-labelledby={`fees-${library.libraryId}`} className="space-y-2">
          <h2 id={`fees-${library.libraryId}`} className="text-xl font-semibold">
            {library.libraryName}
          </h2>
          <TableRegion label={t('caption', { library: library.libraryName })}>
            <table className={tableClass}>
              <caption className={captionClass}>{t('caption', { library: library.libraryName })}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className={th}>{t('colDate')}</th>
                  <th scope="col" className={th}>{t('colKind')}</th>
                  <th scope="col" className={th}>{t('colDescription')}</th>
                  <th scope="col" className={`${th} text-right`}>{t('colAmount')}</th>
                </tr>
              </thead>
              <tbody>
                {library.fees.map((fee) => (
                  <tr key={fee.id} className="border-b border-line">
                    <td className={`${td} whitespace-nowrap`}>{formatDateOnly(fee.createdOn, locale)}</td>
                    <td className={td}>{t(`kind.${fee.kind}`)}</td>
                    <td className={td}>{fee.description}</td>
                    <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{amount(fee.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3} className={`${td} text-right`}>
                    {t('libraryTotal', { library: library.libraryName })}
                  </th>
                  <td className={`${td} whitespace-nowrap text-right font-semibold tabular-nums`}>{amount(library.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </TableRegion>
        </section>
      ))}
      <p className="text-muted">{t('payHint')}</p>
    </div>
  );
}
