// Every page of one card: the client context its interactive leaves need (their messages, TanStack
// Query). The card itself is resolved by each page in its
// one statement (P4), which also answers 404 for a card that is not the account's (P3).
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { QueryProvider } from '@/components/cards/query-provider';

export default async function CardLayout({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ Error: messages.Error, Cards: messages.Cards, CardActions: messages.CardActions }}>
      <QueryProvider>
        <div className="space-y-6">{children}</div>
      </QueryProvider>
    </NextIntlClientProvider>
  );
}
