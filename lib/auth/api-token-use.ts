import 'server-only';
// Stamps a personal API token's last use (shown in account settings). A write next to the other
// request bookkeeping of lib/auth (throttle buckets): lib/data only reads.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiTokens } from '../../db/schema';

export async function recordApiTokenUse(db: Executor, tokenId: number, now = new Date()): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}
