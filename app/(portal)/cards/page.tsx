// /cards: the card chosen last (cookie set by the card pages), else the first card, else the overview.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAccount } from '@/lib/auth/session';
import { listCards } from '@/lib/data/cards';
import { todayInBrussels } from '@/lib/domain/dates';
import { LAST_CARD_COOKIE } from '@/components/cards/card-cookie';
import { cardHref } from '@/components/cards/sections';

export default async function CardsIndex() {
  const account = await requireAccount('/cards');
  const [cards, store] = await Promise.all([listCards(await getDb(), account, todayInBrussels(new Date())), cookies()]);
  const last = store.get(LAST_CARD_COOKIE)?.value;
  const card = cards.find((c) => c.slug === last) ?? cards[0];
  redirect(card ? cardHref(card.slug) : '/overview');
}
