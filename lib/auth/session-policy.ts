// How long a session lives: 12 hours without activity, 30 days at the most, and not a
// moment after the account's session version changes.
export const IDLE_TIMEOUT_SECONDS = 12 * 60 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 30 * 24 * 60 * 60;
/** The sliding expiry is re-issued at most this often, so not every request rewrites the cookie. */
export const REFRESH_AFTER_SECONDS = 5 * 60;

/** What the session JWT carries: the account id, its session version and a session id, nothing personal. */
export interface SessionClaims {
  sub: string;
  sv: number;
  /** This session's id (random): signing out records it as ended. */
  sid: string;
  /** When the session began (epoch seconds); fixes the absolute limit. */
  authTime: number;
  /** Last activity (epoch seconds); drives the idle limit. */
  seen: number;
}

export type SessionVerdict = 'valid' | 'idle' | 'too_old';

/** The claims of a session that begins now: the same whether next-auth or our sign-in action starts it. */
export function newSessionClaims(accountId: number, sessionVersion: number, nowSeconds: number, sid: string): SessionClaims {
  return { sub: String(accountId), sv: sessionVersion, sid, authTime: nowSeconds, seen: nowSeconds };
}

export function judgeSession(claims: Pick<SessionClaims, 'authTime' | 'seen'>, nowSeconds: number): SessionVerdict {
  if (nowSeconds - claims.authTime > ABSOLUTE_TIMEOUT_SECONDS) return 'too_old';
  if (nowSeconds - claims.seen > IDLE_TIMEOUT_SECONDS) return 'idle';
  return 'valid';
}

export function needsRefresh(claims: Pick<SessionClaims, 'seen'>, nowSeconds: number): boolean {
  return nowSeconds - claims.seen > REFRESH_AFTER_SECONDS;
}
