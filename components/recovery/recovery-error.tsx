'use client';
import { useTranslations } from 'next-intl';
import { FormMessage } from './form-message';

const KNOWN = [
  'invalid_input', 'invalid_email', 'throttled', 'mismatch', 'too_short', 'too_long', 'common',
  'same_as_username', 'server_error', 'wrong_password', 'same_email', 'unauthenticated',
] as const;
type Known = (typeof KNOWN)[number];

/** A failure code of a recovery action as a sentence; anything unexpected reads as "try again later". */
export function RecoveryError({ code, retryAfterSeconds, id }: { code: string; retryAfterSeconds?: number; id?: string }) {
  const t = useTranslations('Recovery.errors');
  const known: Known = (KNOWN as readonly string[]).includes(code) ? (code as Known) : 'server_error';
  const text =
    known === 'throttled' ? t('throttled', { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) }) : t(known);
  return (
    <FormMessage tone="error" id={id}>
      {text}
    </FormMessage>
  );
}
