'use server';
import 'server-only';
// P1 sign-in as a server action (no secret in a URL): the form posts — with JavaScript through React, and
// without it as a plain POST — so the password never ends up in a URL, the address bar or the
// history. The password check is next-auth's own (authenticate, throttled per account and client);
// on success the session cookie is the one next-auth would set, and the browser goes on to a path
// of this site only (afterSignInPath).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { startSession } from '@/lib/auth/session-reissue';
import { logger, safe } from '@/lib/log';
import { afterSignInPath } from '@/lib/security/safe-return-path';
import { parseInput } from './account-action';

export type SignInState =
  | null
  | {
      ok: false;
      code: 'invalid_input' | 'invalid' | 'throttled' | 'server_error';
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      /** What was typed as the login, to fill the field again (never the password). */
      login?: string;
    };

// The shape only; authenticate() bounds the lengths and refuses what it cannot check.
const signInInput = z.object({
  login: z.string().optional(),
  password: z.string().optional(),
  next: z.string().optional(),
});

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<Exclude<SignInState, null>> {
  let destination: string;
  try {
    const parsed = parseInput(signInInput, formData);
    if (!parsed.ok) return { ok: false, code: 'invalid' };
    const login = (parsed.data.login ?? '').trim();
    const password = parsed.data.password ?? '';
    const echo = login.slice(0, 254);
    const fieldErrors: Record<string, string[]> = {};
    if (!login) fieldErrors.login = ['required'];
    if (!password) fieldErrors.password = ['required'];
    if (Object.keys(fieldErrors).length > 0) return { ok: false, code: 'invalid_input', fieldErrors, login: echo };

    const result = await authenticate(await getDb(), { login, password, clientAddress: clientAddressFromHeaders(await headers()) });
    if (!result.ok) {
      return result.code === 'throttled'
        ? { ok: false, code: 'throttled', retryAfterSeconds: result.retryAfterSeconds, login: echo }
        : { ok: false, code: 'invalid', login: echo };
    }
    await startSession(result.accountId, result.sessionVersion);
    destination = afterSignInPath(parsed.data.next);
  } catch (error) {
    logger().error({ action: 'signIn', ...safe.error(error) }, 'server action failed');
    return { ok: false, code: 'server_error' };
  }
  // Outside the try: redirect() travels as an error. A 303 to a path of this site.
  redirect(destination);
}
