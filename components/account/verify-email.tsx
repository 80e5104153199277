'use client';
// Verified e-mail addresses: the account's address is not verified yet. Says what that means (no recovery mail,
// no reminders) and sends the link again on request (throttled per account on the server).
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { resendVerification } from '@/lib/actions/account-settings';
import { FormAlert } from '@/components/forms/form-alert';
import { waitMinutes } from '@/components/forms/form-feedback';
import { useFormMessages, type FailureLike } from '@/components/forms/use-form-messages';

type Result = { ok: true; data: { status: 'verification_sent'; email: string } } | FailureLike;

export function VerifyEmail({ email }: { email: string }) {
  const t = useTranslations('Account');
  const messages = useFormMessages();
  const alertRef = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (attempt > 0) alertRef.current?.focus();
  }, [attempt]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      setResult(await resendVerification(null, data));
      setAttempt((n) => n + 1);
    });
  }

  let alert: React.ReactNode = null;
  if (result?.ok) {
    alert = (
      <FormAlert ref={alertRef} tone="success">
        {t('verify.success', { email: result.data.email })}
      </FormAlert>
    );
  } else if (result) {
    const text =
      result.code === 'throttled'
        ? t('verify.throttled', { count: waitMinutes(result.retryAfterSeconds) })
        : messages.form(result);
    alert = (
      <FormAlert ref={alertRef} tone="error">
        {text}
      </FormAlert>
    );
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="verify-title" className="space-y-3 rounded-xl border-2 border-accent bg-surface p-4 sm:p-6">
      <h2 id="verify-title" className="text-xl font-bold">
        {t('verify.title')}
      </h2>
      <p>{t('verify.intro', { email })}</p>
      {alert}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('verify.sending') : t('verify.submit')}
      </button>
    </form>
  );
}
