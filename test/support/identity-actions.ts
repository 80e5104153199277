// The identity actions called as the integration tests call them: without Next.js (no request, no
// sign-in cookie), on a given database, with the result in the older spread shape
// (`{ ok: true, ...data }`). Each goes through the very publicAction the server action runs
// (`.call`: parse, throttle, run, log), so a test exercises production's path, not a copy.
import type { Db } from '../../db/client';
import { activation, type ActivationResult } from '../../lib/actions/activate-core';
import type { ActionResult } from '../../lib/actions/account-action';
import type { ActionFailure } from '../../lib/actions/public-action';
import { emailConfirmation } from '../../lib/actions/confirm-email-core';
import { passwordResetRequest } from '../../lib/actions/forgot-password-core';
import { usernameReminderRequest } from '../../lib/actions/forgot-username-core';
import { passwordReset } from '../../lib/actions/reset-password-core';
import type { ResetPasswordInput } from '../../lib/auth/identity-input';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from '../../lib/library-systems/port';
import type { MailDeps } from '../../lib/mail/deferred';

/** An ActionResult as the older result shapes spell it: `{ ok: true, ...data }`. */
function spreadResult<T extends object | undefined>(result: ActionResult<T>): ({ ok: true } & T) | ActionFailure {
  if (!result.ok) return result;
  return { ok: true, ...(result.data ?? {}) } as { ok: true } & T;
}

/** Activation (the server action adds signing in): the account, or why not. */
export function activateAccount(
  db: Db,
  raw: unknown,
  clientAddress: string,
  deps: MailDeps,
  systems: LibrarySystems = NO_LIBRARY_SYSTEMS,
): Promise<ActivationResult> {
  return activation.call({ db, clientAddress, mail: deps, systems }, raw);
}

/** The request: `{ ok: true }`, `invalid_input` or `throttled`. */
export async function requestPasswordReset(db: Db, raw: { login: string; clientAddress: string }, deps: MailDeps) {
  return spreadResult(await passwordResetRequest.call({ db, clientAddress: raw.clientAddress, mail: deps }, { login: raw.login }));
}

/** The request: `{ ok: true }`, `invalid_email` or `throttled`. */
export async function requestUsernameReminder(db: Db, raw: { email: string; clientAddress: string }, deps: MailDeps) {
  return spreadResult(await usernameReminderRequest.call({ db, clientAddress: raw.clientAddress, mail: deps }, { email: raw.email }));
}

/** The confirmation: `{ ok: true, email, kind }` or `invalid_link`. */
export async function confirmEmailChange(db: Db, token: string, deps: MailDeps) {
  return spreadResult(await emailConfirmation.call({ db, mail: deps }, { token }));
}

/** The reset: `{ ok: true }`, `invalid_link`, `mismatch` or the password policy's code. */
export async function resetPassword(db: Db, raw: ResetPasswordInput, deps: MailDeps) {
  return spreadResult(await passwordReset.call({ db, mail: deps }, raw));
}
