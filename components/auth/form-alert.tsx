'use client';
// The form-level message (error or success). It takes focus when it appears after a submit unless a
// field error is there to focus (see focusFirstError), so keyboard and screen-reader users land on
// what went wrong.
import { forwardRef } from 'react';

export const FormAlert = forwardRef<HTMLDivElement, { tone: 'error' | 'success'; children: React.ReactNode }>(function FormAlert(
  { tone, children },
  ref,
) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border-2 p-3 ${tone === 'error' ? 'border-danger bg-danger-soft text-danger-strong' : 'border-brand bg-brand-soft text-brand-strong'}`}
    >
      {children}
    </div>
  );
});

/** After a failed submit: focus the first invalid field, else the alert. */
export function focusFirstError(form: HTMLFormElement | null, alert: HTMLElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  (invalid ?? alert)?.focus();
}
