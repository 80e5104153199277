import Link from 'next/link';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getSignedInAccount } from '@/lib/auth/session';
import { SignOutButton } from './auth/sign-out-button';
import { LanguageSwitcher } from './language-switcher';

const navLink =
  'inline-flex min-h-11 items-center rounded-md px-3 font-semibold text-brand-strong no-underline hover:bg-brand-soft aria-[current=page]:bg-brand-soft aria-[current=page]:underline';

export async function SiteHeader() {
  const [t, tNav, account, headerStore] = await Promise.all([
    getTranslations('Layout'),
    getTranslations('Nav'),
    getSignedInAccount(),
    headers(),
  ]);
  // proxy.ts passes the path, so the current page can be marked for screen readers too.
  const path = (headerStore.get('x-portal-path') ?? '').split('?')[0] ?? '';
  const current = (href: string) => (path === href || path.startsWith(`${href}/`) ? ('page' as const) : undefined);
  const links = account
    ? [
        { href: '/overview', label: tNav('overview') },
        { href: '/memberships', label: tNav('memberships') },
        { href: '/library-card', label: tNav('libraryCard') },
        { href: '/account', label: tNav('account') },
      ]
    : [
        { href: '/login', label: tNav('signIn') },
        { href: '/activate', label: tNav('activate') },
      ];
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          href={account ? '/overview' : '/'}
          aria-label={t('homeLink')}
          className="inline-flex min-h-11 items-center gap-2 text-xl font-bold text-brand-strong no-underline"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M4 19.5V5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2Zm0 0A2 2 0 0 0 6 22h13v-3" strokeLinejoin="round" />
            <path d="M9 7h6M9 11h6" strokeLinecap="round" />
          </svg>
          <span>{t('productName')}</span>
        </Link>
        <nav aria-label={tNav('label')} className="flex flex-wrap items-center gap-1">
          <ul className="flex flex-wrap items-center gap-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className={navLink} aria-current={current(l.href)}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
          {account ? <SignOutButton label={tNav('signOut')} /> : null}
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
