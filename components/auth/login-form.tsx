'use client';
// P1 sign-in form: username or e-mail + password through next-auth's Credentials provider. The
// answer never says whether the account exists; a throttle says how long to wait.
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { parseSignInError } from './form-feedback';
import { FormAlert, focusFirstError } from './form-alert';
import { TextField } from './text-field';
import { useFormMessages, type FailureLike } from './use-form-messages';

export function LoginForm({ next, initialError }: { next: string; initialError?: string | null }) {
  const t = useTranslations('Login');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<FailureLike | null>(() => {
    const parsed = parseSignInError(initialError);
    return parsed ? { ok: false, ...parsed } : null;
  });
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (attempt > 0 && failure) focusFirstError(formRef.current, alertRef.current);
  }, [attempt, failure]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const login = String(data.get('login') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const fieldErrors: Record<string, string[]> = {};
    if (!login) fieldErrors.login = ['required'];
    if (!password) fieldErrors.password = ['required'];
    if (Object.keys(fieldErrors).length > 0) {
      setFailure({ ok: false, code: 'invalid_input', fieldErrors });
      setAttempt((n) => n + 1);
      return;
    }
    startTransition(async () => {
      const result = await signIn('credentials', { login, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so the header and every server component see the new session.
        window.location.assign(next);
        return;
      }
      const parsed = parseSignInError(result?.error ?? 'server_error') ?? { code: 'server_error' as const };
      setFailure({ ok: false, ...parsed });
      setAttempt((n) => n + 1);
    });
  }

  const fieldError = (name: 'login' | 'password') => (failure?.fieldErrors?.[name] ? t(`${name}Required`) : null);
  const formError = failure && failure.code !== 'invalid_input' ? messages.form(failure) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-describedby={formError ? 'login-alert' : undefined}>
      {formError ? (
        <div id="login-alert">
          <FormAlert ref={alertRef} tone="error">
            {formError}
          </FormAlert>
        </div>
      ) : null}
      <TextField id="login" name="login" label={t('login')} autoComplete="username" error={fieldError('login')} maxLength={254} />
      <TextField id="password" name="password" type="password" label={t('password')} autoComplete="current-password" error={fieldError('password')} />
      <button type="submit" className="btn btn-primary" aria-disabled={pending} disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
