'use client';
// Issue 8 §2: the new password (the activation policy), twice; on success the action goes on to
// sign-in, which says the password was changed. Posts with or without JavaScript (issue 11 C).
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction, type ResetPasswordState } from '@/lib/actions/reset-password';
import { FormMessage, inputClass, labelClass } from './form-message';
import { RecoveryError } from './recovery-error';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('Recovery');
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, { status: 'idle' });
  if (state.status === 'error' && state.code === 'invalid_link') {
    return (
      <div className="space-y-4">
        <FormMessage tone="error">{t('invalidLink')}</FormMessage>
        <p>
          <Link href="/forgot-password" className="btn btn-primary">
            {t('askAgain')}
          </Link>
        </p>
      </div>
    );
  }
  const error = state.status === 'error' ? state.code : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="new-password" className={labelClass}>
          {t('newPassword')}
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          className={inputClass}
          aria-describedby={error ? 'password-hint reset-error' : 'password-hint'}
          aria-invalid={error && error !== 'mismatch' && error !== 'server_error' ? true : undefined}
        />
        <p id="password-hint" className="mt-1 text-muted">
          {t('passwordHint')}
        </p>
      </div>
      <div>
        <label htmlFor="confirm-password" className={labelClass}>
          {t('confirmPassword')}
        </label>
        <input
          id="confirm-password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          maxLength={128}
          className={inputClass}
          aria-invalid={error === 'mismatch' ? true : undefined}
          aria-describedby={error === 'mismatch' ? 'reset-error' : undefined}
        />
      </div>
      {error && <RecoveryError id="reset-error" code={error} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
