// The inputs of activation, linking and the account settings, as zod schemas shared by the actions
// and their tests. Field errors come back as zod issue codes (or our own: `taken`, `common`, …),
// which the forms translate; nothing here is a sentence.
import { z } from 'zod';
import { cardPinInput } from './card-pin';
import { PASSWORD_MAX_LENGTH } from './password-policy';

/** Letters, digits, `.`, `_`, `-`; no `@`, so a username can never be mistaken for an e-mail address at sign-in. */
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u);

export const emailSchema = z.string().trim().max(254).pipe(z.email());

/** The policy itself (checkPassword) runs after parsing, with the username at hand; this only bounds the size. */
export const newPasswordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH * 4);
export const currentPasswordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH * 4);

export const activationInput = cardPinInput.extend({
  username: usernameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type ActivationInput = z.infer<typeof activationInput>;

export const linkInput = cardPinInput;
export type LinkInput = z.infer<typeof linkInput>;

export const unlinkInput = z.object({ patronId: z.coerce.number().int().positive().max(2_147_483_647) });
export type UnlinkInput = z.infer<typeof unlinkInput>;

export const changePasswordInput = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const changeEmailInput = z.object({ email: emailSchema, currentPassword: currentPasswordSchema });
export type ChangeEmailInput = z.infer<typeof changeEmailInput>;

// The public recovery forms (forgot password, forgot username). Their fields are read as text, whatever was posted.

/** "Forgot password": a username or an address. No NUL: PostgreSQL refuses it in text, and the request would fail instead of being answered. */
export const forgotPasswordInput = z.object({
  login: z.string().trim().min(1).max(254).refine((v) => !v.includes('\u0000')),
});

export const forgotUsernameInput = z.object({ email: emailSchema });

/** A posted field as text: anything else (missing, repeated, a file) is the empty string. */
const formText = z.unknown().transform((v) => (typeof v === 'string' ? v : ''));

/** The token decides (an unusable one is `invalid_link`); the password policy runs once the link is known to work. */
export const resetPasswordInput = z.object({ token: formText, password: formText, confirm: formText });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const confirmEmailInput = z.object({ token: formText });
