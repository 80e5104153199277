'use client';
// P1 activation in one form: card number + PIN prove the card, then username, e-mail and password
// make the account. One form rather than two steps, so nothing about a card is said before its PIN
// is checked. It posts to the server action with or without JavaScript (no secret in a URL); on success the
// action signs the patron in with the password just chosen and goes on to Info lidmaatschap.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { activate } from '@/lib/actions/activate';
import type { ActivationResult } from '@/lib/actions/activate-core';
import { FormAlert, focusFirstError } from '@/components/forms/form-alert';
import { TextField } from '@/components/forms/text-field';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { useProgressiveAction } from '@/components/forms/use-progressive-action';
import { CardLibraryField, type LibraryChoice } from '@/components/memberships/card-library-field';

export function ActivateForm({ libraries }: { libraries: readonly LibraryChoice[] }) {
  const t = useTranslations('Activate');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const { state, formAction, onSubmit, pending } = useProgressiveAction<ActivationResult | null>(activate, null);
  const failure = state && !state.ok ? state : null;

  useEffect(() => {
    if (failure) focusFirstError(formRef.current, alertRef.current);
  }, [failure]);

  const formError = failure ? messages.form(failure) : null;
  const field = (name: string) => messages.field(failure, name);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="max-w-xl space-y-6">
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
        <CardLibraryField
          id="activate-library"
          libraries={libraries}
          label={t('library')}
          hint={t('libraryHint')}
          anyLabel={t('anyLibrary')}
          error={field('library')}
        />
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
