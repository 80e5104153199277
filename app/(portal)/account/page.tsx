// Account settings: who you are signed in as (and whether the e-mail address is verified, with a
// way to send its link again); change password or e-mail; sign out everywhere; reminders; the
// calendar feed link; the personal API's tokens.
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AccountSettings } from '@/components/account/account-settings';
import { ApiTokens } from '@/components/account/api-tokens';
import { CalendarFeed } from '@/components/account/calendar-feed';
import { VerifyEmail } from '@/components/account/verify-email';
import { ReminderSettings } from '@/components/account/reminder-settings';
import { requireAccount } from '@/lib/auth/session';
import { API_TOKEN_NAME_MAX } from '@/lib/domain/personal-api';
import { loadAccountSettings, loadApiTokens } from '@/lib/data/loaders';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Account'))('metaTitle') };
}

export default async function AccountPage() {
  const account = await requireAccount('/account');
  const [t, messages, settings, apiTokens] = await Promise.all([
    getTranslations('Account'),
    getMessages(),
    loadAccountSettings(account),
    loadApiTokens(account),
  ]);
  if (!settings) redirect('/login?next=/account');
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('username')}</dt>
        <dd>{settings.username}</dd>
        <dt className="font-semibold">{t('emailLabel')}</dt>
        <dd>
          {settings.email}
          {settings.emailVerified ? null : <span className="ml-2 font-semibold">({t('emailUnverified')})</span>}
        </dd>
      </dl>
      <NextIntlClientProvider
        messages={{ Account: messages.Account, AuthErrors: messages.AuthErrors, Fields: messages.Fields, ReminderSettings: messages.ReminderSettings, CalendarFeed: messages.CalendarFeed, ApiTokens: messages.ApiTokens }}
      >
        {settings.emailVerified ? null : <VerifyEmail email={settings.email} />}
        <AccountSettings />
        <ReminderSettings reminderDays={settings.reminderDays} locale={settings.locale} autoRenew={settings.autoRenew} />
        <CalendarFeed createdAt={settings.calendarFeedCreatedAt} />
        <ApiTokens tokens={apiTokens} nameMax={API_TOKEN_NAME_MAX} />
      </NextIntlClientProvider>
    </div>
  );
}
