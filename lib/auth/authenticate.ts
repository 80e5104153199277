// P1 sign-in with username or e-mail + password, throttled per account and per client.
// The answer and its timing are the same whether or not an account exists. The attempt is counted
// before the password is verified, and verified outside any transaction (lib/auth/throttle-store.ts).
import { eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema';
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT } from '../domain/throttle';
import { dummyHash, verifySecret } from './hash';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { throttledAttempt, type ThrottleKey } from './throttle-store';

export type AuthenticateResult =
  | { ok: true; accountId: number; sessionVersion: number }
  | { ok: false; code: 'invalid' | 'throttled'; retryAfterSeconds?: number };

const input = z.object({
  // No NUL: PostgreSQL refuses it in text, and the failed query's message would reach the sign-in URL.
  login: z.string().trim().min(1).max(254).refine((v) => !v.includes('\u0000')),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
  clientAddress: z.string().max(64),
});

/** An address shared by more accounts than this is not a family: the rest are not tried. */
const MAX_CANDIDATES = 20;

/** The throttle buckets of one sign-in attempt, without duplicates, in code-unit order. */
export function signInKeys(login: string, accountIds: number[], clientAddress: string): ThrottleKey[] {
  const keys = new Map<string, ThrottleKey>();
  for (const id of accountIds) keys.set(`signin:account:${id}`, { key: `signin:account:${id}`, policy: SIGN_IN_PER_ACCOUNT });
  keys.set(`signin:login:${login}`, { key: `signin:login:${login}`, policy: SIGN_IN_PER_ACCOUNT });
  keys.set(`signin:client:${clientAddress}`, { key: `signin:client:${clientAddress}`, policy: SIGN_IN_PER_CLIENT });
  return [...keys.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export async function authenticate(
  db: Db,
  raw: { login: string; password: string; clientAddress: string },
  now = new Date(),
): Promise<AuthenticateResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid' };
  const { password, clientAddress } = parsed.data;
  const login = parsed.data.login.toLowerCase();

  const candidates = await db
    .select({ id: accounts.id, username: accounts.username, passwordHash: accounts.passwordHash, sessionVersion: accounts.sessionVersion })
    .from(accounts)
    .where(or(eq(sql`lower(${accounts.username})`, login), eq(sql`lower(${accounts.email})`, login)))
    .orderBy(accounts.id)
    .limit(MAX_CANDIDATES);
  // A username match wins over e-mail matches; several accounts may share one e-mail address.
  const ordered = [...candidates].sort(
    (a, b) => Number(b.username.toLowerCase() === login) - Number(a.username.toLowerCase() === login),
  );

  // A failure counts against every account the login names (several share one e-mail address: a
  // family) and against the typed login itself. Were it counted against one of them
  // only, one guess by e-mail would test the password of every account of the address while using
  // up the attempts of just one. The typed login is counted whether or not an account exists, so
  // the lock does not tell that either. Sorted, so that attempts take the bucket locks in one order.
  const keys: ThrottleKey[] = signInKeys(login, ordered.map((c) => c.id), clientAddress);
  const result = await throttledAttempt(db, keys, now, async () => {
    if (ordered.length === 0) {
      await verifySecret(await dummyHash(), password); // same time as a real check
      return { ok: false, value: null };
    }
    for (const candidate of ordered) {
      if (await verifySecret(candidate.passwordHash, password)) {
        return { ok: true, value: candidate, clear: [`signin:account:${candidate.id}`, `signin:login:${login}`] };
      }
    }
    return { ok: false, value: null };
  });
  if (result.throttled) {
    await verifySecret(await dummyHash(), password); // same time as a real check
    return { ok: false, code: 'throttled', retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) };
  }
  const match = result.value;
  if (!match) return { ok: false, code: 'invalid' };
  return { ok: true, accountId: match.id, sessionVersion: match.sessionVersion };
}
