'use client';
// P2/R14: link another membership with that card's number and PIN, naming the card's library when
// the number is shared (a guest record under the home card number). It posts to the server action
// with or without JavaScript, so the PIN is never in a URL. Field errors and the PIN
// throttle's wait come back as typed results; a success re-renders the page (the action revalidates).
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { linkMembership } from '@/lib/actions/link-membership';
import type { ActionResult } from '@/lib/actions/account-action';
import { FormAlert, focusFirstError } from '@/components/forms/form-alert';
import { TextField } from '@/components/forms/text-field';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { useProgressiveAction } from '@/components/forms/use-progressive-action';
import { CardLibraryField, type LibraryChoice } from './card-library-field';

export function LinkForm({ libraries }: { libraries: readonly LibraryChoice[] }) {
  const t = useTranslations('Link');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const { state, formAction, onSubmit, pending } = useProgressiveAction<ActionResult<{ patronId: number }> | null>(linkMembership, null);
  const failure = state && !state.ok ? state : null;
  const linked = state?.ok === true;

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      formRef.current?.reset();
      alertRef.current?.focus();
    } else {
      focusFirstError(formRef.current, alertRef.current);
    }
  }, [state]);

  const formError = failure ? messages.form(failure) : null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="link-title">
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
      <CardLibraryField
        id="link-library"
        libraries={libraries}
        label={t('library')}
        hint={t('libraryHint')}
        anyLabel={t('anyLibrary')}
        error={messages.field(failure, 'library')}
      />
      <TextField id="link-card" name="cardNumber" label={t('cardNumber')} autoComplete="off" error={messages.field(failure, 'cardNumber')} maxLength={40} />
      <TextField id="link-pin" name="pin" type="password" inputMode="numeric" label={t('pin')} hint={t('pinHint')} autoComplete="off" error={messages.field(failure, 'pin')} maxLength={8} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
