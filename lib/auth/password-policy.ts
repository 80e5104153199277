// The password policy of activation, password change and recovery (ASVS V6.2): at least 8
// characters, up to 128 allowed, no composition rules, refused when common or when it merely
// repeats the username or e-mail address.
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_username';

export function checkPassword(
  password: string,
  context: { username?: string; email?: string } = {},
): PasswordProblem | null {
  // Count code points, not UTF-16 units, so an emoji is one character as a person sees it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  const mirrors = [context.username, context.email, context.email?.split('@')[0]]
    .filter((v): v is string => !!v)
    .map((v) => v.toLowerCase());
  if (mirrors.includes(lower)) return 'same_as_username';
  return null;
}
