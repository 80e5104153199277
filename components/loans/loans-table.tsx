// One table of loans: a checkbox to select it for renewal, title (author, material), lending library
// and branch with where it may be returned (R3), due date (absolute and relative), renewals used of allowed, and today's renewal
// decision (RN1–RN8) in words — replaced in place by the outcome once the patron renews.
// Must sit inside <RenewArea> (the checkbox and status are client leaves of its selection state).
import { getLocale, getTranslations } from 'next-intl/server';
import { captionClass, TableRegion, tableClass, td, th } from '@/components/cards/table-region';
import { relativeDue } from './relative-due';
import { RenewCheckbox, RenewStatus } from './renew-controls';
import { formatDateOnly, formatList, intlLocale } from '@/lib/i18n/format';
import type { LoanProps, ReturnPlaceProps } from './types';

const MATERIALS = ['book', 'comic', 'dvd', 'cd', 'game', 'magazine', 'other'] as const;
type Material = (typeof MATERIALS)[number];
const asMaterial = (m: string): Material => ((MATERIALS as readonly string[]).includes(m) ? (m as Material) : 'other');

export async function LoansTable({ caption, loans, showBranch }: { caption: string; loans: LoanProps[]; showBranch: boolean }) {
  const [t, tm, locale] = await Promise.all([getTranslations('Loans'), getTranslations('Materials'), getLocale()]);
  const rows = await Promise.all(loans.map(async (loan) => ({ loan, relative: await relativeDue(loan.due) })));
  return (
    <TableRegion label={caption}>
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className={`${th} w-px whitespace-nowrap`}>{t('colSelect')}</th>
            <th scope="col" className={th}>{t('colTitle')}</th>
            <th scope="col" className={th}>{t('colLibrary')}</th>
            <th scope="col" className={th}>{t('colDue')}</th>
            <th scope="col" className={th}>{t('colRenewals')}</th>
            <th scope="col" className={th}>{t('colRenewal')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ loan, relative }) => (
            <tr key={loan.id} className="border-b border-line last:border-b-0" data-loan-id={loan.id}>
              <td className={`${td} text-center`}>
                <RenewCheckbox loanId={loan.id} />
              </td>
              <th scope="row" className={`${td} font-normal`}>
                <span className="font-semibold">{loan.title}</span>
                <span className="block text-sm text-muted">
                  {[loan.author ? t('byAuthor', { author: loan.author }) : null, tm(asMaterial(loan.material)), loan.patronName ? t('forPatron', { name: loan.patronName }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </th>
              <td className={td}>
                {loan.library.name}
                {showBranch ? <span className="block text-sm text-muted">{t('branch', loan.branch)}</span> : null}
                <ReturnPlace place={loan.returnPlace} t={t} locale={locale} />
              </td>
              <td className={td}>
                <span className="whitespace-nowrap">{formatDateOnly(loan.dueOn, locale)}</span>
                <span className={`block text-sm ${loan.due.state === 'overdue' ? 'font-semibold text-danger' : loan.due.state === 'due_soon' ? 'font-semibold text-accent' : 'text-muted'}`}>
                  {relative}
                </span>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {loan.maxRenewals === null ? t('renewalsUsedUnknown', { used: loan.renewals }) : t('renewalsUsed', { used: loan.renewals, max: loan.maxRenewals })}
              </td>
              <td className={td}>
                <RenewStatus loanId={loan.id}>
                  {loan.renewal.ok
                    ? t('renewal.ok', { date: formatDateOnly(loan.renewal.newDueOn, locale) })
                    : t(`renewal.${loan.renewal.reason}`)}
                </RenewStatus>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type LoansT = Awaited<ReturnType<typeof getTranslations<'Loans'>>>;

/**
 * R3 in words, inside the library cell (the e2e specs address the row's cells by position): the
 * branches by name when few, else "any branch of …" and a disclosure that lists them.
 */
function ReturnPlace({ place, t, locale }: { place: ReturnPlaceProps; t: LoansT; locale: string }) {
  const region = place.scope === 'region' ? place.regionName : null;
  if (place.listed) {
    const branches = formatList(place.branches, intlLocale(locale));
    return (
      <div className="mt-1 text-sm" data-testid="return-place">
        {region ? t('returnRegion', { region, branches }) : t('returnLibrary', { library: place.libraryName, branches })}
      </div>
    );
  }
  return (
    <div className="mt-1 text-sm" data-testid="return-place">
      {region ? t('returnRegionAny', { region }) : t('returnLibraryAny', { library: place.libraryName })}
      <details>
        <summary className="cursor-pointer underline">{t('returnBranchesSummary', { count: place.branches.length })}</summary>
        <ul className="list-disc pl-5">
          {place.branches.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
