import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader() {
  const t = await getTranslations('Layout');
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          href="/"
          aria-label={t('homeLink')}
          className="inline-flex min-h-11 items-center gap-2 text-xl font-bold text-brand-strong no-underline"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M4 19.5V5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2Zm0 0A2 2 0 0 0 6 22h13v-3" strokeLinejoin="round" />
            <path d="M9 7h6M9 11h6" strokeLinecap="round" />
          </svg>
          <span>{t('productName')}</span>
        </Link>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
