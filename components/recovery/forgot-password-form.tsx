'use client';
// Issue 8 §2: username or e-mail in; the same confirmation whether or not an account exists.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { forgotPassword, type RecoveryRequestState } from '@/lib/actions/forgot-password';
import { FormMessage, inputClass, labelClass } from './form-message';
import { RecoveryError } from './recovery-error';

export function ForgotPasswordForm() {
  const t = useTranslations('Recovery');
  const [state, action, pending] = useActionState<RecoveryRequestState, FormData>(forgotPassword, { status: 'idle' });
  if (state.status === 'sent') {
    return <FormMessage tone="success">{t('requestSent')}</FormMessage>;
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="recovery-login" className={labelClass}>
          {t('loginLabel')}
        </label>
        <input
          id="recovery-login"
          name="login"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={254}
          className={inputClass}
          aria-describedby={state.status === 'error' ? 'recovery-error' : undefined}
        />
      </div>
      {state.status === 'error' && <RecoveryError id="recovery-error" code={state.code} retryAfterSeconds={state.retryAfterSeconds} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('sending') : t('send')}
      </button>
    </form>
  );
}
