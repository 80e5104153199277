// next-auth's endpoints (sign-in callback, sign-out, session, CSRF token).
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
