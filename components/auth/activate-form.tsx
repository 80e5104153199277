'use client';
// P1 activation in one form: card number + PIN prove the card, then username, e-mail and password
// make the account. One form rather than two steps, so nothing about a card is said before its PIN
// is checked. On success the patron is signed in with the password just chosen.
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { activate } from '@/lib/actions/activate';
import { FormAlert, focusFirstError } from './form-alert';
import { TextField } from './text-field';
import { useFormMessages, type FailureLike } from './use-form-messages';

export function ActivateForm() {
  const t = useTranslations('Activate');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<FailureLike | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (attempt > 0 && failure) focusFirstError(formRef.current, alertRef.current);
  }, [attempt, failure]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await activate(null, data);
      if (result.ok) {
        const signedIn = await signIn('credentials', { login: result.data.username, password: String(data.get('password') ?? ''), redirect: false });
        window.location.assign(signedIn?.ok && !signedIn.error ? '/memberships?activated=1' : '/login?activated=1');
        return;
      }
      setFailure(result);
      setAttempt((n) => n + 1);
    });
  }

  const formError = failure ? messages.form(failure) : null;
  const field = (name: string) => messages.field(failure, name);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl space-y-6">
      {formError ? (
        <FormAlert ref={alertRef} tone="error">
          <p>{formError}</p>
          {failure?.code === 'already_linked' ? (
            <p className="mt-2">
              <Link href="/login">{t('signInInstead')}</Link>
            </p>
          ) : null}
        </FormAlert>
      ) : null}
      <fieldset className="space-y-4 rounded-lg border border-line bg-surface p-4">
        <legend className="px-1 text-lg font-bold">{t('cardLegend')}</legend>
        <TextField id="activate-card" name="cardNumber" label={t('cardNumber')} hint={t('cardNumberHint')} autoComplete="off" error={field('cardNumber')} maxLength={40} />
        <TextField id="activate-pin" name="pin" type="password" inputMode="numeric" label={t('pin')} hint={t('pinHint')} autoComplete="off" error={field('pin')} maxLength={8} />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-line bg-surface p-4">
        <legend className="px-1 text-lg font-bold">{t('accountLegend')}</legend>
        <TextField id="activate-username" name="username" label={t('username')} hint={t('usernameHint')} autoComplete="username" error={field('username')} maxLength={64} />
        <TextField id="activate-email" name="email" type="email" inputMode="email" label={t('email')} autoComplete="email" error={field('email')} maxLength={254} />
        <TextField id="activate-password" name="password" type="password" label={t('password')} hint={t('passwordHint')} autoComplete="new-password" error={field('password')} />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
