// P1 activation: a patron with a card and PIN but no account makes one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { ActivateForm } from '@/components/auth/activate-form';
import { getSignedInAccount } from '@/lib/auth/session';
import { loadNetwork } from '@/lib/data/loaders';
import { libraryChoices } from '@/lib/data/network';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Activate'))('metaTitle') };
}

export default async function ActivatePage() {
  // Signed in already: linking another card is done on Info lidmaatschap.
  if (await getSignedInAccount()) redirect('/memberships');
  const [t, messages, network] = await Promise.all([getTranslations('Activate'), getMessages(), loadNetwork()]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <NextIntlClientProvider messages={{ Activate: messages.Activate, AuthErrors: messages.AuthErrors, Fields: messages.Fields }}>
        <ActivateForm libraries={libraryChoices(network)} />
      </NextIntlClientProvider>
      <p>
        {t('haveAccount')} <Link href="/login">{t('signInLink')}</Link>
      </p>
    </div>
  );
}
