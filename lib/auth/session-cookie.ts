// The name and attributes of next-auth's session cookie, as authOptions() makes it.
import { env } from '../env';

export function sessionCookieName(): string {
  return env().NODE_ENV === 'production' ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export function sessionCookieAttributes(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: env().NODE_ENV === 'production',
    maxAge: maxAgeSeconds,
  };
}
