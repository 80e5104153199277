// The security headers of every response: a Content-Security-Policy with a fresh nonce
// per request (Next.js puts it on its own scripts when it finds the policy on the request), and
// the usual companions. Pure, so the policy is unit-tested.

export interface SecurityHeaderOptions {
  nonce: string;
  production: boolean;
}

export function contentSecurityPolicy({ nonce, production }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script may run; nothing inline without the nonce.
    // Development needs eval for React's debugging aids; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    // Inline style attributes cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The card page's service worker and web app manifest (public/card-sw.js, manifest.webmanifest):
    // said outright, as worker-src would otherwise fall back to script-src, where 'strict-dynamic'
    // ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Personal data on every page: never in a shared or back/forward cache.
    'Cache-Control': 'no-store, max-age=0',
    ...(options.production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * A server action is a POST with a `Next-Action` header — or, from a form posted before the page's
 * scripts ran or with JavaScript off, a plain multipart/form-data POST that names the
 * action in its body. It must come from this site: an Origin header naming this host. Next.js
 * checks a mismatched Origin itself; a missing one it lets pass, which we do not. (Nothing of ours
 * takes a multipart POST but server actions.)
 */
export function isForeignActionRequest(request: { method: string; headers: Headers }, host: string | null): boolean {
  if (request.method !== 'POST') return false;
  const multipart = /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '');
  if (!request.headers.has('next-action') && !multipart) return false;
  const origin = request.headers.get('origin');
  if (!origin || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
