'use client';
// Issue 8 §3: e-mail in; the same confirmation whether or not the address has accounts.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { forgotUsername } from '@/lib/actions/forgot-username';
import type { RecoveryRequestState } from '@/lib/actions/forgot-password';
import { FormMessage, inputClass, labelClass } from './form-message';
import { RecoveryError } from './recovery-error';

export function ForgotUsernameForm() {
  const t = useTranslations('Recovery');
  const [state, action, pending] = useActionState<RecoveryRequestState, FormData>(forgotUsername, { status: 'idle' });
  if (state.status === 'sent') {
    return <FormMessage tone="success">{t('usernameSent')}</FormMessage>;
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="recovery-email" className={labelClass}>
          {t('emailLabel')}
        </label>
        <input
          id="recovery-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          className={inputClass}
          aria-describedby={state.status === 'error' ? 'recovery-error' : undefined}
        />
      </div>
      {state.status === 'error' && <RecoveryError id="recovery-error" code={state.code} retryAfterSeconds={state.retryAfterSeconds} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('sending') : t('sendUsernames')}
      </button>
    </form>
  );
}
