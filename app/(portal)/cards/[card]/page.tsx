// A card opens on its loans.
import { redirect } from 'next/navigation';
import { cardHref } from '@/components/cards/sections';

export default async function CardPage({ params }: { params: Promise<{ card: string }> }) {
  const { card } = await params;
  redirect(cardHref(card, 'loans'));
}
