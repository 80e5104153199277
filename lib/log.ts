// Structured logs: one JSON object per line on stdout, with pino.
// What may never appear in a line: a PIN, a password, a full card number, an e-mail address, a
// token, a cookie, or a title from someone's lending history. Three guards:
//  1. callers log ids, codes, counts and durations — never the input of a form (docs/security.md);
//  2. pino's redaction censors the known secret keys at any depth up to three levels;
//  3. `safe` masks what slips through as text: card-number-like digit runs and e-mail addresses.
// Errors are logged by name and code only (a database error's message can quote the row it
// refused, e-mail address included).
// A leaf like lib/env.ts: anyone may import it. Nothing opens at import time; the logger is made on
// first use, so `next build` does not parse the environment.
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { maskCardNumber } from '@/lib/domain/card-number';
import { env } from '@/lib/env';

/** Keys whose values are never written, wherever they occur in a log object. */
export const REDACTED_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'confirm',
  'pin',
  'pinHash',
  'passwordHash',
  'cardNumber',
  'email',
  'newEmail',
  'login',
  'token',
  'tokenHash',
  'cookie',
  'cookies',
  'authorization',
  'set-cookie',
  'title',
] as const;

export const CENSOR = '[redacted]';

const redactPaths = REDACTED_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = k.startsWith('[') ? '' : '.';
  return [k, `*${dot}${k}`, `*.*${dot}${k}`];
});

export interface LoggerOptions {
  level?: Level | 'silent';
  /** Where lines go; stdout when omitted (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

/** A logger with the project's redaction; `logger()` is the process-wide one. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'mijn-bibliotheek' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: CENSOR },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

let shared: Logger | undefined;

/** The process-wide logger: LOG_LEVEL (lib/env.ts), silent under vitest unless tests make their own. */
export function logger(): Logger {
  if (shared) return shared;
  const e = env();
  shared = createLogger({ level: e.NODE_ENV === 'test' ? 'silent' : e.LOG_LEVEL });
  return shared;
}

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[A-Za-z]{2,}/g;
// Card numbers are 8+ characters of digits (Wise, UiTPAS, eID; with separators people type) or an A-kaart.
const CARD_LIKE = /\b(?:A\d{6,16}|\d[\d .\-/]{6,22}\d)\b/g;

/** Masks card numbers and e-mail addresses in free text (a path, a header value, an error name). */
function safeText(value: string): string {
  return value.replace(EMAIL, '[email]').replace(CARD_LIKE, (match) => {
    const digits = match.replace(/[^\dA]/g, '');
    return digits.length >= 8 ? maskCardNumber(match) : match;
  });
}

/** Paths that carry a secret in a segment: the calendar feed's URL is its own key. */
const PATH_SECRETS = /^(\/api\/calendar\/)[^/]+/;

function maskPathSecrets(pathname: string): string {
  return pathname.replace(PATH_SECRETS, '$1[token]');
}

export const safe = {
  /** `•••• 6789`: never a whole card number. */
  card: (cardNumber: string): string => maskCardNumber(cardNumber),
  /** Free text with card numbers and e-mail addresses masked, cut to `max` characters. */
  text: (value: string, max = 200): string => safeText(value.slice(0, max * 2)).slice(0, max),
  /**
   * A URL path for a request line: the path with card-number-like parts masked, and only the NAMES
   * of the query parameters (their values can be tokens, search text or a login).
   */
  path: (pathname: string, search?: URLSearchParams): { path: string; query?: string[] } => {
    const path = safeText(maskPathSecrets(pathname.slice(0, 300)));
    const keys = search ? [...new Set([...search.keys()])].slice(0, 20).map((k) => safeText(k.slice(0, 40))) : [];
    return keys.length > 0 ? { path, query: keys } : { path };
  },
  /** An error as name and (database) code only: messages can quote the data that was refused. */
  error: (error: unknown): { errName: string; errCode?: string } => {
    if (!(error instanceof Error)) return { errName: typeof error };
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && /^[A-Z0-9_]{1,12}$/i.test(code) ? { errName: error.name, errCode: code } : { errName: error.name };
  },
};

/** A request id from a client or proxy is kept only when it looks like one; otherwise a new UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  if (incoming && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming)) return incoming;
  return crypto.randomUUID();
}
