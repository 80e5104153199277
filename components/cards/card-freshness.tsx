// L3 on every card page: per linked library of the card, when its data was last fetched, or plainly
// that it cannot be reached right now and how old what the patron sees is; then the button that
// fetches now. Nothing at all for a card of import-only libraries. The sentences sit in a polite
// live region, so the outcome of a refresh is read out when the page re-renders.
import { getLocale, getTranslations } from 'next-intl/server';
import { freshnessLines, type FreshnessEntry } from './freshness-format';
import { RefreshCardButton } from './refresh-card-button';

export async function CardFreshness({ slug, libraries }: { slug: string; libraries: readonly FreshnessEntry[] }) {
  if (libraries.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('Freshness'), getLocale()]);
  const lines = freshnessLines(libraries, new Date(), locale);
  return (
    <section aria-labelledby="freshness-title" className="space-y-2 rounded-lg border border-line bg-surface p-3 text-sm">
      <h2 id="freshness-title" className="sr-only">
        {t('heading')}
      </h2>
      <div role="status" aria-live="polite">
        <ul className="space-y-1">
          {lines.map((line) => (
            <li key={line.libraryId} className={line.warning ? 'font-semibold text-danger' : 'text-muted'}>
              {t(line.key, line.values)}
            </li>
          ))}
        </ul>
      </div>
      <RefreshCardButton slug={slug} />
    </section>
  );
}
