// next-auth (v4) configuration: Credentials provider, JWT sessions in an HttpOnly, SameSite=Lax
// cookie (Secure in production). The token carries the account id, its session version and a random
// session id only; signing out records the session id as ended (lib/auth/session-store.ts), so a
// copy of the cookie stops working then.
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../../db/client';
import { rememberWrite } from './read-routing';
import { env } from '../env';
import { refreshAfterSignIn } from '../library-systems/triggers';
import { authenticate } from './authenticate';
import { clientAddressFromHeaders } from './client-address';
import { safeReturnPath } from '../security/safe-return-path';
import { authSecret } from './secret';
import { IDLE_TIMEOUT_SECONDS, newSessionClaims, REFRESH_AFTER_SECONDS, type SessionClaims } from './session-policy';
import { endSession, newSessionId } from './session-store';

/** The error a failed sign-in reports to the form: a code, and for a throttle the wait. */
export function encodeSignInError(code: string, retryAfterSeconds?: number): string {
  return retryAfterSeconds ? `${code}:${retryAfterSeconds}` : code;
}

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: env().NODE_ENV === 'production',
    session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_SECONDS, updateAge: REFRESH_AFTER_SECONDS },
    jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Mijn Bibliotheek',
        credentials: { login: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const result = await authenticate(await getDb(), {
            login: credentials?.login ?? '',
            password: credentials?.password ?? '',
            clientAddress: clientAddressFromHeaders(req?.headers ?? {}),
          });
          // next-auth hands a thrown message to the sign-in form as `error`.
          if (!result.ok) throw new Error(encodeSignInError(result.code, result.retryAfterSeconds));
          // As the sign-in action (startSession): the first pages wait for the replica to have it.
          await rememberWrite(result.accountId);
          return { id: String(result.accountId), sessionVersion: result.sessionVersion };
        },
      }),
    ],
    events: {
      // Fetch fresh data from the account's linked libraries beside the sign-in, never in
      // its way (after the response, bounded in time and calls; see lib/library-systems/triggers).
      signIn({ user }) {
        const accountId = Number(user.id);
        if (Number.isSafeInteger(accountId) && accountId > 0) refreshAfterSignIn(accountId);
      },
      // POST /api/auth/signout with this browser's cookie: the session ends on the server too.
      // (A failure here is logged by next-auth and the cookie is still cleared.)
      async signOut({ token }) {
        await endSession(await getDb(), token);
      },
    },
    callbacks: {
      // Every callbackUrl next-auth would follow: a path of this site, else the overview (return paths).
      redirect({ url, baseUrl }) {
        return new URL(safeReturnPath(url, { origin: baseUrl }), baseUrl).toString();
      },
      jwt({ token, user }) {
        if (user) {
          const claims: SessionClaims = newSessionClaims(
            Number(user.id),
            (user as { sessionVersion?: number }).sessionVersion ?? 0,
            Math.floor(Date.now() / 1000),
            newSessionId(),
          );
          // Only our claims: next-auth would otherwise copy name/e-mail into the token.
          return { ...claims };
        }
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          accountId: Number(token.sub),
          sv: token.sv,
          sid: token.sid,
          authTime: token.authTime,
          seen: token.seen,
        } as typeof session;
      },
    },
  };
}
