// Sign-out without next-auth/react: the same two requests its signOut made (CSRF token, then the
// POST that clears the cookie server-side), and a refused POST is not taken for a sign-out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSession } from './end-session';

function stubBrowser(signoutStatus: number) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal('window', { location: { href: 'http://portal.test/overview' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/auth/csrf') return new Response(JSON.stringify({ csrfToken: 'csrf-123' }), { status: 200 });
      return new Response(JSON.stringify({ url: 'http://portal.test/overview' }), { status: signoutStatus });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('endSession', () => {
  it('fetches the CSRF token, then POSTs it to the sign-out route as a form', async () => {
    const calls = stubBrowser(200);
    await endSession();
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/csrf', '/api/auth/signout']);
    const post = calls[1]?.init;
    expect(post?.method).toBe('POST');
    expect(new Headers(post?.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    const body = new URLSearchParams(String(post?.body));
    expect(Object.fromEntries(body)).toEqual({ csrfToken: 'csrf-123', callbackUrl: 'http://portal.test/overview', json: 'true' });
  });

  it.each([403, 500])('rejects when the sign-out route answers %i', async (status) => {
    stubBrowser(status);
    await expect(endSession()).rejects.toThrow(String(status));
  });
});
