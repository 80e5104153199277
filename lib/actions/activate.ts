'use server';
import 'server-only';
// P1 activation (public: the patron has no account yet). The body is activateAccount; this wrapper
// adds the client address for the PIN throttle and keeps failures typed. On success the form signs
// the patron in with the password just chosen.
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { fail } from './account-action';
import { activateAccount, type ActivationResult } from './activate-core';

export async function activate(_previous: ActivationResult | null, formData: FormData): Promise<ActivationResult> {
  try {
    return await activateAccount(await getDb(), formData, clientAddressFromHeaders(await headers()));
  } catch (error) {
    console.error('activation failed', error instanceof Error ? error.name : typeof error);
    return fail('server_error');
  }
}
