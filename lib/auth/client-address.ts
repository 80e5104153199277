// The client address for per-client throttling and logs.
//
// X-Forwarded-For and X-Real-IP are whatever the client wrote, unless a proxy of ours rewrote
// them; taking the first entry let anyone pick a fresh address per request and escape every
// per-client limit. So:
//  - by default (TRUSTED_PROXY_HOPS=0) the address is the TCP peer's (the socket), and forwarding
//    headers are ignored;
//  - with TRUSTED_PROXY_HOPS=N (N reverse proxies of ours in front of the portal, each appending
//    the address it saw), it is the N-th X-Forwarded-For entry from the right: the entries right of
//    it were written by our own proxies, everything left of it by the client.
//
// Next.js does not hand the socket to server actions or route handlers, and `next start` sets
// X-Forwarded-For from the socket only when the request has none (base-server.js: `??=`), so a
// forged header and the socket cannot be told apart there. Our server (scripts/lib/next-server.ts)
// therefore writes the socket address into PEER_HEADER on every request, replacing whatever the
// client sent under that name, and marks the process. Without that mark (`next dev`, a bare
// `next start`) PEER_HEADER may be forged too, and with 0 hops the address is 'unknown': every
// client then shares one per-client bucket, which is safe, only coarse (a warning says so).
import { isIP } from 'node:net';
import { env } from '../env';
import { logger } from '../log';

/** Set by our server from the socket on every request; a client's own value never gets through. */
export const PEER_HEADER = 'x-mb-peer-address';

export const UNKNOWN_ADDRESS = 'unknown';

const STAMPED = Symbol.for('mijn-bibliotheek.peer-header-stamped');

/** Called by our server before it serves anything: PEER_HEADER is the socket's, to be trusted. */
export function markPeerHeaderStamped(stamped = true): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = stamped;
}

export function peerHeaderStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/** A bare address: `::ffff:` of IPv4-mapped sockets dropped, anything that is not an IP refused. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * Pure: the client address from the socket's address (`peer`), the X-Forwarded-For value as it
 * arrived, and the number of trusted proxy hops. Never longer than 64 characters.
 */
export function resolveClientAddress(input: { peer: string | null; forwardedFor: string | null; hops: number }): string {
  const peer = normaliseAddress(input.peer);
  if (input.hops === 0) return peer ?? UNKNOWN_ADDRESS;
  const entries = (input.forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  // Fewer entries than hops: the request did not pass all our proxies; the furthest one known.
  const picked = entries.length >= input.hops ? entries[entries.length - input.hops] : entries[0];
  if (picked === undefined) return peer ?? UNKNOWN_ADDRESS;
  // The picked entry was written by our outermost proxy; junk there is a misconfiguration.
  return normaliseAddress(picked) ?? UNKNOWN_ADDRESS;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value.join(', ') : value) ?? null;
}

let warned = false;

/** The client address of a request, as configured (TRUSTED_PROXY_HOPS); see the top of this file. */
export function clientAddressFromHeaders(headers: HeaderBag, hops = env().TRUSTED_PROXY_HOPS): string {
  const stamped = peerHeaderStamped();
  const address = resolveClientAddress({
    peer: stamped ? header(headers, PEER_HEADER) : null,
    forwardedFor: header(headers, 'x-forwarded-for'),
    hops,
  });
  if (!stamped && hops === 0 && !warned) {
    warned = true;
    try {
      logger().warn(
        { event: 'client_address_unknown' },
        'the socket address is not available (not started with `npm start`): every client shares one per-client throttle bucket',
      );
    } catch {
      // Logging never breaks a request.
    }
  }
  return address;
}
