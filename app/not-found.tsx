import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <section aria-labelledby="not-found-title" className="max-w-2xl space-y-4">
      <h1 id="not-found-title" className="text-3xl font-bold">
        {t('title')}
      </h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/" className="btn btn-primary">
          {t('home')}
        </Link>
      </p>
    </section>
  );
}
