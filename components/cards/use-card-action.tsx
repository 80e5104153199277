'use client';
// Runs a card server action as a TanStack mutation and turns its typed result into one sentence
// for an aria-live region: the success text, or the translated failure code — never raw errors.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

type Result<T> = { ok: true; data: T } | { ok: false; code: string };

const KNOWN = ['unauthenticated', 'invalid_input', 'not_found', 'not_active', 'not_waiting', 'branch_not_allowed', 'server_error'] as const;
type Known = (typeof KNOWN)[number];

export function useCardAction<I, T>(action: (input: I) => Promise<Result<T>>, success: (data: T) => string) {
  const t = useTranslations('CardActions');
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (result) => {
      if (result.ok) {
        setMessage({ text: success(result.data), error: false });
        router.refresh();
      } else {
        const code = (KNOWN as readonly string[]).includes(result.code) ? (result.code as Known) : 'other';
        setMessage({ text: t(`error.${code}`), error: true });
      }
    },
    onError: () => setMessage({ text: t('error.other'), error: true }),
  });
  return { run: mutation.mutate, pending: mutation.isPending, message };
}

export function ActionMessage({ message }: { message: { text: string; error: boolean } | null }) {
  return (
    <p role="status" aria-live="polite" className={message?.error ? 'font-semibold text-[#a4262c]' : 'text-muted'}>
      {message?.text ?? ''}
    </p>
  );
}
