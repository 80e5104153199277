import 'server-only';
// The personal read-only API's reads (issue 15): for a token hash, the account it belongs to and
// one resource of that account's linked patrons — ONE statement (P4; the loader then stamps the
// token's `last_used_at` through lib/auth/api-token-use.ts), scoped (P3) exactly as the calendar feed is (`onCardScope`, R1). An unknown or
// revoked token finds no row and reads as null, all alike. And the settings' list of tokens.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { queryView } from '@/db/rows';
import type { SignedInAccount } from '@/lib/auth/session';
import type { ApiResource } from '@/lib/domain/personal-api';
import { onCardScope } from './cards';

/** A row of alias `a` counts when its patron has a membership on the card of its library (R1). */
const onCard = (a: string) => sql`(${sql.raw(a)}.patron_id, lib.slug) in (select patron_id, card_slug from on_card)`;

/** One resource's rows as a json array (SQL dates render YYYY-MM-DD; money stays in cents). */
const RESOURCE_SQL: Record<ApiResource, SQL> = {
  loans: sql`
    select json_agg(json_build_object('id', lo.id, 'title', t.title, 'author', t.author, 'libraryName', lib.name,
                                      'branchName', b.name, 'lentOn', lo.lent_on, 'dueOn', lo.due_on,
                                      'renewals', lo.renewals) order by lo.due_on, lo.id)
      from loans lo
      join lib on lib.id = lo.library_id
      join branches b on b.id = lo.branch_id
      join items i on i.id = lo.item_id
      join titles t on t.id = i.title_id
     where lo.returned_on is null and ${onCard('lo')}`,
  reservations: sql`
    select json_agg(json_build_object('id', rv.id, 'title', t.title, 'author', t.author, 'status', rv.status,
                                      'placedOn', rv.placed_on, 'readyUntil', rv.ready_until,
                                      'libraryName', lib.name, 'pickupBranchName', b.name) order by rv.placed_on, rv.id)
      from reservations rv
      join branches b on b.id = rv.pickup_branch_id
      join lib on lib.id = b.library_id
      join titles t on t.id = rv.title_id
     where rv.status in ('waiting', 'in_transit', 'ready') and ${onCard('rv')}`,
  fees: sql`
    select json_agg(json_build_object('id', f.id, 'kind', f.kind, 'description', f.description, 'createdOn', f.created_on,
                                      'amountCents', f.amount_cents, 'libraryName', lib.name) order by f.created_on, f.id)
      from fees f
      join lib on lib.id = f.library_id
     where f.paid_on is null and ${onCard('f')}`,
  // The number is masked in the statement (lib/domain/card-number maskCardNumber's twin): the whole
  // number never leaves the database.
  cards: sql`
    select json_agg(json_build_object('id', c.id,
                                      'number', case when length(c.number) <= 4 then '••••' else '•••• ' || right(c.number, 4) end,
                                      'kind', c.kind, 'libraryName', l.name) order by l.name, c.id)
      from cards c
      join my_patrons p on p.patron_id = c.patron_id
      join libraries l on l.id = c.library_id`,
};

/** The resource for the token with SHA-256 `tokenHash`, or null when no active token has it. */
export async function readPersonalApi(db: Executor, resource: ApiResource, tokenHash: string): Promise<{ tokenId: number; data: unknown[] } | null> {
  return queryView<{ tokenId: number; data: unknown[] } | null>(
    db,
    sql`
      with tok as (
        select id, account_id from api_tokens where token_hash = ${tokenHash} and revoked_at is null
      ),
      my_patrons as (
        select ap.patron_id from account_patrons ap join tok on tok.account_id = ap.account_id
      ),
      ${onCardScope}
      select (
        select json_build_object('tokenId', tok.id, 'data', coalesce((${RESOURCE_SQL[resource]}), '[]'::json)) from tok
      ) as view`,
  );
}

export interface ApiTokenView {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The account's active tokens for the settings page (P3: by the account's own id only). */
export async function listApiTokens(db: Executor, account: SignedInAccount): Promise<ApiTokenView[]> {
  const rows = await db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, account.accountId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
  }));
}
