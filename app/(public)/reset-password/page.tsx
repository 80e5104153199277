// Forgot password: the page of the recovery link. A working link shows the form; a used, expired or
// unknown one a clear page with the way to ask again (never an error page). The token is in the
// URL, so this page sends no Referer to any other site ('same-origin', not 'no-referrer': under
// 'no-referrer' a browser posts the form with `Origin: null`, which the Origin rule refuses — the
// form must work without JavaScript, so that no secret is in a URL).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InvalidLink } from '@/components/recovery/invalid-link';
import { RecoveryMessages } from '@/components/recovery/recovery-messages';
import { ResetPasswordForm } from '@/components/recovery/reset-password-form';
import { loadResetLink } from '@/lib/data/loaders';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Recovery');
  return { title: t('resetTitle'), referrer: 'same-origin', robots: { index: false } };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations('Recovery'), searchParams]);
  const token = typeof params.token === 'string' ? params.token : '';
  const link = await loadResetLink(token);
  if (!link.ok) {
    return <InvalidLink title={t('invalidLinkTitle')} body={t('invalidLink')} action={t('askAgain')} href="/forgot-password" />;
  }
  return (
    <section aria-labelledby="reset-title" className="max-w-2xl space-y-6">
      <h1 id="reset-title" className="text-3xl font-bold">
        {t('resetTitle')}
      </h1>
      <p>{t('resetIntro', { username: link.username })}</p>
      <RecoveryMessages>
        <ResetPasswordForm token={token} />
      </RecoveryMessages>
    </section>
  );
}
