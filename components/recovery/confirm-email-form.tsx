'use client';
// E-mail change / verified addresses: the change (or verification) happens on this POST, not on opening the
// link (mail scanners open links).
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/forms/form-alert';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { confirmEmailAction, type ConfirmEmailState, type EmailLinkKind } from '@/lib/actions/confirm-email';

export function ConfirmEmailForm({ token, kind }: { token: string; kind: EmailLinkKind }) {
  const t = useTranslations('Recovery');
  const messages = useFormMessages('recovery');
  const [state, action, pending] = useActionState<ConfirmEmailState, FormData>(confirmEmailAction, { status: 'idle' });
  if (state.status === 'done') {
    return (
      <FormAlert tone="success">
        <strong className="block">{state.kind === 'verify' ? t('verifiedTitle') : t('confirmedTitle')}</strong>
        {state.kind === 'verify' ? t('verified', { email: state.email }) : t('confirmed', { email: state.email })}
      </FormAlert>
    );
  }
  if (state.status === 'error' && state.code === 'invalid_link') {
    return (
      <div className="space-y-4">
        <FormAlert tone="error">{t('invalidConfirm')}</FormAlert>
        <p>
          <Link href="/account">{t('toAccount')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.status === 'error' ? <FormAlert tone="error">{messages.form(state)}</FormAlert> : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('confirming') : kind === 'verify' ? t('verify') : t('confirm')}
      </button>
    </form>
  );
}
