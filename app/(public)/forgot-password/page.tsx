// Issue 8 §2 "Wachtwoord vergeten?": the same answer whether or not an account exists.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/recovery/forgot-password-form';
import { RecoveryMessages } from '@/components/recovery/recovery-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Recovery');
  return { title: t('forgotPasswordTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('Recovery');
  return (
    <section aria-labelledby="forgot-password-title" className="max-w-2xl space-y-6">
      <h1 id="forgot-password-title" className="text-3xl font-bold">
        {t('forgotPasswordTitle')}
      </h1>
      <p>{t('forgotPasswordIntro')}</p>
      <RecoveryMessages>
        <ForgotPasswordForm />
      </RecoveryMessages>
      <ul className="space-y-1">
        <li>
          <Link href="/forgot-username">{t('forgotUsernameLink')}</Link>
        </li>
        <li>
          <Link href="/login">{t('backToSignIn')}</Link>
        </li>
      </ul>
    </section>
  );
}
