// The public home page: what the portal is, and the library network read from the database.
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NetworkOverview } from '@/components/network/network-overview';
import { getSignedInAccount } from '@/lib/auth/session';
import { loadNetwork } from '@/lib/data/loaders';

// Rendered per request: `next build` must never open the database.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  // A signed-in patron wants their own overview, not the public introduction.
  if (await getSignedInAccount()) redirect('/overview');
  const [t, network] = await Promise.all([getTranslations('Home'), loadNetwork()]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="max-w-3xl">
        <h1 id="home-title" className="text-3xl font-bold leading-tight text-ink sm:text-4xl">
          {t('title')}
        </h1>
        <p className="mt-4 text-lg">{t('intro')}</p>
        <p className="mt-3 text-muted">{t('recognition')}</p>
      </section>
      <NetworkOverview {...network} />
    </div>
  );
}
