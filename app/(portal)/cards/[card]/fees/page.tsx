// Outstanding amounts of one card (F1, RN5). One statement (P4); another account's card is a 404 (P3).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAccount } from '@/lib/auth/session';
import { loadFeesView } from '@/lib/data/loaders';
import { linkedFreshness } from '@/lib/library-systems/freshness';
import { CardPageHeader } from '@/components/cards/card-page-header';
import { cardHref } from '@/components/cards/sections';
import { FeesSection } from '@/components/fees/fees-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Cards'))('fees') };
}

export default async function FeesPage({ params }: { params: Promise<{ card: string }> }) {
  const { card } = await params;
  const account = await requireAccount(cardHref(card, 'fees'));
  const view = await loadFeesView(account, card);
  if (!view) notFound();
  return (
    <>
      <CardPageHeader cards={view.cards} card={view.card} section="fees" freshness={linkedFreshness(view.freshness)} notices={view.notices} />
      <FeesSection libraries={view.libraries} totalCents={view.totalCents} thresholdCents={view.thresholdCents} blocksRenewal={view.blocksRenewal} />
    </>
  );
}
