import 'server-only';
// History (H1) actions for a signed-in account, as plain functions the tests call directly; the
// 'use server' wrappers in history.ts add the session and zod parsing. Each is ONE statement that
// finds the card among the account's own memberships (P3) and writes only its patrons' rows, and
// records what it changed in the change log in a CTE of that statement: per patron
// and library of the card, unconfirmed (no library system is asked about the history).
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { accountScope, cardScope, isPlausibleSlug, queryView } from '@/lib/data/cards';
import { insertChanges } from './change-log';
import { fail, ok, type ActionResult } from './account-action';

export interface SetHistoryRecordingInput {
  card: string;
  enabled: boolean;
}

export interface ClearHistoryInput {
  card: string;
}

/**
 * H1: switches recording on or off for every patron record of the account on the card. The setting
 * belongs to the patron record (patrons.history_enabled, off by default), so it also applies to
 * that record's other cards; the page says so. Switching off remembers the day, so that nothing
 * returned from then on is recorded; switching on again hides for good what was returned while it
 * was off, and records from then on.
 */
export async function setHistoryRecordingForAccount(
  db: Db,
  account: SignedInAccount,
  input: SetHistoryRecordingInput,
  today: IsoDate,
): Promise<ActionResult<{ enabled: boolean }>> {
  if (!isPlausibleSlug(input.card)) return fail('not_found');
  const write = input.enabled
    ? // Data-modifying CTEs always run and all see the snapshot from before the statement, so the
      // loans are judged by the setting as it was.
      sql`
      unrecorded as (
        update loans lo set hidden_from_history = true
          from patrons p
         where p.id = lo.patron_id and p.id in (select patron_id from card_patrons)
           -- returned while recording was off: since it was paused, or ever if it never was on
           and not p.history_enabled
           and (p.history_paused_on is null or lo.returned_on >= p.history_paused_on)
           and lo.returned_on is not null and not lo.hidden_from_history
        returning lo.id
      ),
      updated as (
        update patrons set history_enabled = true, history_paused_on = null
         where id in (select patron_id from card_patrons)
        returning id
      )`
    : sql`
      updated as (
        update patrons
           set history_enabled = false,
               history_paused_on = case when history_enabled then ${today}::date else history_paused_on end
         where id in (select patron_id from card_patrons)
        returning id
      )`;
  // Change log: a patron whose setting this switches (judged, like everything here, by the setting
  // as it was) gets a row per library of the card where it has a membership; switching off records
  // the day from which nothing is recorded (history_paused_on, which is today for them).
  const switched = {
    from: sql`patrons p
      join my_memberships mm on mm.patron_id = p.id and mm.library_id in (select id from card_libraries)
     where p.id in (select patron_id from card_patrons) and p.history_enabled <> ${input.enabled}`,
    patronId: sql`p.id`,
    libraryId: sql`mm.library_id`,
  };
  const record = input.enabled
    ? insertChanges(account.accountId, 'history_enabled', { ...switched, details: {} })
    : insertChanges(account.accountId, 'history_disabled', { ...switched, details: { pausedOn: sql`${today}::date` } });
  const view = await queryView<{ updated: number }>(
    db,
    sql`
      with ${accountScope(account)}, ${cardScope(input.card)},
      ${write},
      recorded as (${record})
      select json_build_object('updated', (select count(*) from updated)::int) as view`,
  );
  return view.updated > 0 ? ok({ enabled: input.enabled }) : fail('not_found');
}

/**
 * H1 clear all: hides every returned loan of the account's patrons in the card's libraries from the
 * history. The library keeps its record (loans.hidden_from_history); the portal no longer shows it.
 */
export async function clearHistoryForAccount(
  db: Db,
  account: SignedInAccount,
  input: ClearHistoryInput,
): Promise<ActionResult<{ cleared: number }>> {
  if (!isPlausibleSlug(input.card)) return fail('not_found');
  const view = await queryView<{ found: boolean; cleared: number }>(
    db,
    sql`
      with ${accountScope(account)}, ${cardScope(input.card)},
      cleared as (
        update loans set hidden_from_history = true
         where returned_on is not null and not hidden_from_history
           and patron_id in (select patron_id from card_patrons)
           and library_id in (select id from card_libraries)
        returning id, patron_id, library_id
      ),
      -- Change log: per patron and library whose history this cleared, how many loans it hid.
      recorded as (${insertChanges(account.accountId, 'history_cleared', {
        from: sql`cleared c group by c.patron_id, c.library_id`,
        patronId: sql`c.patron_id`,
        libraryId: sql`c.library_id`,
        details: { hidden: sql`count(*)::int` },
      })})
      select json_build_object(
        'found', exists (select 1 from card_patrons),
        'cleared', (select count(*) from cleared)::int
      ) as view`,
  );
  return view.found ? ok({ cleared: view.cleared }) : fail('not_found');
}
