'use client';
// Translates a typed action result into the texts a form shows: one per field and one for the form.
import { useTranslations } from 'next-intl';
import { fieldErrorKey, formErrorCode, waitParts } from './form-feedback';

export interface FailureLike {
  ok: false;
  code: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  library?: { name: string; message: string | null };
}

export function useFormMessages() {
  const tField = useTranslations('Fields');
  const tError = useTranslations('AuthErrors');
  return {
    field(failure: FailureLike | null | undefined, field: string): string | null {
      const key = fieldErrorKey(field, failure?.fieldErrors?.[field]);
      return key ? tField(key as never) : null;
    },
    form(failure: FailureLike | null | undefined): string | null {
      if (!failure) return null;
      const code = formErrorCode(failure.code);
      if (code === 'throttled') {
        const wait = waitParts(failure.retryAfterSeconds);
        return wait.unit === 'minutes' ? tError('throttledMinutes', { count: wait.count }) : tError('throttledSeconds', { count: wait.count });
      }
      if (code === 'library_unreachable') return tError('library_unreachable', { library: failure.library?.name ?? '' });
      return tError(code);
    },
  };
}
