'use client';
// Issue 8 §4: the change happens on this POST, not on opening the link (mail scanners open links).
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmEmailAction, type ConfirmEmailState } from '@/lib/actions/confirm-email';
import { FormMessage } from './form-message';
import { RecoveryError } from './recovery-error';

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations('Recovery');
  const [state, action, pending] = useActionState<ConfirmEmailState, FormData>(confirmEmailAction, { status: 'idle' });
  if (state.status === 'done') {
    return (
      <FormMessage tone="success">
        <strong className="block">{t('confirmedTitle')}</strong>
        {t('confirmed', { email: state.email })}
      </FormMessage>
    );
  }
  if (state.status === 'error' && state.code === 'invalid_link') {
    return (
      <div className="space-y-4">
        <FormMessage tone="error">{t('invalidConfirm')}</FormMessage>
        <p>
          <Link href="/account">{t('toAccount')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.status === 'error' && <RecoveryError code={state.code} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('confirming') : t('confirm')}
      </button>
    </form>
  );
}
