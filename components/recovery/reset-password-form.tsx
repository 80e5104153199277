'use client';
// Forgot password: the new password (the activation policy), twice; on success the action goes on to
// sign-in, which says the password was changed. Posts with or without JavaScript (no secret in a URL).
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/form-alert';
import { TextField } from '@/components/forms/text-field';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { resetPasswordAction, type ResetPasswordState } from '@/lib/actions/reset-password';

const ERROR_ID = 'reset-error';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('Recovery');
  const messages = useFormMessages('recovery');
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, { status: 'idle' });
  if (state.status === 'error' && state.code === 'invalid_link') {
    return (
      <div className="space-y-4">
        <FormAlert tone="error">{t('invalidLink')}</FormAlert>
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
      <TextField
        id="new-password"
        name="password"
        type="password"
        label={t('newPassword')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        invalid={Boolean(error) && error !== 'mismatch' && error !== 'server_error'}
        describedBy={error ? ERROR_ID : undefined}
      />
      <TextField
        id="confirm-password"
        name="confirm"
        type="password"
        label={t('confirmPassword')}
        autoComplete="new-password"
        maxLength={128}
        invalid={error === 'mismatch'}
        describedBy={error === 'mismatch' ? ERROR_ID : undefined}
      />
      {error ? (
        <FormAlert tone="error" id={ERROR_ID}>
          {messages.form({ code: error })}
        </FormAlert>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
