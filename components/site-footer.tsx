import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('Layout');
  return (
    <footer className="mt-12 border-t border-line bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted sm:px-6">
        <p>{t('footer')}</p>
      </div>
    </footer>
  );
}
