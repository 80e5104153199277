'use client';
// A form that posts to a server action with or without JavaScript, so no secret is ever in a URL. The form's
// `action` is the server action from useActionState: before the page's scripts run (or with
// JavaScript off) the browser POSTs it, the server runs the action and renders the page with its
// answer — no field ever travels in a URL. Once hydrated, `onSubmit` dispatches the same action in
// a transition instead, without React's automatic form reset, so what was typed stays after an error.
import { useActionState, useTransition } from 'react';

export function useProgressiveAction<S>(action: (previous: Awaited<S>, data: FormData) => Promise<S>, initial: Awaited<S>) {
  const [state, formAction, actionPending] = useActionState<S, FormData>(action, initial);
  const [transitionPending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => formAction(data));
  }

  return { state, formAction, onSubmit, pending: actionPending || transitionPending };
}
