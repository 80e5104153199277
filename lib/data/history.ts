import 'server-only';
// H1 lending history of one card: returned loans of every library of the region that the patron
// did not clear, newest first, paginated and searchable — ONE statement (P4), scoped to the
// account's patrons on the card (P3). The CSV export uses the same filter without pages.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { cardViewBase, queryCardView, type CardChoice, type CardViewBase, type CardViewHeader } from './cards';

export const HISTORY_PAGE_SIZE = 20;
/** The export's ceiling: a lifetime of borrowing, not an unbounded response. */
export const HISTORY_EXPORT_LIMIT = 10_000;
export const HISTORY_SEARCH_MAX = 100;

export interface HistoryEntry {
  id: number;
  title: string;
  author: string | null;
  material: string;
  libraryName: string;
  branchCode: string;
  branchName: string;
  lentOn: IsoDate;
  returnedOn: IsoDate;
}

export interface HistoryView extends CardViewBase {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageCount: number;
  search: string;
  /** H1: recording is on for every patron record on the card (off by default). */
  recording: boolean;
}

/** `50%_off\` as a literal ILIKE pattern: the wildcards and the escape character itself escaped. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function normaliseSearch(search: string | null | undefined): string {
  // Control characters (a NUL byte would make PostgreSQL refuse the statement) are dropped.
  return (search ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, HISTORY_SEARCH_MAX);
}

function historyRows(search: string): SQL {
  const filter = search ? sql`and (t.title ilike ${likePattern(search)} escape '\\' or t.author ilike ${likePattern(search)} escape '\\')` : sql``;
  return sql`
    history as (
      select lo.id, t.title, t.author, t.material, l.name as library_name, b.code as branch_code, b.name as branch_name,
             lo.lent_on, lo.returned_on
        from loans lo
        join items i on i.id = lo.item_id
        join titles t on t.id = i.title_id
        join libraries l on l.id = lo.library_id
        join branches b on b.id = lo.branch_id
       where lo.returned_on is not null
         and not lo.hidden_from_history
         and lo.patron_id in (select patron_id from card_patrons)
         and lo.library_id in (select id from card_libraries)
         -- H1: returns reach this database from the library system whatever the setting, so the
         -- portal is where "not recorded" takes effect: with recording on, everything not cleared;
         -- switched off in the portal, only what was returned before that day; never switched on
         -- (the default for new records), nothing.
         -- (by the loan's own patron record: its primary key, never a pass over the patrons)
         and exists (
           select 1 from patrons p
            where p.id = lo.patron_id and (p.history_enabled or lo.returned_on < p.history_paused_on))
         ${filter}
    )`;
}

const entryJson = sql`json_build_object(
  'id', h.id, 'title', h.title, 'author', h.author, 'material', h.material, 'libraryName', h.library_name,
  'branchCode', h.branch_code, 'branchName', h.branch_name, 'lentOn', h.lent_on, 'returnedOn', h.returned_on)`;

export async function getHistoryView(
  db: Executor,
  account: SignedInAccount,
  slug: string,
  options: { page?: number; search?: string | null },
  today: IsoDate,
): Promise<HistoryView | null> {
  const search = normaliseSearch(options.search);
  const page = Number.isSafeInteger(options.page) && (options.page ?? 0) > 0 ? options.page! : 1;
  const offset = (page - 1) * HISTORY_PAGE_SIZE;
  const found = await queryCardView<CardViewHeader & { recording: boolean | null; total: number; entries: HistoryEntry[] }>(db, account, slug, today, {
    with: historyRows(search),
    fields: sql`
        'recording', (select bool_and(p.history_enabled) from patrons p where p.id in (select patron_id from card_patrons)),
        'total', (select count(*) from history)::int,
        'entries', coalesce((
          select json_agg(${entryJson} order by h.returned_on desc, h.id desc)
            from (select * from history order by returned_on desc, id desc
                   limit ${HISTORY_PAGE_SIZE} offset ${offset}) h), '[]'::json)`,
  });
  if (!found) return null;
  const { view } = found;
  return {
    ...cardViewBase(found),
    entries: view.entries,
    total: view.total,
    page,
    pageCount: Math.max(1, Math.ceil(view.total / HISTORY_PAGE_SIZE)),
    search,
    recording: view.recording ?? false,
  };
}

/** Every visible history entry of the card for the CSV export (H1), or null when not the account's card. */
export async function listHistoryForExport(
  db: Executor,
  account: SignedInAccount,
  slug: string,
  search: string | null,
  today: IsoDate,
): Promise<{ card: CardChoice; entries: HistoryEntry[] } | null> {
  const found = await queryCardView<{ entries: HistoryEntry[] }>(db, account, slug, today, {
    with: historyRows(normaliseSearch(search)),
    header: false,
    fields: sql`
        'entries', coalesce((
          select json_agg(${entryJson} order by h.returned_on desc, h.id desc)
            from (select * from history order by returned_on desc, id desc limit ${HISTORY_EXPORT_LIMIT}) h), '[]'::json)`,
  });
  return found ? { card: found.context.choice, entries: found.view.entries } : null;
}
