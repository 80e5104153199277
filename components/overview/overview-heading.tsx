// The overview's heading and introduction: on the page, and on its loading placeholder, so nothing
// moves when the cards arrive.
import { getTranslations } from 'next-intl/server';

export async function OverviewHeading() {
  const t = await getTranslations('Overview');
  return (
    <div className="space-y-1">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-muted">{t('intro')}</p>
    </div>
  );
}
