'use client';
// Translates a typed action result into the texts a form shows: one per field (`Fields`) and one
// for the form, from the catalogue its action's codes belong to (see form-feedback.ts). A form's
// NextIntlClientProvider needs only the namespaces it uses: `Fields` and `AuthErrors` for the
// identity forms, `Recovery` for the recovery forms.
import { useTranslations } from 'next-intl';
import { fieldErrorKey, formErrorMessage, type ErrorCatalog, type FormFailure } from './form-feedback';

export interface FailureLike extends FormFailure {
  ok: false;
  fieldErrors?: Record<string, string[]>;
}

export function useFormMessages(catalog: ErrorCatalog = 'identity') {
  const tField = useTranslations('Fields');
  const tIdentity = useTranslations('AuthErrors');
  const tRecovery = useTranslations('Recovery.errors');
  return {
    field(failure: FailureLike | null | undefined, field: string): string | null {
      const key = fieldErrorKey(field, failure?.fieldErrors?.[field]);
      return key ? tField(key as never) : null;
    },
    form(failure: FormFailure | null | undefined): string | null {
      if (!failure) return null;
      const { key, values } = formErrorMessage(failure, catalog);
      return catalog === 'recovery' ? tRecovery(key as never, values as never) : tIdentity(key as never, values as never);
    },
  };
}
