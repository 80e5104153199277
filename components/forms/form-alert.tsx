// The form-level message (error or success) of every form: errors are announced assertively
// (role alert), confirmations politely (role status). After a submit it can take focus (it is
// focusable, not in the tab order) unless a field error is there to focus (see focusFirstError), so
// keyboard and screen-reader users land on what went wrong. No hooks: usable from client forms and
// server components alike.
export function FormAlert({
  tone,
  id,
  ref,
  children,
}: {
  tone: 'error' | 'success';
  /** For an input's aria-describedby when the message is about that input. */
  id?: string;
  ref?: React.Ref<HTMLDivElement>;
  children: React.ReactNode;
}) {
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border-2 p-3 ${tone === 'error' ? 'border-danger bg-danger-soft text-danger-strong' : 'border-brand bg-brand-soft text-brand-strong'}`}
    >
      {children}
    </div>
  );
}

/** After a failed submit: focus the first invalid field, else the alert. */
export function focusFirstError(form: HTMLFormElement | null, alert: HTMLElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  (invalid ?? alert)?.focus();
}
