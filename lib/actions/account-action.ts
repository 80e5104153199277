import 'server-only';
// The builder for server actions that act for a signed-in account:
// session → zod parse → body (which scopes every query to the account's patrons, P3) → typed result.
// Its sibling for the public ones (no session yet: activation, recovery) is publicAction
// (public-action.ts); both answer with the one ActionResult type below and log the same line.
// A server action is a public POST endpoint: its input is hostile until parsed, and a failure
// is a code the UI translates, never an exception text, stack trace or SQL.
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { rememberWrite } from '@/lib/auth/read-routing';
import { getSignedInAccount, type SignedInAccount } from '@/lib/auth/session';
import { logger, safe } from '@/lib/log';

export type ActionFailureCode =
  | 'unauthenticated'
  | 'invalid_input'
  | 'not_found'
  | 'server_error'
  | (string & {});

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ActionFailureCode;
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      /** With `library_refused` / `library_unreachable`: which library, and its own words (L1). */
      library?: { name: string; message: string | null };
    };

export interface ActionContext {
  account: SignedInAccount;
  db: Db;
}

/** Largest accepted input: generous for any form, small enough that nobody can flood the parser. */
const MAX_INPUT_BYTES = 64 * 1024;

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: ActionFailureCode, extra: Omit<Extract<ActionResult, { ok: false }>, 'ok' | 'code'> = {}) {
  return { ok: false as const, code, ...extra };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.code);
  }
  return out;
}

/**
 * Turns FormData into a plain object (repeated keys become arrays) for zod. A server action's
 * argument is whatever the caller posted, not necessarily FormData: anything else is no fields.
 */
export function formDataToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!(data instanceof FormData)) return out;
  for (const [key, value] of data.entries()) {
    const v = typeof value === 'string' ? value : null;
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function tooLarge(raw: unknown): boolean {
  try {
    return JSON.stringify(raw ?? null).length > MAX_INPUT_BYTES;
  } catch {
    return true;
  }
}

/** Parses input for any action, signed in or not. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown):
  | { ok: true; data: z.infer<S> }
  | { ok: false; code: 'invalid_input'; fieldErrors: Record<string, string[]> } {
  const value = raw instanceof FormData ? formDataToObject(raw) : raw;
  if (tooLarge(value)) return { ok: false, code: 'invalid_input', fieldErrors: { _: ['too_big'] } };
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, code: 'invalid_input', fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, data: parsed.data };
}

export interface AccountActionOptions {
  /** For the action log line; without it the line names Next's action id (the `next-action` header). */
  name?: string;
}

export function accountAction<S extends z.ZodType, T>(
  schema: S,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
  options: AccountActionOptions = {},
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    const started = performance.now();
    let accountId: number | undefined;
    const done = (result: ActionResult<T>, error?: unknown) => {
      void logAction({ name: options.name, accountId, result, error, ms: performance.now() - started });
      return result;
    };
    try {
      const account = await getSignedInAccount('write');
      if (!account) return done(fail('unauthenticated'));
      accountId = account.accountId;
      const input = parseInput(schema, raw);
      if (!input.ok) return done(input);
      try {
        return done(await body(input.data, { account, db: await getDb() }));
      } finally {
        // Whatever the outcome (a refusal may have logged, a redirect follows a write): the
        // account's next reads wait for the replica to have this request's writes (read-routing.ts).
        await rememberWrite(account.accountId);
      }
    } catch (error) {
      // Next's redirect()/notFound() travel as errors and must pass through.
      if (isNextControlFlow(error)) {
        void logAction({ name: options.name, accountId, result: null, ms: performance.now() - started });
        throw error;
      }
      return done(fail('server_error'), error);
    }
  };
}

/**
 * One line per action: which, for whom (the account id, never a name or address), the outcome
 * code, the duration and the request id. Never the input: it holds PINs, passwords, card numbers.
 */
export async function logAction(entry: { name?: string; accountId?: number; result: ActionResult<unknown> | null; error?: unknown; ms: number }) {
  try {
    const h = await headers().catch(() => null);
    const line = {
      action: entry.name ?? safe.text(h?.get('next-action') ?? 'unknown', 64),
      requestId: h?.get('x-request-id') ?? undefined,
      accountId: entry.accountId,
      outcome: entry.result === null ? 'redirect' : entry.result.ok ? 'ok' : entry.result.code,
      durationMs: Math.round(entry.ms * 10) / 10,
      ...(entry.error === undefined ? {} : safe.error(entry.error)),
    };
    if (entry.error !== undefined) logger().error(line, 'server action failed');
    else logger().info(line, 'server action');
  } catch {
    // Logging never breaks an action.
  }
}

export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'DYNAMIC_SERVER_USAGE');
}
