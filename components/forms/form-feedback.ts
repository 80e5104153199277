// Turns a typed action failure into message keys. Pure, shared by every form; the forms translate
// the keys (useFormMessages). Two catalogues of form-level sentences:
// - 'identity' (`AuthErrors`): sign-in, activation, linking, account settings;
// - 'recovery' (`Recovery.errors`): forgot password/username, reset password, confirm e-mail.
// Field errors are `Fields.<field>.<key>`.

/** Field-specific codes we translate as such; any other code of a field reads as `invalid`. */
const SPECIFIC: Record<string, readonly string[]> = {
  username: ['taken'],
  email: ['unchanged'],
  password: ['too_short', 'too_long', 'common', 'same_as_username'],
  newPassword: ['too_short', 'too_long', 'common', 'same_as_username'],
  currentPassword: ['wrong'],
  library: ['choose'],
};

/** Form-level codes with a sentence in `AuthErrors`. */
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
  'choose_library',
  'server_error',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

/** Codes of the recovery actions with a sentence in `Recovery.errors`. */
export const RECOVERY_ERROR_CODES = [
  'invalid_input',
  'invalid_email',
  'throttled',
  'mismatch',
  'too_short',
  'too_long',
  'common',
  'same_as_username',
  'server_error',
  'wrong_password',
  'same_email',
  'unauthenticated',
] as const;
export type RecoveryErrorCode = (typeof RECOVERY_ERROR_CODES)[number];

export type ErrorCatalog = 'identity' | 'recovery';

/** What a form needs of a failed result to say what went wrong. */
export interface FormFailure {
  code: string;
  retryAfterSeconds?: number;
  library?: { name: string; message: string | null };
}

/** A message key of the catalogue's namespace and its values. */
export interface MessageRef {
  key: string;
  values?: Record<string, string | number>;
}

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

/** A known recovery code, else `server_error`. */
export function recoveryErrorCode(code: string): RecoveryErrorCode {
  return (RECOVERY_ERROR_CODES as readonly string[]).includes(code) ? (code as RecoveryErrorCode) : 'server_error';
}

/** The wait of a throttle in whole minutes (rounded up) or, under a minute, seconds. */
export function waitParts(retryAfterSeconds: number | undefined): { unit: 'minutes' | 'seconds'; count: number } {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 60));
  return seconds < 60 ? { unit: 'seconds', count: seconds } : { unit: 'minutes', count: Math.ceil(seconds / 60) };
}

/** The wait of a throttle in whole minutes, rounded up, at least one. */
export function waitMinutes(retryAfterSeconds: number | undefined): number {
  return Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
}

/** The form-level sentence for a failure: a key of `AuthErrors` ('identity') or `Recovery.errors` ('recovery'). */
export function formErrorMessage(failure: FormFailure, catalog: ErrorCatalog = 'identity'): MessageRef {
  if (catalog === 'recovery') {
    const code = recoveryErrorCode(failure.code);
    return code === 'throttled' ? { key: code, values: { minutes: waitMinutes(failure.retryAfterSeconds) } } : { key: code };
  }
  const code = formErrorCode(failure.code);
  if (code === 'throttled') {
    const wait = waitParts(failure.retryAfterSeconds);
    return wait.unit === 'minutes' ? { key: 'throttledMinutes', values: { count: wait.count } } : { key: 'throttledSeconds', values: { count: wait.count } };
  }
  if (code === 'library_unreachable') return { key: code, values: { library: failure.library?.name ?? '' } };
  return { key: code };
}

/** next-auth's sign-in error (`invalid`, `throttled:<seconds>`, see encodeSignInError) → code and wait. */
export function parseSignInError(error: string | null | undefined): { code: FormErrorCode; retryAfterSeconds?: number } | null {
  if (!error) return null;
  const [code = '', seconds] = error.split(':');
  if (code === 'throttled') return { code: 'throttled', retryAfterSeconds: Number(seconds) || undefined };
  if (code === 'invalid' || code === 'CredentialsSignin') return { code: 'invalid' };
  return { code: 'server_error' };
}
