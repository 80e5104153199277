// The client address for per-client throttling. Behind a reverse proxy it is the first address
// of X-Forwarded-For (or X-Real-IP); deploy behind a proxy that overwrites these headers, since a
// client could otherwise pick its own. The per-account and per-card limits hold regardless.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientAddressFromHeaders(headers: HeaderBag): string {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || header(headers, 'x-real-ip')?.trim() || 'unknown';
  // Keep keys bounded whatever a client sends.
  return address.slice(0, 64);
}
