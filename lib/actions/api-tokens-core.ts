import 'server-only';
// The account's personal API tokens: create (named; the token is returned once — the database keeps
// its SHA-256 only, lib/auth/link-token.ts) and revoke (stamps `revoked_at`: from then on the API
// answers 401, as for a token it never saw). Only the signed-in account's own tokens are touched.
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { newToken } from '@/lib/auth/link-token';
import type { SignedInAccount } from '@/lib/auth/session';
import { MAX_API_TOKENS } from '@/lib/domain/personal-api';
import { fail, ok, type ActionResult } from './account-action';

export async function createApiTokenForAccount(
  db: Executor,
  account: SignedInAccount,
  name: string,
  now = new Date(),
): Promise<ActionResult<{ id: number; token: string }>> {
  const [active] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, account.accountId), isNull(apiTokens.revokedAt)));
  if ((active?.n ?? 0) >= MAX_API_TOKENS) return fail('too_many_tokens');
  const { token, hash } = newToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ accountId: account.accountId, name, tokenHash: hash, createdAt: now })
    .returning({ id: apiTokens.id });
  return ok({ id: row!.id, token });
}

/** Revokes one of the account's own tokens; another account's id (or an unknown one) is not_found. */
export async function revokeApiTokenForAccount(db: Executor, account: SignedInAccount, id: number, now = new Date()): Promise<ActionResult<null>> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, account.accountId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1 ? ok(null) : fail('not_found');
}
