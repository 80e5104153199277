import 'server-only';
// Active reservations of one card (R2), with queue position and the pick-up branches R3 allows
// (lib/domain/pickup-branches) —
// ONE statement (P4), scoped to the account's patrons on the card (P3).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { pickupOptions } from '@/lib/domain/pickup-branches';
import { cardRegionJson, cardViewBase, queryCardView, type CardViewBase, type CardViewHeader, type RegionRow } from './cards';

export type ActiveReservationStatus = 'waiting' | 'in_transit' | 'ready';

export interface BranchOption {
  id: number;
  code: string;
  name: string;
  libraryId: number;
  libraryName: string;
}

interface ReservationRow {
  id: number;
  title: string;
  author: string | null;
  material: string;
  placedOn: IsoDate;
  status: ActiveReservationStatus;
  readyUntil: IsoDate | null;
  queuePosition: number;
  pickupBranchId: number;
}

export interface ReservationView {
  id: number;
  title: string;
  author: string | null;
  material: string;
  placedOn: IsoDate;
  status: ActiveReservationStatus;
  readyUntil: IsoDate | null;
  /** Waiting: 1 + active reservations on the title placed before this one (placedOn, then id). */
  queuePosition: number;
  pickup: BranchOption;
  /** R3 pick-up choices (the current one included); empty when the pick-up can no longer change (pickupOptions). */
  pickupOptions: BranchOption[];
  cancellable: boolean;
}

export interface ReservationsView extends CardViewBase {
  reservations: ReservationView[];
}

export async function getReservationsView(
  db: Executor,
  account: SignedInAccount,
  slug: string,
  today: IsoDate,
): Promise<ReservationsView | null> {
  const found = await queryCardView<CardViewHeader & { region: RegionRow | null; branches: BranchOption[]; reservations: ReservationRow[] }>(db, account, slug, today, {
    fields: sql`
        'region', ${cardRegionJson},
        'branches', coalesce((
          select json_agg(json_build_object('id', b.id, 'code', b.code, 'name', b.name, 'libraryId', l.id, 'libraryName', l.name)
                          order by l.name, b.code, b.id)
            from branches b join libraries l on l.id = b.library_id
           where l.id in (select id from card_libraries)), '[]'::json),
        'reservations', coalesce((
          select json_agg(json_build_object(
            'id', rv.id, 'title', t.title, 'author', t.author, 'material', t.material,
            'placedOn', rv.placed_on, 'status', rv.status, 'readyUntil', rv.ready_until,
            'pickupBranchId', rv.pickup_branch_id,
            'queuePosition', 1 + (select count(*) from reservations q
                                   where q.title_id = rv.title_id and q.status in ('waiting', 'in_transit', 'ready')
                                     and (q.placed_on, q.id) < (rv.placed_on, rv.id))::int
          ) order by case rv.status when 'ready' then 0 when 'in_transit' then 1 else 2 end, rv.ready_until, rv.placed_on, rv.id)
            from reservations rv
            join titles t on t.id = rv.title_id
            join branches pb on pb.id = rv.pickup_branch_id
           where rv.status in ('waiting', 'in_transit', 'ready')
             and rv.patron_id in (select patron_id from card_patrons)
             and pb.library_id in (select id from card_libraries)), '[]'::json)`,
  });
  if (!found) return null;
  const { view } = found;
  const branchById = new Map(view.branches.map((b) => [b.id, b]));
  const reservations = view.reservations.flatMap((row): ReservationView[] => {
    const pickup = branchById.get(row.pickupBranchId);
    if (!pickup) return [];
    return [
      {
        id: row.id,
        title: row.title,
        author: row.author,
        material: row.material,
        placedOn: row.placedOn,
        status: row.status,
        readyUntil: row.readyUntil,
        queuePosition: row.queuePosition,
        pickup,
        pickupOptions: pickupOptions(view.region, { status: row.status, pickup }, view.branches),
        cancellable: true,
      },
    ];
  });
  return { ...cardViewBase(found), reservations };
}
