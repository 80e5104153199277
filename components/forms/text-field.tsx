// One labelled input with its hint and error text tied to it (aria-describedby), for every form.
// No hooks: usable from client forms and server components alike.
import { controlClass, labelClass } from './field-styles';

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  inputMode?: 'numeric' | 'text' | 'email';
  autoCapitalize?: 'none' | 'off';
  spellCheck?: boolean;
  hint?: string;
  /** The field's own error text, shown above the input. */
  error?: string | null;
  /** Marks the field invalid when the message about it is elsewhere (a form-level alert). */
  invalid?: boolean;
  /** Ids of other elements that describe the field (e.g. that alert), after its error and hint. */
  describedBy?: string;
  defaultValue?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
}

export function TextField({
  id,
  name,
  label,
  type = 'text',
  autoComplete,
  inputMode,
  autoCapitalize,
  spellCheck,
  hint,
  error,
  invalid = false,
  describedBy,
  defaultValue,
  required = true,
  minLength,
  maxLength,
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedByIds = [errorId, hintId, describedBy].filter(Boolean).join(' ') || undefined;
  const isInvalid = Boolean(error) || invalid;
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
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        autoCapitalize={autoCapitalize}
        spellCheck={spellCheck}
        defaultValue={defaultValue}
        required={required}
        minLength={minLength}
        maxLength={maxLength}
        aria-invalid={isInvalid ? true : undefined}
        aria-describedby={describedByIds}
        className={controlClass(isInvalid)}
      />
    </div>
  );
}
