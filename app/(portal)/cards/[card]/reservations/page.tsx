// Reservations of one card (R2) with cancel and change pick-up (R3). One statement (P4); another
// account's card is a 404 (P3).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAccount } from '@/lib/auth/session';
import { loadReservationsView } from '@/lib/data/loaders';
import { linkedFreshness } from '@/lib/library-systems/freshness';
import { CardPageHeader } from '@/components/cards/card-page-header';
import { cardHref } from '@/components/cards/sections';
import { ReservationsTable } from '@/components/reservations/reservations-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Cards'))('reservations') };
}

export default async function ReservationsPage({ params }: { params: Promise<{ card: string }> }) {
  const { card } = await params;
  const account = await requireAccount(cardHref(card, 'reservations'));
  const view = await loadReservationsView(account, card);
  if (!view) notFound();
  return (
    <>
      <CardPageHeader cards={view.cards} card={view.card} section="reservations" freshness={linkedFreshness(view.freshness)} notices={view.notices} />
      <ReservationsTable reservations={view.reservations} />
    </>
  );
}
