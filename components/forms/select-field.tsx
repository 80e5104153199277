// One labelled select (its options are the children), looking like TextField, with an optional
// hint and error text tied to it (aria-describedby). No hooks: usable from client and server components.
import { controlClass, labelClass } from './field-styles';

export function SelectField({
  id,
  name,
  label,
  defaultValue,
  hint,
  error,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  /** The field's own error text, shown above the select. */
  error?: string | null;
  children: React.ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass(Boolean(error))}
      >
        {children}
      </select>
    </div>
  );
}
