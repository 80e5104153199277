// A TCP proxy on loopback that counts the SIP2 messages passing through it (the bench's library-link
// section): every CR-terminated message from the portal to the ACS is one request, tallied by its
// two-character id (93 login, 63 patron information, 17 item information, 29 renew, …), and every
// connection opened is counted. It counts what goes over the wire, so nothing in the portal's code
// is wrapped or changed for the measurement. Bytes are passed on untouched, in both directions.
import net from 'node:net';

export interface SipCounts {
  /** Requests by message id. */
  byId: Record<string, number>;
  /** All requests. */
  total: number;
  /** Answers from the ACS (CR-terminated). */
  answers: number;
  connections: number;
}

export interface CountingProxy {
  port: number;
  /** Counts since the last reset. */
  counts(): SipCounts;
  reset(): void;
  close(): Promise<void>;
}

const empty = (): SipCounts => ({ byId: {}, total: 0, answers: 0, connections: 0 });

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

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  let counts = empty();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    counts.connections += 1;
    const upstream = net.connect(target);
    sockets.add(client);
    sockets.add(upstream);
    const countRequest = messageSplitter((text) => {
      const id = text.slice(0, 2);
      counts.byId[id] = (counts.byId[id] ?? 0) + 1;
      counts.total += 1;
    });
    const countAnswer = messageSplitter(() => {
      counts.answers += 1;
    });
    client.on('data', (chunk) => {
      countRequest(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      countAnswer(chunk);
      client.write(chunk);
    });
    // Either side closing or failing closes the other, as a direct connection would.
    const end = () => {
      client.destroy();
      upstream.destroy();
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
    counts: () => ({ ...counts, byId: { ...counts.byId } }),
    reset: () => {
      counts = empty();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
