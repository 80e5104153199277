'use client';
// One settings form (change password / change e-mail): fields, typed errors tied to them, a
// success message, focus on what went wrong. The values stay in the fields after an error. It posts
// to its server action with or without JavaScript, so no password is ever in a URL.
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { FormAlert, focusFirstError } from '@/components/forms/form-alert';
import { TextField } from '@/components/forms/text-field';
import { useFormMessages, type FailureLike } from '@/components/forms/use-form-messages';
import { useProgressiveAction } from '@/components/forms/use-progressive-action';

type Result = { ok: true; data: unknown } | FailureLike;

interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autoComplete: string;
  hint?: string;
}

export function SettingsForm<R extends Result>({
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
  action: (previous: R | null, data: FormData) => Promise<R>;
}) {
  const t = useTranslations('Account');
  const messages = useFormMessages();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const { state: result, formAction, onSubmit, pending } = useProgressiveAction<R | null>(action, null);
  const failure: FailureLike | null = result && !result.ok ? (result as FailureLike) : null;

  useEffect(() => {
    if (!result) return;
    if (failure) {
      focusFirstError(formRef.current, alertRef.current);
    } else {
      formRef.current?.reset();
      alertRef.current?.focus();
    }
  }, [result, failure]);

  const formError = failure && failure.code !== 'invalid_input' ? messages.form(failure) : null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-6">
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
