// Info lidmaatschap: every linked membership by card (R2, R6–R9, R11, R13, R15), link and unlink (P2).
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { LinkForm } from '@/components/memberships/link-form';
import { LinkedPatrons } from '@/components/memberships/linked-patrons';
import { MembershipCard } from '@/components/memberships/membership-card';
import type { MembershipsProps } from '@/components/memberships/types';
import { requireAccount } from '@/lib/auth/session';
import { loadMembershipsView, loadNetwork } from '@/lib/data/loaders';
import { libraryChoices } from '@/lib/data/network';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Memberships'))('metaTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MembershipsPage({ searchParams }: { searchParams: SearchParams }) {
  const account = await requireAccount('/memberships');
  const [params, t, messages] = await Promise.all([searchParams, getTranslations('Memberships'), getMessages()]);
  const [view, network]: [MembershipsProps, Awaited<ReturnType<typeof loadNetwork>>] = await Promise.all([loadMembershipsView(account), loadNetwork()]);
  const notice = params.activated ? t('activated') : params.unlinked ? t('unlinked') : null;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        {notice ? (
          <p role="status" className="rounded-md border-2 border-brand bg-brand-soft p-3 text-brand-strong">
            {notice}
          </p>
        ) : null}
        <p>{t('intro')}</p>
      </div>
      {view.cards.length === 0 ? <p>{t('empty')}</p> : null}
      {view.cards.map((card, index) => (
        <MembershipCard key={card.key} card={card} index={index} />
      ))}
      <NextIntlClientProvider messages={{ Unlink: messages.Unlink, Link: messages.Link, AuthErrors: messages.AuthErrors, Fields: messages.Fields }}>
        <LinkedPatrons patrons={view.patrons} />
        <div className="rounded-xl border border-line bg-surface p-4 sm:p-6">
          <LinkForm libraries={libraryChoices(network)} />
        </div>
      </NextIntlClientProvider>
    </div>
  );
}
