'use client';
// P1 sign-in form: username or e-mail + password. It posts to a server action (lib/actions/sign-in.ts),
// with JavaScript or without, so the password is never in a URL. The answer never says
// whether the account exists; a throttle says how long to wait.
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { signInWithPassword, type SignInState } from '@/lib/actions/sign-in';
import { parseSignInError } from '@/components/forms/form-feedback';
import { FormAlert, focusFirstError } from '@/components/forms/form-alert';
import { TextField } from '@/components/forms/text-field';
import { useFormMessages, type FailureLike } from '@/components/forms/use-form-messages';
import { useProgressiveAction } from '@/components/forms/use-progressive-action';

export function LoginForm({ next, initialError }: { next: string; initialError?: string | null }) {
  const t = useTranslations('Login');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const { state, formAction, onSubmit, pending } = useProgressiveAction<SignInState>(signInWithPassword, null);

  useEffect(() => {
    if (state) focusFirstError(formRef.current, alertRef.current);
  }, [state]);

  // An error handed over in the URL by next-auth's own endpoint (`/login?error=…`) until the form answers.
  const initial = parseSignInError(initialError);
  const failure: FailureLike | null = state ?? (initial ? { ok: false, ...initial } : null);
  const fieldError = (name: 'login' | 'password') => (failure?.fieldErrors?.[name] ? t(`${name}Required`) : null);
  const formError = failure && failure.code !== 'invalid_input' ? messages.form(failure) : null;

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-md space-y-5"
      aria-describedby={formError ? 'login-alert' : undefined}
    >
      <input type="hidden" name="next" value={next} />
      {formError ? (
        <div id="login-alert">
          <FormAlert ref={alertRef} tone="error">
            {formError}
          </FormAlert>
        </div>
      ) : null}
      <TextField
        id="login"
        name="login"
        label={t('login')}
        autoComplete="username"
        error={fieldError('login')}
        maxLength={254}
        defaultValue={state?.login}
      />
      <TextField id="password" name="password" type="password" label={t('password')} autoComplete="current-password" error={fieldError('password')} />
      <button type="submit" className="btn btn-primary" aria-disabled={pending} disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
