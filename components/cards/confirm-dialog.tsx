'use client';
// A confirmation step as a native modal <dialog>: it traps focus, closes on Escape and returns
// focus to the button that opened it. Used before cancelling a reservation and clearing history.
// Before (or without) JavaScript it is a disclosure instead: the trigger opens a <details> with the
// same question and a submit button that posts the enclosing <form> (its server action) — so it
// must sit inside the action's form; once hydrated, the modal dialog and onConfirm take over.
import { useId, useRef } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';

interface Props {
  trigger: string;
  triggerLabel?: string;
  title: string;
  body: string;
  confirm: string;
  dismiss: string;
  pending: boolean;
  onConfirm: () => void;
  danger?: boolean;
}

export function ConfirmDialog({ trigger, triggerLabel, title, body, confirm, dismiss, pending, onConfirm, danger }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const ready = useHydrated();
  const confirmClass = danger ? 'btn border-danger bg-danger text-white hover:bg-danger-strong' : 'btn btn-primary';
  if (!ready) {
    return (
      <details className="space-y-2">
        <summary className="btn btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">
          {triggerLabel ? (
            <>
              <span aria-hidden="true">{trigger}</span>
              <span className="sr-only">{triggerLabel}</span>
            </>
          ) : (
            trigger
          )}
        </summary>
        <div role="group" aria-labelledby={titleId} aria-describedby={bodyId} className="rounded-lg border border-line bg-surface p-3">
          <p id={titleId} className="font-bold">
            {title}
          </p>
          <p id={bodyId} className="mt-1">
            {body}
          </p>
          <button type="submit" className={`${confirmClass} mt-3`}>
            {confirm}
          </button>
        </div>
      </details>
    );
  }
  return (
    <>
      <button type="button" className="btn btn-secondary" aria-label={triggerLabel} disabled={pending} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-5 text-ink backdrop:bg-black/50"
      >
        <h2 id={titleId} className="text-xl font-bold">
          {title}
        </h2>
        <p id={bodyId} className="mt-2">
          {body}
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            className={confirmClass}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirm}
          </button>
          <button type="button" autoFocus className="btn btn-secondary" onClick={() => dialog.current?.close()}>
            {dismiss}
          </button>
        </div>
      </dialog>
    </>
  );
}
