import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isForeignActionRequest, securityHeaders } from './headers';

describe('security headers', () => {
  it('a CSP with the nonce, no inline scripts, nothing embeddable', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', production: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('unsafe-eval');
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
  });

  it("the card page's service worker and manifest: this site's own only", () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', production: true });
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });

  it('HSTS only in production; no-store always', () => {
    expect(securityHeaders({ nonce: 'n', production: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ nonce: 'n', production: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ nonce: 'n', production: false })['Cache-Control']).toContain('no-store');
  });

  const action = (origin: string | null, method = 'POST') =>
    ({ method, headers: new Headers({ 'next-action': 'x', ...(origin ? { origin } : {}) }) });

  const form = (origin: string | null) => ({
    method: 'POST',
    headers: new Headers({ 'content-type': 'multipart/form-data; boundary=----x', ...(origin ? { origin } : {}) }),
  });

  it.each([
    ['same origin', action('https://portal.example.be'), false],
    ['missing Origin', action(null), true],
    ['foreign Origin', action('https://evil.example'), true],
    ['malformed Origin', action('not a url'), true],
    ['a GET is no action', action(null, 'GET'), false],
    ['a POST without Next-Action is no action', { method: 'POST', headers: new Headers() }, false],
    ['a form posted without JavaScript, same origin', form('https://portal.example.be'), false],
    ['a form posted without JavaScript, missing Origin', form(null), true],
    ['a form posted without JavaScript, foreign Origin', form('https://evil.example'), true],
    ['next-auth\'s own urlencoded POST is not an action', { method: 'POST', headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }) }, false],
  ])('server action origin: %s', (_n, request, foreign) => {
    expect(isForeignActionRequest(request, 'portal.example.be')).toBe(foreign);
  });
});
