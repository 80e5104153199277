// One TCP or TLS connection to an ACS: connect, log in with 93, then one request at a time.
// SIP2 has no request ids: an answer belongs to the request before it, checked by the AY sequence
// number. So a connection whose answer did not come in time is destroyed, never reused: a late
// answer would otherwise be taken for the next request's.
import net from 'node:net';
import tls from 'node:tls';
import type { SipCharset } from './charset';
import { SipConnectionError, SipLoginError, SipProtocolError, SipTimeoutError } from './errors';
import { FrameReader, RESEND_REQUEST, frameMessage, unframeMessage, type ReceivedFrame } from './framing';
import { buildLogin, parseLoginResponse, type LoginRequest } from './messages';

export interface ConnectionOptions {
  host: string;
  port: number;
  tls: boolean;
  /** Extra TLS settings (a private CA, a server name); only used when `tls` is true. */
  tlsOptions?: tls.ConnectionOptions | undefined;
  charset: SipCharset;
  timeoutMs: number;
  login: LoginRequest;
}

/** A checked answer: the trailer is gone and the sequence number was ours. */
export interface SipAnswer {
  raw: string;
  body: string;
}

interface Pending {
  expectId: string;
  seq: number;
  frame: Buffer;
  /** The one resend the spec allows per message (96 from the ACS, or our 97 after a bad checksum). */
  resent: boolean;
  /** We sent 97: the next answer is the ACS's retransmission. */
  askedResend: boolean;
  resolve(answer: SipAnswer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const ERRNO_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while writing',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENOTFOUND: 'host not found',
};

function connectionError(error: unknown, where: string): SipConnectionError {
  const errno = (error as { code?: unknown })?.code;
  const code = typeof errno === 'string' ? errno : undefined;
  const text = (code && ERRNO_TEXT[code]) ?? (error instanceof Error ? error.message : 'connection failed');
  return new SipConnectionError(`${where}: ${text}`, { cause: error, ...(code ? { errno: code } : {}) });
}

export class SipConnection {
  private readonly reader = new FrameReader();
  private seq = 0;
  private pending: Pending | null = null;
  private closed = false;
  private closeReason: SipConnectionError | null = null;
  /** Requests answered on this connection (the pool retries idempotent requests only on a reused one). */
  requestsDone = 0;

  private constructor(
    private readonly socket: net.Socket,
    private readonly options: ConnectionOptions,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.onClose(connectionError(error, `${options.host}:${options.port}`)));
    socket.on('end', () => this.onClose(new SipConnectionError(`${options.host}:${options.port}: connection closed by the ACS`)));
    socket.on('close', () => this.onClose(new SipConnectionError(`${options.host}:${options.port}: connection closed`)));
  }

  /** Connects and logs in; the connection is ready for requests when this resolves. */
  static async open(options: ConnectionOptions): Promise<SipConnection> {
    const socket = await connectSocket(options);
    const connection = new SipConnection(socket, options);
    try {
      const answer = await connection.exchange(buildLogin(options.login), '94', 'login');
      const login = parseLoginResponse(answer.raw, answer.body);
      if (!login.ok) throw new SipLoginError(`${options.host}:${options.port}: the ACS refused the login (94 ok=0)`);
      return connection;
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  get alive(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  /** Sends one message (text without AY/AZ) and resolves with the checked answer. */
  request(body: string, expectId: string): Promise<SipAnswer> {
    return this.exchange(body, expectId, 'request');
  }

  private exchange(body: string, expectId: string, phase: 'login' | 'request'): Promise<SipAnswer> {
    if (!this.alive) return Promise.reject(this.closeReason ?? new SipConnectionError('connection is closed'));
    if (this.pending) return Promise.reject(new SipProtocolError('a request is already in progress on this connection'));
    const seq = this.seq;
    this.seq = (this.seq + 1) % 10;
    const frame = frameMessage(body, seq, this.options.charset);
    return new Promise<SipAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.destroy();
        reject(new SipTimeoutError(`${this.options.host}:${this.options.port}: no answer to ${body.slice(0, 2)} within ${this.options.timeoutMs} ms`, phase));
      }, this.options.timeoutMs);
      this.pending = {
        expectId, seq, frame, resent: false, askedResend: false, timer,
        resolve: (answer) => {
          if (phase === 'request') this.requestsDone++;
          resolve(answer);
        },
        reject,
      };
      this.socket.write(frame);
    });
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.reader.push(chunk);
    } catch {
      this.fail(new SipProtocolError('the ACS sent a message longer than 64 KiB without a terminator'));
      return;
    }
    for (const frame of frames) this.onFrame(unframeMessage(frame, this.options.charset));
  }

  private onFrame(frame: ReceivedFrame): void {
    const p = this.pending;
    // Nothing asked: a stray line (an ACS greeting, a duplicate). Ignored; the next answer is
    // still matched by its sequence number.
    if (!p) return;
    if (frame.body.startsWith('96')) {
      if (frame.hasChecksum && !frame.checksumOk) return this.fail(new SipProtocolError('the ACS sent a request-resend (96) with a bad checksum', { head: frame.raw.slice(0, 20) }));
      if (p.resent) return this.fail(new SipProtocolError('the ACS asked for a resend (96) twice for the same message', { head: frame.raw.slice(0, 20) }));
      p.resent = true;
      this.socket.write(p.frame);
      return;
    }
    if (!frame.hasChecksum || !frame.checksumOk) {
      if (p.resent) return this.fail(new SipProtocolError(`bad or missing checksum in the answer to ${p.expectId}, also after a resend`, { head: frame.raw.slice(0, 40) }));
      p.resent = true;
      p.askedResend = true;
      this.socket.write(RESEND_REQUEST);
      return;
    }
    // The answer to a 97 carries the sequence number the ACS gives the 97 (which has none; the
    // reference server uses 0), so after a 97 the id and the checksum are what is checked.
    if (frame.seq !== p.seq && !(p.askedResend && frame.seq !== null)) {
      return this.fail(new SipProtocolError(`sequence number ${frame.seq ?? 'missing'} in the answer, expected ${p.seq}`, { head: frame.raw.slice(0, 40) }));
    }
    if (!frame.body.startsWith(p.expectId)) {
      return this.fail(new SipProtocolError(`expected message ${p.expectId}, received ${JSON.stringify(frame.body.slice(0, 2))}`, { head: frame.raw.slice(0, 40) }));
    }
    clearTimeout(p.timer);
    this.pending = null;
    p.resolve({ raw: frame.raw, body: frame.body });
  }

  /** A protocol failure leaves the conversation out of step: reject and drop the connection. */
  private fail(error: Error): void {
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.destroy();
  }

  private onClose(reason: SipConnectionError): void {
    if (!this.closed) {
      this.closed = true;
      this.closeReason = reason;
    }
    const p = this.pending;
    if (p) {
      this.pending = null;
      clearTimeout(p.timer);
      p.reject(this.closeReason ?? reason);
    }
    if (!this.socket.destroyed) this.socket.destroy();
  }

  /** Closes at once; a request in progress fails with SipConnectionError. */
  destroy(): void {
    this.onClose(new SipConnectionError(`${this.options.host}:${this.options.port}: connection closed by the client`));
  }

  /** Closes and waits until the socket is gone. */
  async close(): Promise<void> {
    if (this.socket.destroyed && this.closed) return;
    const gone = new Promise<void>((resolve) => {
      if (this.socket.destroyed) resolve();
      else this.socket.once('close', () => resolve());
    });
    this.destroy();
    await gone;
  }
}

function connectSocket(options: ConnectionOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const where = `${options.host}:${options.port}`;
    const socket = options.tls
      ? tls.connect({ host: options.host, port: options.port, servername: net.isIP(options.host) ? undefined : options.host, ...options.tlsOptions })
      : net.connect({ host: options.host, port: options.port });
    const readyEvent = options.tls ? 'secureConnect' : 'connect';
    const timer = setTimeout(() => {
      cleanup();
      socket.destroy();
      reject(new SipTimeoutError(`${where}: no connection within ${options.timeoutMs} ms`, 'connect'));
    }, options.timeoutMs);
    const onError = (error: Error) => {
      cleanup();
      socket.destroy();
      reject(connectionError(error, where));
    };
    const onReady = () => {
      cleanup();
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      resolve(socket);
    };
    function cleanup() {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off(readyEvent, onReady);
    }
    socket.once('error', onError);
    socket.once(readyEvent, onReady);
  });
}
