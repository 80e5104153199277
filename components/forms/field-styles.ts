// The look of a form control and its label, shared by TextField and SelectField.
export const labelClass = 'block font-semibold';

export function controlClass(invalid: boolean): string {
  return `block min-h-11 w-full max-w-md rounded-md border-2 bg-surface px-3 py-2 ${invalid ? 'border-danger' : 'border-line'}`;
}
