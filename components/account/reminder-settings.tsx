'use client';
// For account settings: reminder lead time (1–7 days or off), the language of mails and the opt-in
// automatic renewal the night before the due date (off by default).
// Ready to drop in inside a NextIntlClientProvider with `ReminderSettings`; the initial values come
// from getAccountSettings (lib/data/account.ts) on the server page.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/form-alert';
import { SelectField } from '@/components/forms/select-field';
import { saveReminderSettings, type ReminderSettingsState } from '@/lib/actions/reminder-settings';

export function ReminderSettings({ reminderDays, locale, autoRenew }: { reminderDays: number | null; locale: 'nl' | 'en'; autoRenew: boolean }) {
  const t = useTranslations('ReminderSettings');
  const [state, action, pending] = useActionState<ReminderSettingsState, FormData>(saveReminderSettings, { status: 'idle' });
  return (
    <section aria-labelledby="reminder-settings-title" className="space-y-4">
      <h2 id="reminder-settings-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p>{t('intro')}</p>
      <form action={action} className="space-y-4">
        <SelectField id="reminder-days" name="reminderDays" label={t('leadTime')} defaultValue={reminderDays === null ? 'off' : String(reminderDays)}>
          <option value="off">{t('off')}</option>
          {[1, 2, 3, 4, 5, 6, 7].map((days) => (
            <option key={days} value={days}>
              {t('days', { count: days })}
            </option>
          ))}
        </SelectField>
        <SelectField id="mail-locale" name="locale" label={t('language')} defaultValue={locale}>
          <option value="nl" lang="nl">
            {t('nl')}
          </option>
          <option value="en" lang="en">
            {t('en')}
          </option>
        </SelectField>
        <div className="flex max-w-xl items-start gap-3">
          <input
            id="auto-renew"
            name="autoRenew"
            type="checkbox"
            className="mt-1 size-6 shrink-0 accent-brand"
            defaultChecked={autoRenew}
            aria-describedby="auto-renew-hint"
          />
          <div>
            <label htmlFor="auto-renew" className="font-semibold">
              {t('autoRenew')}
            </label>
            <p id="auto-renew-hint" className="text-muted">
              {t('autoRenewHint')}
            </p>
          </div>
        </div>
        {state.status === 'saved' && <FormAlert tone="success">{t('saved')}</FormAlert>}
        {state.status === 'error' && <FormAlert tone="error">{t('error')}</FormAlert>}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </button>
      </form>
    </section>
  );
}
