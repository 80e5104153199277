'use client';
// "Begrepen" on one notice (changes a library did not take over): a real <form> posting to the dismissNoticeForm server
// action, so it also works before JavaScript has loaded (or without it); the page is then rendered
// again without the notice. The button is described by the notice's sentence, so a screen reader
// says which notice it dismisses; a failure is announced in a polite live region.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { dismissNoticeForm } from '@/lib/actions/dismiss-notice';

type State = Awaited<ReturnType<typeof dismissNoticeForm>> | null;

export function DismissNoticeButton({ changeId, describedBy }: { changeId: number; describedBy: string }) {
  const t = useTranslations('Notices');
  const [state, action, pending] = useActionState<State, FormData>(dismissNoticeForm, null);
  const failure = state && !state.ok ? (state.code === 'unauthenticated' ? t('signedOut') : t('failed')) : '';
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="changeId" value={changeId} />
      <button type="submit" className="btn btn-secondary" disabled={pending} aria-describedby={describedBy}>
        {pending ? t('dismissing') : t('dismiss')}
      </button>
      <p role="status" aria-live="polite" className="text-sm font-semibold">
        {failure}
      </p>
    </form>
  );
}
