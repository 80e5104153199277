// A bounded set of logged-in connections to one ACS. Many ACSs (the reference server among them)
// serve one connection per terminal account at a time, so the default is one connection and
// callers queue for it. A connection that died (the ACS closed an idle session, restarted, or a
// request timed out) is dropped; the next caller gets a fresh connect + login.
import { SipConnectionError, SipPoolError, SipTimeoutError } from './errors';
import type { SipConnection } from './connection';
import { errorFields, type SipLogger } from './log';

export interface PoolOptions {
  maxConnections: number;
  /** How many callers may wait for a connection; more are refused at once. */
  maxQueue: number;
  /** How long a caller waits for a connection before SipTimeoutError('queue'). */
  acquireTimeoutMs: number;
  /** "host:port", for log lines. */
  endpoint: string;
  /**
   * An idle connection is closed after this long. Many ACSs serve one session per terminal login at
   * a time and end idle ones themselves (the reference server after 60 s): closing first frees the
   * ACS for its other terminals and avoids finding a dead connection on the next request.
   */
  idleTimeoutMs?: number;
  logger?: SipLogger | undefined;
}

interface Waiter {
  wake(): void;
}

export class SipPool {
  private readonly idle: SipConnection[] = [];
  private readonly waiters: Waiter[] = [];
  /** Connections that exist or are being opened. */
  private size = 0;
  private closed = false;
  private readonly all = new Set<SipConnection>();
  private readonly idleTimers = new Map<SipConnection, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly open: () => Promise<SipConnection>,
    private readonly options: PoolOptions,
  ) {}

  /**
   * Runs `work` on a connection of its own. With `retryStale`, a SipConnectionError on a connection
   * that had served requests before (so it may have been closed by the ACS while idle) is retried
   * once on a fresh one; only safe for requests that change nothing (status, information).
   */
  async use<T>(work: (connection: SipConnection) => Promise<T>, opts: { retryStale?: boolean } = {}): Promise<T> {
    const connection = await this.acquire();
    const reused = connection.requestsDone > 0;
    try {
      const result = await work(connection);
      this.release(connection);
      return result;
    } catch (error) {
      this.release(connection);
      if (opts.retryStale && reused && error instanceof SipConnectionError && !this.closed) {
        return this.use(work, { retryStale: false });
      }
      throw error;
    }
  }

  private async acquire(): Promise<SipConnection> {
    const deadline = Date.now() + this.options.acquireTimeoutMs;
    // Queue behind those already waiting: a released connection is meant for the first of them,
    // and a newcomer taking it in between would push them back (first come, first served).
    if (this.waiters.length > 0 && !this.closed) await this.wait(deadline);
    for (;;) {
      if (this.closed) throw new SipPoolError('the SIP2 client is closed');
      while (this.idle.length) {
        const connection = this.idle.pop()!;
        clearTimeout(this.idleTimers.get(connection));
        this.idleTimers.delete(connection);
        if (connection.alive) return connection;
        this.forget(connection);
      }
      if (this.size < this.options.maxConnections) {
        this.size++;
        const started = Date.now();
        try {
          const connection = await this.open();
          this.options.logger?.debug({ sip2: this.options.endpoint, ms: Date.now() - started, size: this.size }, 'sip2 connection opened');
          if (this.closed) {
            await connection.close();
            this.size--;
            throw new SipPoolError('the SIP2 client is closed');
          }
          this.all.add(connection);
          return connection;
        } catch (error) {
          if (!(error instanceof SipPoolError)) this.size--;
          this.options.logger?.warn({ sip2: this.options.endpoint, ms: Date.now() - started, ...errorFields(error) }, 'sip2 connection failed');
          this.wakeOne();
          throw error;
        }
      }
      await this.wait(deadline);
    }
  }

  private wait(deadline: number): Promise<void> {
    if (this.waiters.length >= this.options.maxQueue) {
      return Promise.reject(new SipPoolError(`too many requests waiting for a SIP2 connection (${this.options.maxQueue})`));
    }
    return new Promise<void>((resolve, reject) => {
      const remaining = deadline - Date.now();
      const waiter: Waiter = {
        wake: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new SipTimeoutError(`no SIP2 connection became free within ${this.options.acquireTimeoutMs} ms`, 'queue'));
      }, Math.max(0, remaining));
      this.waiters.push(waiter);
    });
  }

  private wakeOne(): void {
    this.waiters.shift()?.wake();
  }

  private release(connection: SipConnection): void {
    if (connection.alive && !this.closed) {
      this.idle.push(connection);
      if (this.options.idleTimeoutMs !== undefined) {
        const timer = setTimeout(() => this.retire(connection), this.options.idleTimeoutMs);
        timer.unref?.();
        this.idleTimers.set(connection, timer);
      }
    } else {
      this.forget(connection);
      if (this.closed) void connection.close();
    }
    this.wakeOne();
  }

  private forget(connection: SipConnection): void {
    if (this.all.delete(connection)) {
      this.size--;
      if (!this.closed) this.options.logger?.debug({ sip2: this.options.endpoint, size: this.size }, 'sip2 connection dropped');
    }
    connection.destroy();
  }

  /** An idle connection whose time is up: out of the pool, closed politely. */
  private retire(connection: SipConnection): void {
    this.idleTimers.delete(connection);
    const i = this.idle.indexOf(connection);
    if (i < 0) return;
    this.idle.splice(i, 1);
    if (this.all.delete(connection)) this.size--;
    void connection.close().catch(() => connection.destroy());
    this.options.logger?.debug({ sip2: this.options.endpoint, size: this.size }, 'sip2 idle connection closed');
  }

  /** Closes every connection; waiting and later callers get SipPoolError. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const w of this.waiters.splice(0)) w.wake();
    const connections = [...this.all];
    this.idle.length = 0;
    await Promise.all(connections.map((c) => c.close()));
  }

  /** For tests and health pages: connections open or being opened, and callers waiting. */
  stats(): { size: number; idle: number; waiting: number } {
    return { size: this.size, idle: this.idle.length, waiting: this.waiters.length };
  }
}
