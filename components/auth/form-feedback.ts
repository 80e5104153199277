// Turns a typed action failure into message keys of the `AuthErrors` and `Fields` namespaces. Pure,
// shared by every identity form; the forms translate the keys.

/** Field-specific codes we translate as such; any other code of a field reads as `invalid`. */
const SPECIFIC: Record<string, readonly string[]> = {
  username: ['taken'],
  email: ['unchanged'],
  password: ['too_short', 'too_long', 'common', 'same_as_username'],
  newPassword: ['too_short', 'too_long', 'common', 'same_as_username'],
  currentPassword: ['wrong'],
};

export const FORM_ERROR_CODES = [
  'invalid_input',
  'card_invalid',
  'throttled',
  'already_linked',
  'already_linked_here',
  'linked_elsewhere',
  'last_link',
  'already_verified',
  'not_found',
  'unauthenticated',
  'invalid',
  'library_unreachable',
  'server_error',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

/** The `Fields.<field>.<key>` message key for a field's error codes. */
export function fieldErrorKey(field: string, codes: readonly string[] | undefined): string | null {
  if (!codes || codes.length === 0) return null;
  const specific = codes.find((c) => SPECIFIC[field]?.includes(c));
  return `${field}.${specific ?? 'invalid'}`;
}

/** A known form-level code, else `server_error` (never an unknown text on screen). */
export function formErrorCode(code: string): FormErrorCode {
  return (FORM_ERROR_CODES as readonly string[]).includes(code) ? (code as FormErrorCode) : 'server_error';
}

/** The wait of a throttle in whole minutes (rounded up) or, under a minute, seconds. */
export function waitParts(retryAfterSeconds: number | undefined): { unit: 'minutes' | 'seconds'; count: number } {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 60));
  return seconds < 60 ? { unit: 'seconds', count: seconds } : { unit: 'minutes', count: Math.ceil(seconds / 60) };
}

/** next-auth's sign-in error (`invalid`, `throttled:<seconds>`, see encodeSignInError) → code and wait. */
export function parseSignInError(error: string | null | undefined): { code: FormErrorCode; retryAfterSeconds?: number } | null {
  if (!error) return null;
  const [code = '', seconds] = error.split(':');
  if (code === 'throttled') return { code: 'throttled', retryAfterSeconds: Number(seconds) || undefined };
  if (code === 'invalid' || code === 'CredentialsSignin') return { code: 'invalid' };
  return { code: 'server_error' };
}
