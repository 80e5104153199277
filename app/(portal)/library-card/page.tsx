// The digital library card: a scannable barcode of every card of the account's linked patrons,
// for the desk or the kiosk. Works offline once opened (public/card-sw.js, registered for this
// page only) and can be added to the home screen (public/manifest.webmanifest, linked here only).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DigitalCard } from '@/components/card/digital-card';
import { RegisterCardWorker } from '@/components/card/register-card-worker';
import { requireAccount } from '@/lib/auth/session';
import { loadLibraryCardView } from '@/lib/data/loaders';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('LibraryCard');
  return {
    title: t('metaTitle'),
    manifest: '/manifest.webmanifest',
    appleWebApp: { capable: true, title: t('metaTitle'), statusBarStyle: 'default' },
  };
}

export default async function LibraryCardPage() {
  const account = await requireAccount('/library-card');
  const [t, view] = await Promise.all([getTranslations('LibraryCard'), loadLibraryCardView(account)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
      </div>
      {view.cards.length === 0 ? <p>{t('empty')}</p> : null}
      {view.cards.map((card) => (
        <DigitalCard
          key={card.id}
          headingId={`card-${card.id}`}
          card={{ value: card.value, libraryName: card.libraryName, kind: card.kind, patronName: view.severalPatrons ? card.patronName : null }}
        />
      ))}
      <RegisterCardWorker />
    </div>
  );
}
