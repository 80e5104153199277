import 'server-only';
// The private calendar feed's read: the account a feed secret belongs to, its language, and every
// due date and pick-up deadline of its linked patrons — ONE statement (P4), scoped to that
// account's patrons (P3) exactly as the overview is: a patron's loans and reservations count on a
// card where that patron has a membership (R1). The secret is looked up by its SHA-256 only
// (lib/auth/link-token.ts); an unknown, revoked or malformed secret reads as null, all alike.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryView } from '@/db/rows';
import { hashToken } from '@/lib/auth/link-token';
import type { FeedLoan, FeedLocale, FeedPickup } from '@/lib/domain/calendar-feed';
import { onCardScope } from './cards';

export interface CalendarFeedData {
  accountId: number;
  locale: FeedLocale;
  loans: FeedLoan[];
  pickups: FeedPickup[];
}

interface Row {
  accountId: number;
  locale: string;
  loans: FeedLoan[];
  pickups: FeedPickup[];
}

/** The feed of the secret `token`, or null when no account has it (now). */
export async function getCalendarFeed(db: Executor, token: string): Promise<CalendarFeedData | null> {
  // A malformed secret is hashed and looked up like any other (it finds nothing): every answer
  // takes the same path, so timing tells nothing beyond the hash compare of the index look-up.
  const tokenHash = hashToken(token.slice(0, 200));
  const row = await queryView<Row | null>(
    db,
    sql`
      with feed as (
        select cf.account_id, a.locale from calendar_feeds cf join accounts a on a.id = cf.account_id
         where cf.token_hash = ${tokenHash}
      ),
      my_patrons as (
        select ap.patron_id from account_patrons ap join feed on feed.account_id = ap.account_id
      ),
      ${onCardScope}
      select (
        select json_build_object(
          'accountId', feed.account_id,
          'locale', feed.locale,
          'loans', coalesce((
            select json_agg(json_build_object('id', lo.id, 'dueOn', lo.due_on, 'renewals', lo.renewals,
                                              'title', t.title, 'libraryName', lib.name)
                            order by lo.due_on, lo.id)
              from loans lo
              join lib on lib.id = lo.library_id
              join items i on i.id = lo.item_id
              join titles t on t.id = i.title_id
             where lo.returned_on is null
               and (lo.patron_id, lib.slug) in (select patron_id, card_slug from on_card)), '[]'::json),
          'pickups', coalesce((
            select json_agg(json_build_object('id', rv.id, 'readyUntil', rv.ready_until, 'title', t.title,
                                              'libraryName', lib.name, 'branchName', b.name)
                            order by rv.ready_until, rv.id)
              from reservations rv
              join branches b on b.id = rv.pickup_branch_id
              join lib on lib.id = b.library_id
              join titles t on t.id = rv.title_id
             where rv.status = 'ready' and rv.ready_until is not null
               and (rv.patron_id, lib.slug) in (select patron_id, card_slug from on_card)), '[]'::json)
        )
        from feed
      ) as view`,
  );
  if (!row) return null;
  return { accountId: row.accountId, locale: row.locale === 'en' ? 'en' : 'nl', loans: row.loans, pickups: row.pickups };
}
