// Mail work of a request, run where the caller says: inline (awaited; the tests' default) or after
// the response (the server actions pass Next's `after()`, so that a request for an existing account
// takes as long as one for none). A failed mail never surfaces as an error page — the response may
// be gone already: the kind of failure is logged, never the address or the token.
import type { MailLocale } from './render';
import type { Mailer } from './transport';

export interface MailDeps {
  mailer: Mailer;
  now?: Date;
  /** Where mail work runs: default inline (awaited); the server actions pass Next's `after()`. */
  defer?: (task: () => Promise<void>) => void | Promise<void>;
  /** Base of the links in mails; default PUBLIC_BASE_URL. */
  baseUrl?: string;
}

export function runDeferred(deps: MailDeps, label: string, task: () => Promise<void>): void | Promise<void> {
  const guarded = async () => {
    try {
      await task();
    } catch (error) {
      console.error(`[mail] ${label} failed:`, error instanceof Error ? error.name : typeof error);
    }
  };
  return (deps.defer ?? ((t) => t()))(guarded);
}

/** An account's stored language as a mail language (anything unknown is Dutch). */
export const mailLocaleOf = (value: string): MailLocale => (value === 'en' ? 'en' : 'nl');
