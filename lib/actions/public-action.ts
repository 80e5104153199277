import 'server-only';
// The builder for the public server actions — the forms of someone who is not signed in (activation,
// forgot password, forgot username, a new password from a reset link, an e-mail confirmation):
// parse (zod) → read what the throttle needs → throttle → run → log by name → one ActionResult.
// The sibling of accountAction (account-action.ts), whose result type, parsing and log line it shares.
//
// `call` is the pipeline without Next.js, with the context given (the cores' callers and the
// integration tests); `serve` takes the request's context (database, client address, mailer with
// mail work after the response, the linked libraries' systems), logs one line by name and answers
// any exception with `server_error` — never its text.
import { headers } from 'next/headers';
import { after } from 'next/server';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { countAttempt, type ThrottleKey } from '@/lib/auth/throttle-store';
import { librarySystems } from '@/lib/library-systems/registry';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from '@/lib/library-systems/port';
import type { MailDeps } from '@/lib/mail/deferred';
import { getMailer } from '@/lib/mail/transport';
import { fail, isNextControlFlow, logAction, parseInput, type ActionResult } from './account-action';

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/** What a public action runs with. `now` is the mail deps' clock (tests) or the time of the call. */
export interface PublicContext {
  db: Db;
  clientAddress: string;
  mail: MailDeps;
  now: Date;
  systems: LibrarySystems;
}

/** The context `call` takes: the client address and library systems may be left out (`unknown`, none). */
export type PublicCallContext = Omit<PublicContext, 'now' | 'clientAddress' | 'systems'> & { clientAddress?: string; systems?: LibrarySystems };

export interface PublicActionSpec<S extends z.ZodType, R, T> {
  /** The action's name in the log line. */
  name: string;
  input: S;
  /** The answer to input that does not parse; default `invalid_input` with the field errors. */
  invalid?: (failure: Extract<ReturnType<typeof parseInput>, { ok: false }>) => ActionFailure;
  /** Reads what the throttle keys (and the run) need; no writes. */
  read?: (input: z.infer<S>, ctx: PublicContext) => Promise<R>;
  /** Buckets this request counts against — every request counts, allowed or not; locked → `throttled`. */
  throttle?: (input: z.infer<S>, read: R, ctx: PublicContext) => readonly ThrottleKey[];
  run: (input: z.infer<S>, read: R, ctx: PublicContext) => Promise<ActionResult<T>>;
}

export interface PublicAction<T> {
  readonly name: string;
  call(ctx: PublicCallContext, raw: unknown): Promise<ActionResult<T>>;
  /**
   * In a server action. `then` continues after success in the same logged, guarded call (activation
   * signs the new account in); its answer is the action's.
   */
  serve<U = T>(raw: unknown, then?: (data: T, ctx: PublicContext) => Promise<ActionResult<U>>): Promise<ActionResult<U>>;
}

export function publicAction<S extends z.ZodType, T, R = undefined>(spec: PublicActionSpec<S, R, T>): PublicAction<T> {
  const pipeline = async (ctx: PublicContext, raw: unknown): Promise<ActionResult<T>> => {
    const parsed = parseInput(spec.input, raw);
    if (!parsed.ok) return spec.invalid ? spec.invalid(parsed) : parsed;
    const input = parsed.data as z.infer<S>;
    const read = spec.read ? await spec.read(input, ctx) : (undefined as R);
    if (spec.throttle) {
      const status = await countAttempt(ctx.db, [...spec.throttle(input, read, ctx)], ctx.now);
      if (!status.allowed) return fail('throttled', { retryAfterSeconds: Math.ceil(status.retryAfterMs / 1000) });
    }
    return spec.run(input, read, ctx);
  };

  return {
    name: spec.name,
    call: (ctx, raw) =>
      pipeline(
        { ...ctx, clientAddress: ctx.clientAddress ?? 'unknown', systems: ctx.systems ?? NO_LIBRARY_SYSTEMS, now: ctx.mail.now ?? new Date() },
        raw,
      ),
    async serve<U = T>(raw: unknown, then?: (data: T, ctx: PublicContext) => Promise<ActionResult<U>>): Promise<ActionResult<U>> {
      const started = performance.now();
      const done = (result: ActionResult<U>, error?: unknown) => {
        void logAction({ name: spec.name, result, error, ms: performance.now() - started });
        return result;
      };
      try {
        const ctx = await requestContext();
        const result = await pipeline(ctx, raw);
        if (!result.ok) return done(result);
        return done(then ? await then(result.data, ctx) : (result as unknown as ActionResult<U>));
      } catch (error) {
        if (isNextControlFlow(error)) {
          void logAction({ name: spec.name, result: null, ms: performance.now() - started });
          throw error;
        }
        return done(fail('server_error'), error);
      }
    },
  };
}

/** The request's context: mail work runs after the response (Next's `after()`). */
async function requestContext(): Promise<PublicContext> {
  const [db, headerStore] = await Promise.all([getDb(), headers()]);
  return {
    db,
    clientAddress: clientAddressFromHeaders(headerStore),
    mail: { mailer: getMailer(), defer: (task) => after(task) },
    now: new Date(),
    // Only activation asks a library (a linked library's PIN); the others never load its configuration.
    get systems() {
      return librarySystems();
    },
  };
}
