// One table of loans: a checkbox to select it for renewal, title (author, material), lending library
// and branch with where it may be returned (R3), due date (absolute and relative), renewals used of allowed, and today's renewal
// decision (RN1–RN8) in words — replaced in place by the outcome once the patron renews.
// Must sit inside <RenewArea>.
//
// A card can hold hundreds of loans. The rows are put into words here, once per request and text,
// and drawn by one client component from a compact form (loan-rows-data.ts): a server-rendered row
// would be sent twice, as markup in the RSC payload and again as HTML, and cost the framework's
// per-element work twice (issue 16). The client component also shows the outcome of a renewal in
// place, so no component per row is needed for it.
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { captionClass, TableRegion } from '@/components/cards/table-region';
import { LoanRows } from './loan-rows';
import { loanRowsData, type LoanRowWords, type ReturnPlaceData } from './loan-rows-data';
import { relativeDueText } from './relative-due';
import { formatDateOnly, formatList, intlLocale } from '@/lib/i18n/format';
import { TEXT_MARK, textTemplate } from '@/lib/i18n/text-template';
import type { LoanProps, ReturnPlaceProps } from './types';

const MATERIALS = ['book', 'comic', 'dvd', 'cd', 'game', 'magazine', 'other'] as const;
type Material = (typeof MATERIALS)[number];
const asMaterial = (m: string): Material => ((MATERIALS as readonly string[]).includes(m) ? (m as Material) : 'other');

type LoansT = Awaited<ReturnType<typeof getTranslations<'Loans'>>>;

/**
 * The words of loan rows for this request, shared by every table of the page (per branch there
 * can be many small ones): the same words recur on many rows (a due date, "0 van 2", a reason,
 * "over 3 dagen"), and each is put into words once — a next-intl call formats through a memoised
 * ICU formatter whose cache key is built anew on every call, the largest cost of a row (issue 16).
 * A return place is put into words once per library.
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
  const places = new Map<ReturnPlaceProps, ReturnPlaceData>();
  // The texts with a value of their own per row (title, author, patron) are filled in, not formatted.
  const byAuthor = textTemplate((author) => t('byAuthor', { author }));
  const forPatron = textTemplate((name) => t('forPatron', { name }));
  const material = (m: string) => once(`m${m}`, () => tm(asMaterial(m)));
  const [before = '', after = ''] = tr('selectLoan', { title: TEXT_MARK }).split(TEXT_MARK);
  const words: LoanRowWords = {
    selectLabel: [before, after],
    byline: (loan) =>
      [loan.author ? byAuthor(loan.author) : null, material(loan.material), loan.patronName ? forPatron(loan.patronName) : null]
        .filter(Boolean)
        .join(' · '),
    day,
    branch: (b: LoanProps['branch']) => once(`b${b.code}\n${b.name}`, () => t('branch', b)),
    relative: (due: LoanProps['due']) => once(`r${due.daysOverdue}/${due.daysUntilDue}`, () => relativeDueText(td, due)),
    renewals: (used: number, max: number | null) =>
      once(`u${used}/${max}`, () => (max === null ? t('renewalsUsedUnknown', { used }) : t('renewalsUsed', { used, max }))),
    decision: (r: LoanProps['renewal']) =>
      r.ok ? once(`o${r.newDueOn}`, () => t('renewal.ok', { date: day(r.newDueOn) })) : once(`n${r.reason}`, () => t(`renewal.${r.reason}`)),
    place: (p) => {
      let data = places.get(p);
      if (data === undefined) places.set(p, (data = returnPlaceWords(p, t, locale)));
      return data;
    },
  };
  return { t, words };
});

export async function LoansTable({ caption, loans, showBranch }: { caption: string; loans: LoanProps[]; showBranch: boolean }) {
  const { t, words } = await rowWords();
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
        <LoanRows data={loanRowsData(loans, showBranch, words)} />
      </table>
    </TableRegion>
  );
}

/**
 * R3 in words, for the library cell (loan-rows.tsx): the branches by name when few, else "any
 * branch of …" and a disclosure that lists them.
 */
function returnPlaceWords(place: ReturnPlaceProps, t: LoansT, locale: string): ReturnPlaceData {
  const region = place.scope === 'region' ? place.regionName : null;
  if (place.listed) {
    const branches = formatList(place.branches, intlLocale(locale));
    return { text: region ? t('returnRegion', { region, branches }) : t('returnLibrary', { library: place.libraryName, branches }), more: null };
  }
  return {
    text: region ? t('returnRegionAny', { region }) : t('returnLibraryAny', { library: place.libraryName }),
    more: { summary: t('returnBranchesSummary', { count: place.branches.length }), branches: place.branches },
  };
}
