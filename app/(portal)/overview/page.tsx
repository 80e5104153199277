// The overview, the first page after sign-in: across every card, what needs attention. One
// statement (P4) for all cards together, scoped to the account (P3). The heading comes at once; the
// cards stream in when that statement answers (loading.tsx shows the same heading meanwhile).
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireAccount, type SignedInAccount } from '@/lib/auth/session';
import { loadOverview } from '@/lib/data/loaders';
import { EmptyState } from '@/components/cards/empty-state';
import { formatAmount } from '@/components/cards/format';
import { OverviewCardsSkeleton } from '@/components/loading/skeletons';
import { CardAttention } from '@/components/overview/card-attention';
import { OverviewHeading } from '@/components/overview/overview-heading';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Overview'))('title') };
}

export default async function OverviewPage() {
  const account = await requireAccount('/overview');
  return (
    <div className="space-y-6">
      <OverviewHeading />
      <Suspense fallback={<OverviewCardsSkeleton />}>
        <OverviewCards account={account} />
      </Suspense>
    </div>
  );
}

async function OverviewCards({ account }: { account: SignedInAccount }) {
  const [view, t, tc, locale] = await Promise.all([loadOverview(account), getTranslations('Overview'), getTranslations('Cards'), getLocale()]);
  if (view.cards.length === 0) return <EmptyState title={tc('noCardsTitle')}>{t('noCards')}</EmptyState>;
  return (
    <>
      {view.totalOutstandingCents > 0 ? <p className="text-lg font-semibold">{t('totalOutstanding', { amount: formatAmount(view.totalOutstandingCents, locale) })}</p> : null}
      {view.cards.map((card) => (
        <CardAttention key={card.slug} card={card} />
      ))}
    </>
  );
}
