import 'server-only';
// The one builder for server actions that act for a signed-in account:
// session → zod parse → body (which scopes every query to the account's patrons, P3) → typed result.
// A server action is a public POST endpoint: its input is hostile until parsed, and a failure
// is a code the UI translates, never an exception text, stack trace or SQL.
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { getSignedInAccount, type SignedInAccount } from '@/lib/auth/session';

export type ActionFailureCode =
  | 'unauthenticated'
  | 'invalid_input'
  | 'not_found'
  | 'server_error'
  | (string & {});

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ActionFailureCode; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

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

/** Turns FormData into a plain object (repeated keys become arrays) for zod. */
export function formDataToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
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

export function accountAction<S extends z.ZodType, T>(
  schema: S,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    try {
      const account = await getSignedInAccount();
      if (!account) return fail('unauthenticated');
      const input = parseInput(schema, raw);
      if (!input.ok) return input;
      return await body(input.data, { account, db: await getDb() });
    } catch (error) {
      // Next's redirect()/notFound() travel as errors and must pass through.
      if (isNextControlFlow(error)) throw error;
      console.error('server action failed', error instanceof Error ? error.name : typeof error);
      return fail('server_error');
    }
  };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'DYNAMIC_SERVER_USAGE');
}
