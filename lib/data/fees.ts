import 'server-only';
// F1 outstanding amounts of one card: per library, with a total per card and RN5's fee block —
// ONE statement (P4), scoped to the account's patrons on the card (P3).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { feeBlocks, sumCents } from '@/lib/domain/money';
import { cardRegionJson, cardViewBase, queryCardView, type CardViewBase, type CardViewHeader, type RegionRow } from './cards';

export type FeeKind = 'late' | 'reservation' | 'lost' | 'damaged' | 'contribution';

export interface FeeView {
  id: number;
  kind: FeeKind;
  description: string;
  createdOn: IsoDate;
  amountCents: number;
  patronId: number;
}

export interface LibraryFees {
  libraryId: number;
  libraryName: string;
  fees: FeeView[];
  totalCents: number;
}

export interface FeesView extends CardViewBase {
  libraries: LibraryFees[];
  totalCents: number;
  /** The region's RN5 threshold; 0 (no block) for a lone library. */
  thresholdCents: number;
  /** RN5: some patron's outstanding total in the region reaches the threshold — renewals refused. */
  blocksRenewal: boolean;
}

export async function getFeesView(db: Executor, account: SignedInAccount, slug: string, today: IsoDate): Promise<FeesView | null> {
  const found = await queryCardView<CardViewHeader & { region: RegionRow | null; fees: (FeeView & { libraryId: number; libraryName: string })[] }>(db, account, slug, today, {
    fields: sql`
        'region', ${cardRegionJson},
        'fees', coalesce((
          select json_agg(json_build_object(
            'id', f.id, 'kind', f.kind, 'description', f.description, 'createdOn', f.created_on,
            'amountCents', f.amount_cents, 'patronId', f.patron_id, 'libraryId', l.id, 'libraryName', l.name
          ) order by l.name, l.id, f.created_on desc, f.id)
            from fees f join libraries l on l.id = f.library_id
           where f.paid_on is null
             and f.patron_id in (select patron_id from card_patrons)
             and f.library_id in (select id from card_libraries)), '[]'::json)`,
  });
  if (!found) return null;
  const { view } = found;

  const libraries: LibraryFees[] = [];
  for (const { libraryId, libraryName, ...fee } of view.fees) {
    let group = libraries.find((l) => l.libraryId === libraryId);
    if (!group) libraries.push((group = { libraryId, libraryName, fees: [], totalCents: 0 }));
    group.fees.push(fee);
  }
  for (const group of libraries) group.totalCents = sumCents(group.fees.map((f) => f.amountCents));

  const thresholdCents = view.region?.thresholdCents ?? 0;
  const perPatron = new Map<number, number>();
  for (const fee of view.fees) perPatron.set(fee.patronId, (perPatron.get(fee.patronId) ?? 0) + fee.amountCents);
  return {
    ...cardViewBase(found),
    libraries,
    totalCents: sumCents(view.fees.map((f) => f.amountCents)),
    thresholdCents,
    // RN5 is judged per patron record, as the renewal itself is.
    blocksRenewal: [...perPatron.values()].some((cents) => feeBlocks(cents, thresholdCents)),
  };
}
