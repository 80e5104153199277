// A TCP proxy on loopback that counts the SIP2 messages passing through it (the bench's library-link
// section): every CR-terminated message from the portal to the ACS is one request, tallied by its
// two-character id (93 login, 63 patron information, 17 item information, 29 renew, …), and every
// connection opened is counted. It counts what goes over the wire, so nothing in the portal's code
// is wrapped or changed for the measurement. Bytes are passed on untouched, in both directions.
//
// It also times the library on the wire: from the moment a request reaches the proxy to the moment
// its answer is handed back to the portal. `libraryMs` is the wall time during which at least one
// request was waiting for its answer (SIP2 is one request at a time per connection, and the adapter
// uses one connection per renew-all or refresh, so this is the sum over the messages of request →
// answer); everything else in a measured call is the portal's own time (database, reconcile, SIP
// encoding). With `latencyMs`, each answer is held that long before it is passed on — a library
// system across the internet, whose every message costs a network round trip — and the hold counts
// as library time, as it would in a deployment.
import net from 'node:net';

export interface SipCounts {
  /** Requests by message id. */
  byId: Record<string, number>;
  /** All requests. */
  total: number;
  /** Answers from the ACS (CR-terminated). */
  answers: number;
  connections: number;
  /** Wall time (ms) with at least one request awaiting its answer, including the added latency. */
  libraryMs: number;
}

export interface CountingProxy {
  port: number;
  /** The fixed delay added to every answer (0: none). */
  latencyMs: number;
  /** Counts since the last reset. */
  counts(): SipCounts;
  reset(): void;
  close(): Promise<void>;
}

const empty = (): SipCounts => ({ byId: {}, total: 0, answers: 0, connections: 0, libraryMs: 0 });

/** Splits a stream into CR-terminated messages; `onMessage` gets each message without its CR. */
function messageSplitter(onMessage: (text: string) => void): (chunk: Buffer) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.toString('latin1');
    let i: number;
    while ((i = buffer.indexOf('\r')) >= 0) {
      onMessage(buffer.slice(0, i).replace(/^\n/, ''));
      buffer = buffer.slice(i + 1);
    }
  };
}

export async function startCountingProxy(target: { host: string; port: number }, options: { latencyMs?: number } = {}): Promise<CountingProxy> {
  const latencyMs = options.latencyMs ?? 0;
  let counts = empty();
  // Requests awaiting an answer, over all connections, and since when at least one has been.
  let outstanding = 0;
  let busySince = 0;
  const sockets = new Set<net.Socket>();
  const requestSent = () => {
    if (outstanding === 0) busySince = performance.now();
    outstanding += 1;
  };
  const answerReceived = () => {
    if (outstanding === 0) return; // an unsolicited answer: nothing was waiting
    outstanding -= 1;
    if (outstanding === 0) counts.libraryMs += performance.now() - busySince;
  };
  const server = net.createServer((client) => {
    counts.connections += 1;
    const upstream = net.connect(target);
    sockets.add(client);
    sockets.add(upstream);
    let waiting = 0; // this connection's requests awaiting an answer (closed: no longer waited for)
    const countRequest = messageSplitter((text) => {
      const id = text.slice(0, 2);
      counts.byId[id] = (counts.byId[id] ?? 0) + 1;
      counts.total += 1;
      waiting += 1;
      requestSent();
    });
    const countAnswer = messageSplitter(() => {
      counts.answers += 1;
      if (waiting > 0) {
        waiting -= 1;
        answerReceived();
      }
    });
    client.on('data', (chunk) => {
      countRequest(chunk);
      upstream.write(chunk);
    });
    // Held answers keep their order: timers of one duration fire in the order they were set.
    const deliver = (chunk: Buffer) => {
      if (client.destroyed) return;
      countAnswer(chunk);
      client.write(chunk);
    };
    upstream.on('data', (chunk) => {
      if (latencyMs > 0) setTimeout(() => deliver(chunk), latencyMs);
      else deliver(chunk);
    });
    // Either side closing or failing closes the other, as a direct connection would.
    const end = () => {
      client.destroy();
      upstream.destroy();
      while (waiting > 0) {
        waiting -= 1;
        answerReceived();
      }
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    latencyMs,
    counts: () => ({ ...counts, byId: { ...counts.byId } }),
    reset: () => {
      counts = empty();
      // A request still in flight at the reset is timed from now on.
      if (outstanding > 0) busySince = performance.now();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
