// R5/R7/R8 advice for one patron record, as the documents give it: before a membership lapses at
// the end of the month, only one membership in the region needs renewing (none when another one
// continues), the others lapse at the start of next month, the contribution is paid once — unless a
// digital collection needs a particular membership; duplicate auto-renewing memberships of one
// type are stopped but one. Shown on Info lidmaatschap and on the overview.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateOnly, formatList, intlLocale } from '@/lib/i18n/format';
import type { RenewalAdviceProps } from './types';

export async function RenewalAdviceText({ advice }: { advice: RenewalAdviceProps }) {
  const [t, locale] = await Promise.all([getTranslations('Memberships'), getLocale()]);
  const tag = intlLocale(locale);
  const and = (items: string[]) => formatList(items, tag);
  const { expiring } = advice;
  const when = expiring.every((e) => e.monthEnd) ? 'month' : 'other';
  return (
    <>
      {expiring.map((e) =>
        e.endOn ? (
          <p key={e.library}>
            {e.monthEnd
              ? t('warnings.expiringMonthEnd', { library: e.library, date: formatDateOnly(e.endOn, tag) })
              : t('warnings.expiringOn', { library: e.library, date: formatDateOnly(e.endOn, tag) })}
          </p>
        ) : null,
      )}
      {expiring.length > 0 ? (
        <p>
          {advice.continuingLibraries.length > 0
            ? t('warnings.noRenewalNeeded', { libraries: and(advice.continuingLibraries), count: expiring.length, when })
            : t('warnings.renewOne', { when })}
        </p>
      ) : null}
      {advice.neededForDigital.map((d) => (
        <p key={d.library}>{t('warnings.neededForDigital', { library: d.library, collections: and(d.collections) })}</p>
      ))}
      {advice.duplicateAutoRenew.map((d) => (
        <p key={d.subscriptionType}>{t('warnings.duplicateAutoRenew', { libraries: and(d.libraries), type: d.subscriptionType })}</p>
      ))}
      <p>{t('warnings.payOnce')}</p>
    </>
  );
}
