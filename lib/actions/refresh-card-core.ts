import 'server-only';
// The refresh button of a card (L1–L3), as a plain function the tests call directly; the
// 'use server' wrapper in refresh-card.ts adds the session and zod parsing (account-action).
// P3: the card must be one of the account's own (one statement over its linked patrons); only then
// are that card's linked libraries asked — for the account's patrons only (refreshAccount).
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import { accountScope, cardScope, isPlausibleSlug, queryView } from '@/lib/data/cards';
import { refreshAccount, type InFlightLookup } from '@/lib/library-systems/refresh';
import type { LibrarySystems } from '@/lib/library-systems/port';
import { fail, ok, type ActionResult } from './account-action';

export interface RefreshCardInput {
  card: string;
}

export interface RefreshCardSummary {
  /** Libraries whose copy was fetched just now. */
  fetched: number;
  /** Libraries that could not be reached (their part of the card keeps the older copy, L4). */
  unreachable: number;
  /** Libraries fetched moments ago (or being fetched): not asked again (the 30 s claim). */
  notDue: number;
  /** Libraries where our side failed (logged). */
  failed: number;
}

export async function refreshCardForAccount(
  db: Db,
  systems: LibrarySystems,
  account: SignedInAccount,
  input: RefreshCardInput,
  now: Date,
  options: { inFlight?: InFlightLookup; claimIntervalSeconds?: number } = {},
): Promise<ActionResult<RefreshCardSummary>> {
  if (!isPlausibleSlug(input.card)) return fail('not_found');
  const view = await queryView<{ found: boolean }>(
    db,
    sql`with ${accountScope(account)}, ${cardScope(input.card)}
        select json_build_object('found', exists (select 1 from card_patrons)) as view`,
  );
  if (!view.found) return fail('not_found');
  // On demand: not only when stale; the claim still keeps it to one call set per interval.
  const results = await refreshAccount(db, systems, account, { cardSlug: input.card, inFlight: options.inFlight, claimIntervalSeconds: options.claimIntervalSeconds }, now);
  const count = (status: string) => results.filter((r) => r.outcome.status === status).length;
  return ok({ fetched: count('fetched'), unreachable: count('unreachable'), notDue: count('not_due'), failed: count('failed') });
}
