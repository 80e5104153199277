'use client';
// P2/R14: link another membership with that card's number and PIN. Field errors and the PIN
// throttle's wait come back as typed results; a success re-renders the page (the action revalidates).
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { linkMembership } from '@/lib/actions/link-membership';
import { FormAlert, focusFirstError } from '../auth/form-alert';
import { TextField } from '../auth/text-field';
import { useFormMessages, type FailureLike } from '../auth/use-form-messages';

export function LinkForm() {
  const t = useTranslations('Link');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<FailureLike | null>(null);
  const [linked, setLinked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (attempt === 0) return;
    if (failure) focusFirstError(formRef.current, alertRef.current);
    else if (linked) alertRef.current?.focus();
  }, [attempt, failure, linked]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await linkMembership(null, data);
      if (result.ok) {
        form.reset();
        setFailure(null);
        setLinked(true);
      } else {
        setFailure(result);
        setLinked(false);
      }
      setAttempt((n) => n + 1);
    });
  }

  const formError = failure ? messages.form(failure) : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="link-title">
      <h2 id="link-title" className="text-2xl font-bold">
        {t('title')}
      </h2>
      <p>{t('intro')}</p>
      {formError ? (
        <FormAlert ref={alertRef} tone="error">
          {formError}
        </FormAlert>
      ) : linked ? (
        <FormAlert ref={alertRef} tone="success">
          {t('success')}
        </FormAlert>
      ) : null}
      <TextField id="link-card" name="cardNumber" label={t('cardNumber')} autoComplete="off" error={messages.field(failure, 'cardNumber')} maxLength={40} />
      <TextField id="link-pin" name="pin" type="password" inputMode="numeric" label={t('pin')} hint={t('pinHint')} autoComplete="off" error={messages.field(failure, 'pin')} maxLength={8} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
