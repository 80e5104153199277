// One labelled input with its hint and error text tied to it (aria-describedby), for every identity
// form. No hooks: usable from client forms and server components alike.
interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  inputMode?: 'numeric' | 'text' | 'email';
  hint?: string;
  error?: string | null;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
}

export function TextField({ id, name, label, type = 'text', autoComplete, inputMode, hint, error, defaultValue, required = true, maxLength }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
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
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-11 w-full max-w-md rounded-md border-2 bg-surface px-3 py-2 ${error ? 'border-danger' : 'border-line'}`}
      />
    </div>
  );
}
