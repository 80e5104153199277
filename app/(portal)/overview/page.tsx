// The overview, the first page after sign-in: across every card, what needs attention. One
// statement (P4) for all cards together, scoped to the account (P3).
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireAccount } from '@/lib/auth/session';
import { loadOverview } from '@/lib/data/loaders';
import { EmptyState } from '@/components/cards/empty-state';
import { formatAmount } from '@/components/cards/format';
import { CardAttention } from '@/components/overview/card-attention';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Overview'))('title') };
}

export default async function OverviewPage() {
  const account = await requireAccount('/overview');
  const [view, t, tc, locale] = await Promise.all([
    loadOverview(account),
    getTranslations('Overview'),
    getTranslations('Cards'),
    getLocale(),
  ]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="text-muted">{t('intro')}</p>
      </div>
      {view.cards.length === 0 ? (
        <EmptyState title={tc('noCardsTitle')}>{t('noCards')}</EmptyState>
      ) : (
        <>
          {view.totalOutstandingCents > 0 ? <p className="text-lg font-semibold">{t('totalOutstanding', { amount: formatAmount(view.totalOutstandingCents, locale) })}</p> : null}
          {view.cards.map((card) => (
            <CardAttention key={card.slug} card={card} />
          ))}
        </>
      )}
    </div>
  );
}
