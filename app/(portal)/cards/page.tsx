// /cards: the card chosen last (cookie set by the card pages), else the first card, else the overview.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireAccount } from '@/lib/auth/session';
import { loadCards } from '@/lib/data/loaders';
import { LAST_CARD_COOKIE } from '@/components/cards/card-cookie';
import { cardHref } from '@/components/cards/sections';

export default async function CardsIndex() {
  const account = await requireAccount('/cards');
  const [cards, store] = await Promise.all([loadCards(account), cookies()]);
  const last = store.get(LAST_CARD_COOKIE)?.value;
  const card = cards.find((c) => c.slug === last) ?? cards[0];
  redirect(card ? cardHref(card.slug) : '/overview');
}
