'use client';
// One settings form (change password / change e-mail): fields, typed errors tied to them, a
// success message, focus on what went wrong. The values stay in the fields after an error.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { FormAlert, focusFirstError } from '../auth/form-alert';
import { TextField } from '../auth/text-field';
import { useFormMessages, type FailureLike } from '../auth/use-form-messages';

type Result = { ok: true; data: unknown } | FailureLike;

interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autoComplete: string;
  hint?: string;
}

export function SettingsForm({
  id,
  title,
  fields,
  submit,
  success,
  action,
}: {
  id: string;
  title: string;
  fields: FieldSpec[];
  submit: string;
  success: string;
  action: (previous: null, data: FormData) => Promise<Result>;
}) {
  const t = useTranslations('Account');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();
  const failure = result && !result.ok ? result : null;

  useEffect(() => {
    if (attempt === 0) return;
    if (failure) focusFirstError(formRef.current, alertRef.current);
    else alertRef.current?.focus();
  }, [attempt, failure]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const r = await action(null, data);
      if (r.ok) form.reset();
      setResult(r);
      setAttempt((n) => n + 1);
    });
  }

  const formError = failure && failure.code !== 'invalid_input' ? messages.form(failure) : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {title}
      </h2>
      {formError ? (
        <FormAlert ref={alertRef} tone="error">
          {formError}
        </FormAlert>
      ) : result?.ok ? (
        <FormAlert ref={alertRef} tone="success">
          {success}
        </FormAlert>
      ) : null}
      {fields.map((f) => (
        <TextField key={f.name} id={`${id}-${f.name}`} name={f.name} label={f.label} type={f.type} autoComplete={f.autoComplete} hint={f.hint} error={messages.field(failure, f.name)} />
      ))}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('saving') : submit}
      </button>
    </form>
  );
}
