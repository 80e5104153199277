// P1 sign-in. A signed-in patron goes straight on to where they were going.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { getSignedInAccount } from '@/lib/auth/session';
import { afterSignInPath } from '@/lib/security/safe-return-path';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Login'))('metaTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Only a path of this site (return paths); the home page or sign-in itself means the overview.
  const next = afterSignInPath(first(params.next));
  if (await getSignedInAccount()) redirect(next);
  const [t, recovery, messages] = await Promise.all([getTranslations('Login'), getTranslations('Recovery'), getMessages()]);
  const notice =
    params.signedOut === 'everywhere' ? t('signedOutEverywhere')
    : params.signedOut ? t('signedOut')
    : params.activated ? t('activated')
    : params.passwordReset ? (
      <>
        <strong className="block">{recovery('resetDoneTitle')}</strong>
        {recovery('resetDone')}
      </>
    )
    : null;

  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {notice ? (
        <p role="status" className="rounded-md border-2 border-brand bg-brand-soft p-3 text-brand-strong">
          {notice}
        </p>
      ) : null}
      <p>{t('intro')}</p>
      <NextIntlClientProvider messages={{ Login: messages.Login, AuthErrors: messages.AuthErrors, Fields: messages.Fields }}>
        <LoginForm next={next} initialError={first(params.error) ?? null} />
      </NextIntlClientProvider>
      <ul className="space-y-1">
        <li>
          <Link href="/forgot-password">{recovery('forgotPasswordLink')}</Link>
        </li>
        <li>
          <Link href="/forgot-username">{recovery('forgotUsernameLink')}</Link>
        </li>
      </ul>
      <p>
        {t('noAccount')} <Link href="/activate">{t('activateLink')}</Link>
      </p>
    </div>
  );
}
