'use server';
import 'server-only';
// The personal API tokens of account settings: create a named token (shown once) and revoke one,
// for the signed-in account only. One form per intent: `create` with `name`, `revoke` with `id`.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { API_TOKEN_NAME_MAX } from '@/lib/domain/personal-api';
import { accountAction, ok } from './account-action';
import { createApiTokenForAccount, revokeApiTokenForAccount } from './api-tokens-core';

const input = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('create'), name: z.string().trim().min(1).max(API_TOKEN_NAME_MAX) }),
  z.object({ intent: z.literal('revoke'), id: z.coerce.number().int().positive() }),
]);

const run = accountAction(input, async (body, { account, db }) => {
  if (body.intent === 'revoke') {
    const result = await revokeApiTokenForAccount(db, account, body.id);
    if (!result.ok) return result;
    revalidatePath('/account');
    return ok({ token: null as string | null, name: null as string | null });
  }
  const result = await createApiTokenForAccount(db, account, body.name);
  if (!result.ok) return result;
  revalidatePath('/account');
  return ok({ token: result.data.token as string | null, name: body.name as string | null });
});

export type ApiTokenState =
  | { status: 'idle' }
  | { status: 'created'; token: string; name: string }
  | { status: 'revoked' }
  | { status: 'error'; code: string };

export async function apiTokenAction(_previous: ApiTokenState, formData: FormData): Promise<ApiTokenState> {
  const result = await run(formData);
  if (!result.ok) return { status: 'error', code: result.code };
  return result.data.token && result.data.name ? { status: 'created', token: result.data.token, name: result.data.name } : { status: 'revoked' };
}
