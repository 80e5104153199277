// H1 lending history of a card: recording switch with its explanation, search (a plain GET form),
// the table (newest first), pages, export as CSV and clear all.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/cards/empty-state';
import { captionClass, TableRegion, tableClass, td, th } from '@/components/cards/table-region';
import { ClearHistory } from './clear-history';
import { RecordingToggle } from './recording-toggle';
import { formatDateOnly } from '@/lib/i18n/format';
import type { HistoryEntryProps } from './types';

interface Props {
  card: string;
  basePath: string;
  exportPath: string;
  entries: HistoryEntryProps[];
  total: number;
  page: number;
  pageCount: number;
  search: string;
  recording: boolean;
}

export async function HistorySection({ card, basePath, exportPath, entries, total, page, pageCount, search, recording }: Props) {
  const [t, locale] = await Promise.all([getTranslations('History'), getLocale()]);
  const date = (iso: string) => formatDateOnly(iso, locale);
  const pageHref = (p: number) => {
    const query = new URLSearchParams();
    if (search) query.set('q', search);
    if (p > 1) query.set('page', String(p));
    const qs = query.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const exportHref = search ? `${exportPath}?q=${encodeURIComponent(search)}` : exportPath;
  return (
    <div className="space-y-6">
      <section aria-labelledby="recording-title" className="space-y-2 rounded-lg border border-line bg-surface p-4">
        <h2 id="recording-title" className="text-lg font-semibold">
          {recording ? t('recordingOn') : t('recordingOff')}
        </h2>
        <p className="text-muted">{t('recordingExplain')}</p>
        <RecordingToggle card={card} recording={recording} />
      </section>

      <form method="get" action={basePath} role="search" className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col">
          <label htmlFor="history-search" className="font-semibold">
            {t('searchLabel')}
          </label>
          <input
            id="history-search"
            name="q"
            type="search"
            defaultValue={search}
            maxLength={100}
            className="min-h-11 w-full rounded-md border border-line bg-surface px-2"
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t('search')}
        </button>
        {search ? (
          <Link href={basePath} className="btn btn-secondary">
            {t('clearSearch')}
          </Link>
        ) : null}
      </form>

      <p aria-live="polite" className="font-semibold">
        {search ? t('resultsFor', { count: total, search }) : t('results', { count: total })}
      </p>

      {entries.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{search ? t('emptySearch') : recording ? t('emptyBody') : t('emptyOff')}</EmptyState>
      ) : (
        <TableRegion label={t('caption')}>
          <table className={tableClass}>
            <caption className={captionClass}>{t('caption')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className={th}>{t('colTitle')}</th>
                <th scope="col" className={th}>{t('colLibrary')}</th>
                <th scope="col" className={th}>{t('colLent')}</th>
                <th scope="col" className={th}>{t('colReturned')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-line last:border-b-0">
                  <th scope="row" className={`${td} font-normal`}>
                    <span className="font-semibold">{e.title}</span>
                    {e.author ? <span className="block text-sm text-muted">{e.author}</span> : null}
                  </th>
                  <td className={td}>
                    {e.libraryName}
                    <span className="block text-sm text-muted">
                      {e.branchCode} {e.branchName}
                    </span>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{date(e.lentOn)}</td>
                  <td className={`${td} whitespace-nowrap`}>{date(e.returnedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t('pagination')} className="flex flex-wrap items-center gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="btn btn-secondary">
              {t('previous')}
            </Link>
          ) : null}
          <span>{t('page', { page, count: pageCount })}</span>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} className="btn btn-secondary">
              {t('next')}
            </Link>
          ) : null}
        </nav>
      ) : null}

      <div className="flex flex-wrap items-start gap-3">
        {total > 0 ? (
          <a href={exportHref} download className="btn btn-secondary">
            {t('export')}
          </a>
        ) : null}
        {total > 0 ? <ClearHistory card={card} /> : null}
      </div>
    </div>
  );
}
