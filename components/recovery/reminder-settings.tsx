'use client';
// Issue 8 §6, for account settings: reminder lead time (1–7 days or off) and the language of mails.
// Ready to drop in inside a NextIntlClientProvider with `ReminderSettings`; the initial values come
// from getAccountSettings (lib/data/account.ts) on the server page.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveReminderSettings, type ReminderSettingsState } from '@/lib/actions/reminder-settings';
import { FormMessage, inputClass, labelClass } from './form-message';

export function ReminderSettings({ reminderDays, locale }: { reminderDays: number | null; locale: 'nl' | 'en' }) {
  const t = useTranslations('ReminderSettings');
  const [state, action, pending] = useActionState<ReminderSettingsState, FormData>(saveReminderSettings, { status: 'idle' });
  return (
    <section aria-labelledby="reminder-settings-title" className="space-y-4">
      <h2 id="reminder-settings-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p>{t('intro')}</p>
      <form action={action} className="space-y-4">
        <div>
          <label htmlFor="reminder-days" className={labelClass}>
            {t('leadTime')}
          </label>
          <select id="reminder-days" name="reminderDays" defaultValue={reminderDays === null ? 'off' : String(reminderDays)} className={inputClass}>
            <option value="off">{t('off')}</option>
            {[1, 2, 3, 4, 5, 6, 7].map((days) => (
              <option key={days} value={days}>
                {t('days', { count: days })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="mail-locale" className={labelClass}>
            {t('language')}
          </label>
          <select id="mail-locale" name="locale" defaultValue={locale} className={inputClass}>
            <option value="nl" lang="nl">
              {t('nl')}
            </option>
            <option value="en" lang="en">
              {t('en')}
            </option>
          </select>
        </div>
        {state.status === 'saved' && <FormMessage tone="success">{t('saved')}</FormMessage>}
        {state.status === 'error' && <FormMessage tone="error">{t('error')}</FormMessage>}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </button>
      </form>
    </section>
  );
}
