// Every page of one card: the client context its interactive leaves need (their messages; TanStack
// Query is loaded by the first action, components/cards/lazy-mutation.ts). The card itself is resolved by each page in its
// one statement (P4), which also answers 404 for a card that is not the account's (P3).
// Opening a card whose copy is older than the configured age refreshes it from its linked
// libraries AFTER the response (L1–L3): the page renders at once from the copy; the next page
// shows what the library said. The refresh is scoped to the account's patrons (P3).
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { getSignedInAccount } from '@/lib/auth/session';
import { isPlausibleSlug } from '@/lib/data/cards';
import { refreshOpenedCard } from '@/lib/library-systems/triggers';

export default async function CardLayout({ children, params }: { children: React.ReactNode; params: Promise<{ card: string }> }) {
  const [messages, { card }, account] = await Promise.all([getMessages(), params, getSignedInAccount()]);
  if (account && isPlausibleSlug(card)) refreshOpenedCard(account.accountId, card);
  return (
    <NextIntlClientProvider
      messages={{ Error: messages.Error, Cards: messages.Cards, CardActions: messages.CardActions, Freshness: messages.Freshness, Notices: messages.Notices }}
    >
      <div className="space-y-6">{children}</div>
    </NextIntlClientProvider>
  );
}
