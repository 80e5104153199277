// Client forms of recovery get only the messages they use.
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

export async function RecoveryMessages({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ Recovery: messages.Recovery }}>{children}</NextIntlClientProvider>;
}
