// Typed failures, so a caller can tell "the library system is down" (retry later, tell the patron)
// from "it answered something we cannot trust" (a bug on one side) without parsing messages.
// Messages never quote a request: a request can hold a patron id or a password.

export type SipErrorCode = 'timeout' | 'connection' | 'login' | 'protocol' | 'argument' | 'pool';

export abstract class SipError extends Error {
  abstract readonly code: SipErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer in time: on connect, on login, on a request, or while waiting for a free connection. */
export class SipTimeoutError extends SipError {
  // Spelled out: a production build minifies class names, and logs show `name`.
  override readonly name = 'SipTimeoutError';
  readonly code = 'timeout' as const;
  constructor(
    message: string,
    readonly phase: 'connect' | 'login' | 'request' | 'queue',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The TCP/TLS connection could not be made or went away (refused, reset, closed by the peer). */
export class SipConnectionError extends SipError {
  override readonly name = 'SipConnectionError';
  readonly code = 'connection' as const;
  /** The system error code when there is one (ECONNREFUSED, ECONNRESET, …). */
  readonly errno?: string;
  constructor(message: string, options?: { cause?: unknown; errno?: string }) {
    super(message, options);
    if (options?.errno) this.errno = options.errno;
  }
}

/** The ACS answered the login (93) with 94 and ok = 0: wrong user or password, or not allowed. */
export class SipLoginError extends SipError {
  override readonly name = 'SipLoginError';
  readonly code = 'login' as const;
}

/** The ACS answered something the protocol does not allow: wrong message id, short fixed part,
 * bad checksum after the one resend, a sequence number that is not ours. */
export class SipProtocolError extends SipError {
  override readonly name = 'SipProtocolError';
  readonly code = 'protocol' as const;
  /** The offending answer's first characters (message id and fixed part carry no secrets). */
  readonly head?: string;
  constructor(message: string, options?: { cause?: unknown; head?: string }) {
    super(message, options);
    if (options?.head !== undefined) this.head = options.head;
  }
}

/** A request value that cannot travel in SIP2 (a field delimiter or a carriage return in it). */
export class SipArgumentError extends SipError {
  override readonly name = 'SipArgumentError';
  readonly code = 'argument' as const;
}

/** The pool is closed, or its wait queue is full. */
export class SipPoolError extends SipError {
  override readonly name = 'SipPoolError';
  readonly code = 'pool' as const;
}
