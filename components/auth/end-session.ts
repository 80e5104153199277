// Ends this browser's next-auth session the way next-auth's own client does (GET the CSRF token,
// POST it to /api/auth/signout; the server clears the cookie and runs events.signOut), without
// shipping next-auth/react to every page: that client (~12 kB gzip) was only ever used for this.
// No SessionProvider is used, so there is no other tab state to broadcast to.
const AUTH_BASE = '/api/auth';

export async function endSession(): Promise<void> {
  const csrf = await fetch(`${AUTH_BASE}/csrf`, { credentials: 'same-origin' });
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  const res = await fetch(`${AUTH_BASE}/signout`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: csrfToken ?? '', callbackUrl: window.location.href, json: 'true' }),
  });
  if (!res.ok) throw new Error(`sign-out answered ${res.status}`);
}
