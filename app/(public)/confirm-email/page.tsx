// E-mail change: the page of the link mailed to a NEW address, and (verified addresses) of the link that
// verifies the address given at activation. Opening it changes nothing (mail scanners open links);
// the button does. A used, expired or unknown link gets a clear page.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConfirmEmailForm } from '@/components/recovery/confirm-email-form';
import { InvalidLink } from '@/components/recovery/invalid-link';
import { RecoveryMessages } from '@/components/recovery/recovery-messages';
import { loadEmailChangeLink } from '@/lib/data/loaders';

export const dynamic = 'force-dynamic';

// The token is in the URL: no Referer to any other site ('same-origin'; 'no-referrer' would make the
// browser post the form with `Origin: null`, which the Origin rule refuses).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Recovery');
  return { title: t('confirmTitle'), referrer: 'same-origin', robots: { index: false } };
}

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations('Recovery'), searchParams]);
  const token = typeof params.token === 'string' ? params.token : '';
  const link = await loadEmailChangeLink(token);
  if (!link.ok) {
    return <InvalidLink title={t('invalidConfirmTitle')} body={t('invalidConfirm')} action={t('toAccount')} href="/account" />;
  }
  const verify = link.kind === 'verify';
  return (
    <section aria-labelledby="confirm-title" className="max-w-2xl space-y-6">
      <h1 id="confirm-title" className="text-3xl font-bold">
        {verify ? t('verifyTitle') : t('confirmTitle')}
      </h1>
      <p>{t(verify ? 'verifyIntro' : 'confirmIntro', { email: link.newEmail, username: link.username })}</p>
      <RecoveryMessages>
        <ConfirmEmailForm token={token} kind={link.kind} />
      </RecoveryMessages>
    </section>
  );
}
