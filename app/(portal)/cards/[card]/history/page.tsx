// Lending history of one card (H1): search, pages, recording switch, export, clear. One statement
// (P4); another account's card is a 404 (P3). Bad page numbers or search input never fail the page.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAccount } from '@/lib/auth/session';
import { loadHistoryView } from '@/lib/data/loaders';
import { linkedFreshness } from '@/lib/library-systems/freshness';
import { CardPageHeader } from '@/components/cards/card-page-header';
import { cardHref } from '@/components/cards/sections';
import { HistorySection } from '@/components/history/history-section';

interface Props {
  params: Promise<{ card: string }>;
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Cards'))('history') };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const [{ card }, query] = await Promise.all([params, searchParams]);
  const account = await requireAccount(cardHref(card, 'history'));
  const page = Number.parseInt(first(query.page) ?? '1', 10);
  const view = await loadHistoryView(account, card, Number.isFinite(page) ? page : 1, first(query.q));
  if (!view) notFound();
  return (
    <>
      <CardPageHeader cards={view.cards} card={view.card} section="history" freshness={linkedFreshness(view.freshness)} notices={view.notices} />
      <HistorySection
        card={view.card.slug}
        basePath={cardHref(view.card.slug, 'history')}
        exportPath={`/api/cards/${encodeURIComponent(view.card.slug)}/history`}
        entries={view.entries}
        total={view.total}
        page={view.page}
        pageCount={view.pageCount}
        search={view.search}
        recording={view.recording}
      />
    </>
  );
}
