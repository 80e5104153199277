// A tiny in-process ACS for the edge cases the reference server cannot produce on demand: a
// dropped connection, silence, a 96, a corrupted answer, garbage. Not a SIP2 implementation: each
// test scripts the answers it needs.
import net from 'node:net';
import tls from 'node:tls';
import { sipChecksum, verifySipChecksum } from '../../lib/library-systems/sip2/checksum';

export interface ReceivedMessage {
  /** The text as received, without the CR. */
  raw: string;
  /** Without AY/AZ. */
  body: string;
  seq: number | null;
  checksumOk: boolean;
  connection: number;
}

export interface ReplyOptions {
  /** Sequence number to put in AY; null leaves AY out; default: the request's. */
  seq?: number | null;
  /** Write a wrong checksum. */
  corrupt?: boolean;
  /** Line ending (default CR). */
  terminator?: string;
}

export interface FakeAcsContext {
  reply(body: string, options?: ReplyOptions): void;
  /** Raw bytes, no framing. */
  write(text: string): void;
  socket: net.Socket;
  /** How many messages with this id arrived so far (this one included), on all connections. */
  count(id: string): number;
}

/** Returns true when it took care of the message (answered it, or chose silence on purpose). */
export type FakeAcsHandler = (message: ReceivedMessage, ctx: FakeAcsContext) => boolean | void;

export interface FakeAcs {
  port: number;
  received: ReceivedMessage[];
  connections: number;
  close(): Promise<void>;
}

export function frameAnswer(body: string, seq: number | null, corrupt = false): string {
  const head = seq === null ? `${body}AZ` : `${body}AY${seq}AZ`;
  let sum = sipChecksum(Buffer.from(head, 'latin1'));
  if (corrupt) sum = sum === '0000' ? '0001' : '0000';
  return head + sum;
}

/** Starts the fake on a free loopback port. Login (93) is answered 941 unless the handler took it. */
export async function startFakeAcs(handler: FakeAcsHandler, options: { tls?: tls.TlsOptions } = {}): Promise<FakeAcs> {
  const sockets = new Set<net.Socket>();
  const state: FakeAcs = { port: 0, received: [], connections: 0, close: async () => {} };
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const connection = ++state.connections;
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let i: number;
      while ((i = buffer.indexOf('\r')) >= 0) {
        const raw = buffer.slice(0, i).replace(/^\n/, '');
        buffer = buffer.slice(i + 1);
        const ay = /AY(\d)AZ[0-9A-F]{4}$/.exec(raw);
        const message: ReceivedMessage = {
          raw,
          body: raw.replace(/(AY\d)?AZ[0-9A-Fa-f]{4}$/, ''),
          seq: ay ? Number(ay[1]) : null,
          checksumOk: verifySipChecksum(Buffer.from(raw, 'latin1')),
          connection,
        };
        state.received.push(message);
        const ctx: FakeAcsContext = {
          socket,
          reply: (body, o = {}) => {
            if (socket.destroyed) return;
            const seq = o.seq === undefined ? message.seq : o.seq;
            socket.write(frameAnswer(body, seq, o.corrupt) + (o.terminator ?? '\r'));
          },
          write: (text) => {
            if (!socket.destroyed) socket.write(text);
          },
          count: (id) => state.received.filter((m) => m.body.startsWith(id)).length,
        };
        const handled = handler(message, ctx);
        if (!handled && message.body.startsWith('93')) ctx.reply('941');
      }
    });
  };
  const server = options.tls ? tls.createServer(options.tls, onSocket) : net.createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as net.AddressInfo).port;
  state.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

export const T = '20261129    120000';
