// A card that is not the account's (P3) or does not exist: the same answer for both, with a way on.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function CardNotFound() {
  const t = await getTranslations('Cards');
  return (
    <section aria-labelledby="card-not-found-title" className="max-w-2xl space-y-4">
      <h1 id="card-not-found-title" className="text-3xl font-bold">
        {t('notFoundTitle')}
      </h1>
      <p>{t('notFoundBody')}</p>
      <p>
        <Link href="/overview" className="btn btn-primary">
          {t('toOverview')}
        </Link>
      </p>
    </section>
  );
}
