'use client';
// Issue 8 §4, for account settings: new address + current password → a link to the new address.
// Ready to drop into the account settings page inside a NextIntlClientProvider with `Recovery`.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestEmailChangeForm, type EmailChangeFormState } from '@/lib/actions/confirm-email';
import { FormMessage, inputClass, labelClass } from './form-message';
import { RecoveryError } from './recovery-error';

export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const t = useTranslations('Recovery');
  const [state, action, pending] = useActionState<EmailChangeFormState, FormData>(requestEmailChangeForm, { status: 'idle' });
  return (
    <section aria-labelledby="email-change-title" className="space-y-4">
      <h2 id="email-change-title" className="text-xl font-bold">
        {t('emailChangeTitle')}
      </h2>
      <p>{t('emailChangeIntro')}</p>
      {state.status === 'requested' ? (
        <FormMessage tone="success">{t('changeRequested', { email: state.email })}</FormMessage>
      ) : (
        <form action={action} className="space-y-4" noValidate>
          <div>
            <label htmlFor="new-email" className={labelClass}>
              {t('newEmail')}
            </label>
            <input id="new-email" name="newEmail" type="email" autoComplete="email" required maxLength={254} placeholder={currentEmail} className={inputClass} />
          </div>
          <div>
            <label htmlFor="email-change-password" className={labelClass}>
              {t('currentPassword')}
            </label>
            <input id="email-change-password" name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
          </div>
          {state.status === 'error' && <RecoveryError code={state.code} retryAfterSeconds={state.retryAfterSeconds} />}
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('sending') : t('requestChange')}
          </button>
        </form>
      )}
    </section>
  );
}
