// One table of loans: a checkbox to select it for renewal, title (author, material), lending library
// and branch with where it may be returned (R3), due date (absolute and relative), renewals used of allowed, and today's renewal
// decision (RN1–RN8) in words — replaced in place by the outcome once the patron renews.
// Must sit inside <RenewArea>.
//
// A card can hold hundreds of loans, and every row is sent twice (as HTML and again in the RSC
// payload the page hydrates from), so a row is plain server markup without class names (the
// table's one `loans` class styles its cells, app/globals.css) and with one small client leaf, the
// renewal status. The checkbox is a plain input joined to the renew form by its `form` attribute;
// RenewArea follows the selection by event delegation (issue 16).
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { captionClass, TableRegion } from '@/components/cards/table-region';
import { relativeDueText } from './relative-due';
import { RenewStatus } from './renew-controls';
import { RENEW_FORM_ID, renewStatusId } from './renew-state';
import { formatDateOnly, formatList, intlLocale } from '@/lib/i18n/format';
import { textTemplate } from '@/lib/i18n/text-template';
import type { LoanProps, ReturnPlaceProps } from './types';

const MATERIALS = ['book', 'comic', 'dvd', 'cd', 'game', 'magazine', 'other'] as const;
type Material = (typeof MATERIALS)[number];
const asMaterial = (m: string): Material => ((MATERIALS as readonly string[]).includes(m) ? (m as Material) : 'other');
const DUE_CLASS = { overdue: 'overdue', due_soon: 'soon', ok: undefined } as const;

type LoansT = Awaited<ReturnType<typeof getTranslations<'Loans'>>>;

/**
 * The words of loan rows for this request, shared by every table of the page (per branch there
 * can be many small ones): the same words recur on many rows (a due date, "0 van 2", a reason,
 * "over 3 dagen"), and each is put into words once — a next-intl call formats through a memoised
 * ICU formatter whose cache key is built anew on every call, the largest cost of a row (issue 16).
 * The return place element is made once per library and reused by its rows (React Flight writes
 * a repeated object once and refers to it after).
 */
const rowWords = cache(async () => {
  const [t, tm, td, tr, locale] = await Promise.all([
    getTranslations('Loans'),
    getTranslations('Materials'),
    getTranslations('Dates'),
    getTranslations('Renewal'),
    getLocale(),
  ]);
  const texts = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = make()));
    return text;
  };
  const day = (iso: string) => once(`d${iso}`, () => formatDateOnly(iso, locale));
  const places = new Map<ReturnPlaceProps, React.ReactNode>();
  return {
    t,
    day,
    // The texts with a value of their own per row (title, author, patron) are filled in, not formatted.
    selectLabel: textTemplate((title) => tr('selectLoan', { title })),
    byAuthor: textTemplate((author) => t('byAuthor', { author })),
    forPatron: textTemplate((name) => t('forPatron', { name })),
    material: (m: string) => once(`m${m}`, () => tm(asMaterial(m))),
    branch: (b: LoanProps['branch']) => once(`b${b.code}\n${b.name}`, () => t('branch', b)),
    relative: (due: LoanProps['due']) => once(`r${due.daysOverdue}/${due.daysUntilDue}`, () => relativeDueText(td, due)),
    renewals: (used: number, max: number | null) =>
      once(`u${used}/${max}`, () => (max === null ? t('renewalsUsedUnknown', { used }) : t('renewalsUsed', { used, max }))),
    decision: (r: LoanProps['renewal']) =>
      r.ok ? once(`o${r.newDueOn}`, () => t('renewal.ok', { date: day(r.newDueOn) })) : once(`n${r.reason}`, () => t(`renewal.${r.reason}`)),
    place: (p: ReturnPlaceProps) => {
      let node = places.get(p);
      if (node === undefined) places.set(p, (node = returnPlaceMarkup(p, t, locale)));
      return node;
    },
  };
});

export async function LoansTable({ caption, loans, showBranch }: { caption: string; loans: LoanProps[]; showBranch: boolean }) {
  const { t, day, selectLabel, byAuthor, forPatron, material, branch, relative, renewals, decision, place } = await rowWords();
  return (
    <TableRegion label={caption}>
      <table className="loans w-full min-w-[40rem] border-collapse">
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-px whitespace-nowrap">{t('colSelect')}</th>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colLibrary')}</th>
            <th scope="col">{t('colDue')}</th>
            <th scope="col">{t('colRenewals')}</th>
            <th scope="col">{t('colRenewal')}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => (
            <tr key={loan.id}>
              <td>
                <input
                  type="checkbox"
                  name="loanId"
                  value={loan.id}
                  form={RENEW_FORM_ID}
                  aria-label={selectLabel(loan.title)}
                  aria-describedby={renewStatusId(loan.id)}
                  disabled={!loan.renewal.ok || undefined}
                />
              </td>
              <th scope="row">
                <b>{loan.title}</b>
                <small>
                  {[loan.author ? byAuthor(loan.author) : null, material(loan.material), loan.patronName ? forPatron(loan.patronName) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </small>
              </th>
              <td>
                {loan.library.name}
                {showBranch ? <small>{branch(loan.branch)}</small> : null}
                {place(loan.returnPlace)}
              </td>
              <td>
                <span>{day(loan.dueOn)}</span>
                <small {...(DUE_CLASS[loan.due.state] ? { className: DUE_CLASS[loan.due.state] } : {})}>
                  {relative(loan.due)}
                </small>
              </td>
              <td>
                {renewals(loan.renewals, loan.maxRenewals)}
              </td>
              <td>
                <RenewStatus id={loan.id}>{decision(loan.renewal)}</RenewStatus>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/**
 * R3 in words, inside the library cell (the e2e specs address the row's cells by position): the
 * branches by name when few, else "any branch of …" and a disclosure that lists them.
 */
function returnPlaceMarkup(place: ReturnPlaceProps, t: LoansT, locale: string): React.ReactNode {
  const region = place.scope === 'region' ? place.regionName : null;
  if (place.listed) {
    const branches = formatList(place.branches, intlLocale(locale));
    return <div data-testid="return-place">{region ? t('returnRegion', { region, branches }) : t('returnLibrary', { library: place.libraryName, branches })}</div>;
  }
  return (
    <div data-testid="return-place">
      {region ? t('returnRegionAny', { region }) : t('returnLibraryAny', { library: place.libraryName })}
      <details>
        <summary>{t('returnBranchesSummary', { count: place.branches.length })}</summary>
        <ul>
          {place.branches.map((b, i) => (
            <li key={i}>{b}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
