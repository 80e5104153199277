'use client';
// Runs a card server action as a TanStack mutation (loaded on the first click: lazy-mutation.ts)
// and turns its typed result into one sentence for an aria-live region: the success text, or the
// translated failure code — never raw errors.
// useCardFormAction adds the same for the action's <form> posted before (or without) JavaScript:
// the answer the page re-renders with (useActionState) gives the same sentence.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { runMutation } from './lazy-mutation';

type Result<T> = { ok: true; data: T } | { ok: false; code: string; library?: { name: string; message: string | null } };

const KNOWN = ['unauthenticated', 'invalid_input', 'not_found', 'not_active', 'not_waiting', 'branch_not_allowed', 'server_error'] as const;
type Known = (typeof KNOWN)[number];

/** A failure in one sentence; a linked library's refusal in its own words (L1, L4). */
function failureText(t: ReturnType<typeof useTranslations<'CardActions'>>, result: Extract<Result<unknown>, { ok: false }>): string {
  const library = result.library?.name ?? '';
  if (result.code === 'library_refused') {
    return result.library?.message
      ? t('libraryError.refusedWithMessage', { library, message: result.library.message })
      : t('libraryError.refused', { library });
  }
  if (result.code === 'library_unreachable' || result.code === 'library_unconfirmed' || result.code === 'in_progress') {
    return t(`libraryError.${result.code}`, { library });
  }
  const code = (KNOWN as readonly string[]).includes(result.code) ? (result.code as Known) : 'other';
  return t(`error.${code}`);
}

export function useCardAction<I, T>(action: (input: I) => Promise<Result<T>>, success: (data: T) => string) {
  const t = useTranslations('CardActions');
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const run = (input: I) => {
    setPending(true);
    runMutation(action, input)
      .then((result) => {
        if (result.ok) {
          setMessage({ text: success(result.data), error: false });
          router.refresh();
        } else {
          setMessage({ text: failureText(t, result), error: true });
        }
      })
      .catch(() => setMessage({ text: t('error.other'), error: true }))
      .finally(() => setPending(false));
  };
  return { run, pending, message };
}

/**
 * useCardAction plus the form path: `formAction` is the <form action> (the server action's form
 * variant through useActionState); its answer, after a POST made without JavaScript, is `message`
 * until the mutation answers. Hydrated forms call `run` from onSubmit / the confirm dialog.
 */
export function useCardFormAction<I, T>(
  action: (input: I) => Promise<Result<T>>,
  form: (previous: unknown, data: FormData) => Promise<Result<T>>,
  success: (data: T) => string,
) {
  const t = useTranslations('CardActions');
  const [formState, formAction] = useActionState<Result<T> | null, FormData>(form, null);
  const { run, pending, message } = useCardAction(action, success);
  const formMessage = formState ? (formState.ok ? { text: success(formState.data), error: false } : { text: failureText(t, formState), error: true }) : null;
  return { run, pending, message: message ?? formMessage, formAction };
}

export function ActionMessage({ message }: { message: { text: string; error: boolean } | null }) {
  return (
    <p role="status" aria-live="polite" className={message?.error ? 'font-semibold text-danger' : 'text-muted'}>
      {message?.text ?? ''}
    </p>
  );
}
