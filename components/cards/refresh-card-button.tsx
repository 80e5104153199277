'use client';
// The card's "update now" button (linked libraries): a real <form> posting to the refreshCardForm server
// action, so it also works before JavaScript has loaded (or without it); with JavaScript the
// outcome is announced in a polite live region. The page then re-renders from the fresh copy.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { refreshCardForm } from '@/lib/actions/refresh-card';

type State = Awaited<ReturnType<typeof refreshCardForm>> | null;

export function RefreshCardButton({ slug }: { slug: string }) {
  const t = useTranslations('Freshness');
  const [state, action, pending] = useActionState<State, FormData>(refreshCardForm, null);
  let message = '';
  if (pending) message = t('refreshing');
  else if (state?.ok) {
    const { fetched, unreachable, notDue, failed } = state.data;
    message = unreachable + failed > 0 ? t('partly') : fetched === 0 && notDue > 0 ? t('notDue') : t('refreshed');
  } else if (state) message = state.code === 'unauthenticated' ? t('signedOut') : t('failed');
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="card" value={slug} />
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {t('refresh')}
      </button>
      <p role="status" aria-live="polite" className={state && !state.ok ? 'font-semibold text-danger' : 'text-muted'}>
        {message}
      </p>
    </form>
  );
}
