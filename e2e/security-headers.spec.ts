// Security headers on every response, a CSP nonce that changes per request and that
// Next.js's own scripts carry, and server actions refused without this site's Origin.
import { expect, test } from './support/fixtures';

const paths = ['/', '/api/auth/session', '/page-that-does-not-exist'];

for (const path of paths) {
  test(`headers on ${path}`, async ({ request }) => {
    const response = await request.get(path);
    const h = response.headers();
    expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['content-security-policy']).toContain("base-uri 'none'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['cache-control']).toContain('no-store');
  });
}

test('a fresh nonce per request, carried by the scripts of the page', async ({ page, request }) => {
  const first = (await request.get('/')).headers()['content-security-policy'];
  const second = (await request.get('/')).headers()['content-security-policy'];
  expect(first).not.toEqual(second);

  const response = await page.goto('/');
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy']!)![1];
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  // The page hydrated under the policy: the interactive language switch works (the auto fixture
  // also fails the test on any CSP violation in the console).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a server action without Origin, or from another site, is refused', async ({ request }) => {
  for (const headers of [{}, { origin: 'https://evil.example' }] as Record<string, string>[]) {
    const response = await request.post('/', {
      headers: { 'next-action': '0000000000000000000000000000000000000000', ...headers },
      data: '[]',
    });
    expect(response.status()).toBe(403);
  }
});
