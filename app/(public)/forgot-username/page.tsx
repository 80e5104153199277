// Issue 8 §3 "Gebruikersnaam vergeten?": the usernames of an address, mailed to that address.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotUsernameForm } from '@/components/recovery/forgot-username-form';
import { RecoveryMessages } from '@/components/recovery/recovery-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Recovery');
  return { title: t('forgotUsernameTitle') };
}

export default async function ForgotUsernamePage() {
  const t = await getTranslations('Recovery');
  return (
    <section aria-labelledby="forgot-username-title" className="max-w-2xl space-y-6">
      <h1 id="forgot-username-title" className="text-3xl font-bold">
        {t('forgotUsernameTitle')}
      </h1>
      <p>{t('forgotUsernameIntro')}</p>
      <RecoveryMessages>
        <ForgotUsernameForm />
      </RecoveryMessages>
      <ul className="space-y-1">
        <li>
          <Link href="/forgot-password">{t('forgotPasswordLink')}</Link>
        </li>
        <li>
          <Link href="/login">{t('backToSignIn')}</Link>
        </li>
      </ul>
    </section>
  );
}
