'use client';
// "Wachtwoord vergeten?" (username or e-mail in) and "Gebruikersnaam vergeten?"
// (e-mail in): one field, one button, and the same confirmation whether or not an account exists.
// A plain form action: without JavaScript the browser posts it and the page shows the answer.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/form-alert';
import { TextField } from '@/components/forms/text-field';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { forgotPassword, type RecoveryRequestState } from '@/lib/actions/forgot-password';
import { forgotUsername } from '@/lib/actions/forgot-username';

export type RecoveryRequestKind = 'password' | 'username';

const ERROR_ID = 'recovery-error';

export function RecoveryRequestForm({ kind }: { kind: RecoveryRequestKind }) {
  const t = useTranslations('Recovery');
  const messages = useFormMessages('recovery');
  const [state, action, pending] = useActionState<RecoveryRequestState, FormData>(kind === 'password' ? forgotPassword : forgotUsername, { status: 'idle' });
  if (state.status === 'sent') {
    return <FormAlert tone="success">{kind === 'password' ? t('requestSent') : t('usernameSent')}</FormAlert>;
  }
  const failed = state.status === 'error';
  return (
    <form action={action} className="space-y-4" noValidate>
      {kind === 'password' ? (
        <TextField
          id="recovery-login"
          name="login"
          label={t('loginLabel')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={254}
          describedBy={failed ? ERROR_ID : undefined}
        />
      ) : (
        <TextField id="recovery-email" name="email" type="email" label={t('emailLabel')} autoComplete="email" maxLength={254} describedBy={failed ? ERROR_ID : undefined} />
      )}
      {failed ? (
        <FormAlert tone="error" id={ERROR_ID}>
          {messages.form(state)}
        </FormAlert>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('sending') : kind === 'password' ? t('send') : t('sendUsernames')}
      </button>
    </form>
  );
}
