'use client';
// The account page's interactive part: change password, change e-mail, sign out everywhere.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changeEmail, changePassword, signOutEverywhere } from '@/lib/actions/account-settings';
import { SettingsForm } from './settings-form';

export function AccountSettings() {
  const t = useTranslations('Account');
  // A plain form action: without JavaScript the browser posts it and follows the action's redirect.
  const [, signOutAction, pending] = useActionState(signOutEverywhere, null);
  return (
    <div className="space-y-8">
      <SettingsForm
        id="password"
        title={t('password.title')}
        submit={t('password.submit')}
        success={t('password.success')}
        action={changePassword}
        fields={[
          { name: 'currentPassword', label: t('currentPassword'), type: 'password', autoComplete: 'current-password' },
          { name: 'newPassword', label: t('password.new'), type: 'password', autoComplete: 'new-password', hint: t('password.hint') },
        ]}
      />
      <SettingsForm
        id="email"
        title={t('email.title')}
        submit={t('email.submit')}
        success={t('email.success')}
        action={changeEmail}
        fields={[
          { name: 'email', label: t('email.new'), type: 'email', autoComplete: 'email' },
          { name: 'currentPassword', label: t('currentPassword'), type: 'password', autoComplete: 'current-password' },
        ]}
      />
      <section aria-labelledby="everywhere-title" className="space-y-3 rounded-xl border border-line bg-surface p-4 sm:p-6">
        <h2 id="everywhere-title" className="text-xl font-bold">
          {t('everywhere.title')}
        </h2>
        <p>{t('everywhere.intro')}</p>
        <form action={signOutAction}>
          <button type="submit" className="btn btn-secondary" disabled={pending}>
            {t('everywhere.submit')}
          </button>
        </form>
      </section>
    </div>
  );
}
