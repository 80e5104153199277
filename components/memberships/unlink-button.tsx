'use client';
// P2 unlink, after a confirmation that says what happens: the library keeps the record, its
// memberships and loans; this login no longer shows them; other sessions of the account end.
// A native <dialog> (modal): focus moves into it, Escape closes it, focus returns to the button.
// Before (or without) JavaScript the same confirmation is a disclosure in a real form: its button
// posts unlinkMembershipForm, which sends the browser on to /memberships?unlinked=1 (or re-renders
// with the failure).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState, useTransition } from 'react';
import { unlinkMembership, unlinkMembershipForm } from '@/lib/actions/unlink-membership';
import { useHydrated } from '@/components/forms/use-hydrated';
import { useFormMessages, type FailureLike } from '@/components/forms/use-form-messages';

export function UnlinkButton({ patronId, patronName, libraries }: { patronId: number; patronName: string; libraries: string }) {
  const t = useTranslations('Unlink');
  const messages = useFormMessages();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<FailureLike | null>(null);
  const [pending, startTransition] = useTransition();
  const titleId = `unlink-title-${patronId}`;
  const bodyId = `unlink-body-${patronId}`;
  const ready = useHydrated();
  const [formState, formAction] = useActionState(unlinkMembershipForm, null);

  function confirm() {
    const data = new FormData();
    data.set('patronId', String(patronId));
    startTransition(async () => {
      const result = await unlinkMembership(null, data);
      if (result.ok) {
        dialogRef.current?.close();
        router.replace('/memberships?unlinked=1');
        return;
      }
      setFailure(result);
    });
  }

  const confirmText = (
    <>
      <p>{t('confirmLibraryKeeps', { libraries })}</p>
      <p>{t('confirmLoginLoses')}</p>
      <p>{t('confirmSessions')}</p>
      <p>{t('confirmRelink')}</p>
    </>
  );

  if (!ready) {
    return (
      <form action={formAction}>
        <input type="hidden" name="patronId" value={patronId} />
        <details className="space-y-2">
          <summary className="btn btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">{t('button', { name: patronName })}</summary>
          <div role="group" aria-labelledby={titleId} aria-describedby={bodyId} className="rounded-xl border border-line bg-surface p-4">
            <p id={titleId} className="text-lg font-bold">
              {t('confirmTitle', { name: patronName })}
            </p>
            <div id={bodyId} className="mt-2 space-y-2">
              {confirmText}
            </div>
            <button type="submit" className="btn btn-primary mt-4">
              {t('confirm')}
            </button>
          </div>
        </details>
        {formState && !formState.ok ? (
          <p role="alert" className="mt-3 font-semibold text-danger">
            {messages.form(formState)}
          </p>
        ) : null}
      </form>
    );
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          setFailure(null);
          dialogRef.current?.showModal();
        }}
      >
        {t('button', { name: patronName })}
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId} aria-describedby={bodyId} className="m-auto max-w-lg rounded-xl border border-line bg-surface p-6 backdrop:bg-black/50">
        <h2 id={titleId} className="text-xl font-bold">
          {t('confirmTitle', { name: patronName })}
        </h2>
        <div id={bodyId} className="mt-3 space-y-2">
          {confirmText}
        </div>
        {failure ? (
          <p role="alert" className="mt-3 font-semibold text-danger">
            {messages.form(failure)}
          </p>
        ) : null}
        <div className="mt-5 flex flex-wrap gap-3">
          <button type="button" className="btn btn-primary" onClick={confirm} disabled={pending}>
            {pending ? t('confirming') : t('confirm')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => dialogRef.current?.close()} autoFocus>
            {t('cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
