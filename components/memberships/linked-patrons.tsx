// The patron records linked to this login (P2): each with its libraries and masked cards, and an
// unlink button for all but the last.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateOnly, formatList, intlLocale } from '@/lib/i18n/format';
import type { PatronProps } from './types';
import { UnlinkButton } from './unlink-button';

export async function LinkedPatrons({ patrons }: { patrons: PatronProps[] }) {
  const [t, locale] = await Promise.all([getTranslations('Memberships'), getLocale()]);
  return (
    <section aria-labelledby="linked-title" className="space-y-3">
      <h2 id="linked-title" className="text-2xl font-bold">
        {t('linked.title')}
      </h2>
      <p>{t('linked.intro')}</p>
      <ul className="space-y-3">
        {patrons.map((p) => {
          const libraries = formatList(p.libraries.length > 0 ? p.libraries : [...new Set(p.cards.map((c) => c.libraryName))], intlLocale(locale));
          return (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line bg-surface p-4">
              <div>
                <p className="font-bold">{p.name}</p>
                <p>{libraries}</p>
                <p className="text-sm text-muted">
                  {t(`linked.origin.${p.linkedBy}`, { date: formatDateOnly(p.linkedOn, intlLocale(locale)) })}
                </p>
                {p.cards.length > 0 ? (
                  <p className="text-sm text-muted">
                    {t('linked.cards', { cards: formatList(p.cards.map((c) => `${c.masked} (${c.libraryName})`), intlLocale(locale)) })}
                  </p>
                ) : null}
              </div>
              {patrons.length > 1 ? <UnlinkButton patronId={p.id} patronName={p.name} libraries={libraries} /> : null}
            </li>
          );
        })}
      </ul>
      {patrons.length === 1 ? <p className="text-sm text-muted">{t('linked.lastOne')}</p> : null}
    </section>
  );
}
