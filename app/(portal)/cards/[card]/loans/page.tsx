// Loans of one card (R2): every library of the region, per branch or by due date, each with
// today's renewal decision and where it may be returned (R3), the loan strips left on a Dutch guest
// membership (R15), and renewing all or a selection. One statement (P4); another
// account's card is a 404 (P3).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAccount } from '@/lib/auth/session';
import { loadLoansView } from '@/lib/data/loaders';
import { linkedFreshness } from '@/lib/library-systems/freshness';
import { CardPageHeader } from '@/components/cards/card-page-header';
import { cardHref } from '@/components/cards/sections';
import { LoanStrips } from '@/components/loans/loan-strips';
import { LoansSection } from '@/components/loans/loans-section';
import { RenewArea } from '@/components/loans/renew-area';

interface Props {
  params: Promise<{ card: string }>;
  searchParams: Promise<{ view?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Cards'))('loans') };
}

export default async function LoansPage({ params, searchParams }: Props) {
  const [{ card }, query] = await Promise.all([params, searchParams]);
  const account = await requireAccount(cardHref(card, 'loans'));
  const view = await loadLoansView(account, card);
  if (!view) notFound();
  return (
    <>
      <CardPageHeader cards={view.cards} card={view.card} section="loans" freshness={linkedFreshness(view.freshness)} notices={view.notices} />
      <LoanStrips strips={view.loanStrips} />
      <RenewArea cardSlug={view.card.slug}>
        <LoansSection basePath={cardHref(view.card.slug, 'loans')} view={query.view === 'due' ? 'due' : 'branch'} byBranch={view.byBranch} byDueDate={view.byDueDate} />
      </RenewArea>
    </>
  );
}
