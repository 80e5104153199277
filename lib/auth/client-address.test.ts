import { afterEach, describe, expect, it } from 'vitest';
import { clientAddressFromHeaders, markPeerHeaderStamped, PEER_HEADER, resolveClientAddress, UNKNOWN_ADDRESS } from './client-address';

describe('issue 11 point 1: the client address comes from the socket unless proxies are declared', () => {
  it.each([
    // [what, peer, X-Forwarded-For, hops, expected]
    ['no proxy: the socket, a forged header ignored', '198.51.100.7', '203.0.113.1', 0, '198.51.100.7'],
    ['no proxy: a forged list ignored', '198.51.100.7', '1.1.1.1, 2.2.2.2, 3.3.3.3', 0, '198.51.100.7'],
    ['no proxy, no header: the socket', '198.51.100.7', null, 0, '198.51.100.7'],
    ['no proxy: an IPv4-mapped socket address is the IPv4 address', '::ffff:198.51.100.7', null, 0, '198.51.100.7'],
    ['no proxy: IPv6 socket, lower case', '2001:DB8::1', null, 0, '2001:db8::1'],
    ['no proxy, no socket known: unknown', null, '203.0.113.1', 0, UNKNOWN_ADDRESS],
    ['one proxy: the entry it appended (rightmost)', '10.0.0.2', '203.0.113.9', 1, '203.0.113.9'],
    ['one proxy: entries the client forged left of it are ignored', '10.0.0.2', '6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['two proxies: the second entry from the right', '10.0.0.3', '6.6.6.6, 203.0.113.9, 10.0.0.2', 2, '203.0.113.9'],
    ['two proxies, spaces and empty entries', '10.0.0.3', ' 203.0.113.9 ,, 10.0.0.2 ', 2, '203.0.113.9'],
    ['fewer entries than hops: the furthest one known', '10.0.0.3', '203.0.113.9', 2, '203.0.113.9'],
    ['one proxy but no header: the socket', '10.0.0.2', null, 1, '10.0.0.2'],
    ['junk where our proxy writes: unknown, not the junk', '10.0.0.2', '1.2.3.4, not-an-address', 1, UNKNOWN_ADDRESS],
    ['junk socket value: unknown', 'x'.repeat(500), null, 0, UNKNOWN_ADDRESS],
  ] as [string, string | null, string | null, number, string][])('%s', (_what, peer, forwardedFor, hops, expected) => {
    expect(resolveClientAddress({ peer, forwardedFor, hops })).toBe(expected);
  });
});

describe('issue 11 point 1: the peer header is trusted only when our server stamped it', () => {
  afterEach(() => markPeerHeaderStamped(false));

  const forged = { 'x-forwarded-for': '203.0.113.50', 'x-real-ip': '203.0.113.51', [PEER_HEADER]: '203.0.113.52' };

  it('not stamped (next dev, a bare next start): neither forwarding headers nor the peer header count', () => {
    expect(clientAddressFromHeaders(new Headers(forged), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFromHeaders(forged, 0)).toBe(UNKNOWN_ADDRESS);
  });

  it('stamped: the peer header, whatever X-Forwarded-For and X-Real-IP say', () => {
    markPeerHeaderStamped();
    expect(clientAddressFromHeaders(new Headers({ ...forged, [PEER_HEADER]: '198.51.100.7' }), 0)).toBe('198.51.100.7');
    expect(clientAddressFromHeaders({ ...forged, [PEER_HEADER]: '198.51.100.7' }, 0)).toBe('198.51.100.7');
  });

  it('stamped, one proxy declared: the entry the proxy appended', () => {
    markPeerHeaderStamped();
    expect(clientAddressFromHeaders(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9', [PEER_HEADER]: '10.0.0.2' }), 1)).toBe('203.0.113.9');
  });
});
