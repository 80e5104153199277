// Notices at the top of every card page: the changes the patron made in the portal that a
// library did not take over (its nightly import said otherwise, and the library's fact won), one
// sentence each that names the library, the title and why — instead of a silent change. A region
// with its own heading and a list; the meaning is in the words, not in the colour. Each notice has
// a "Begrepen" button (a real form, so it works without JavaScript) that hides it for good.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateOnly } from '@/lib/i18n/format';
import { DismissNoticeButton } from './dismiss-notice-button';
import { noticeSentence, type NoticeEntry } from './notice-format';

export async function CardNotices({ notices }: { notices: readonly NoticeEntry[] }) {
  if (notices.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('Notices'), getLocale()]);
  const date = (iso: string) => formatDateOnly(iso, locale);
  return (
    <section aria-labelledby="notices-title" className="space-y-3 rounded-lg border-2 border-accent bg-accent-soft p-4">
      <h2 id="notices-title" tabIndex={-1} className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-sm">{t('intro')}</p>
      <ul className="space-y-3">
        {notices.map((notice) => {
          const sentence = noticeSentence(notice, date);
          const textId = `notice-${notice.id}`;
          return (
            <li key={notice.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-surface p-3">
              <p id={textId} className="min-w-0 flex-1 basis-64">
                {t('sentence', {
                  change: t(`change.${sentence.change.key}`, sentence.change.values),
                  reason: t(`reason.${sentence.reason.key}`, sentence.reason.values),
                })}
              </p>
              <DismissNoticeButton changeId={notice.id} describedBy={textId} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
