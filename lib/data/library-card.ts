import 'server-only';
// The digital library card (/library-card): every card of the account's linked patrons (P3) with
// its library and kind, in ONE statement (P4) built on accountScope like every other view. The
// numbers are whole here — the page shows them for the desk to scan — so this view is for that page
// only, and nothing of it is ever logged (lib/log.ts: no full card number in a line).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import { barcodeValue } from '@/lib/domain/card-barcode';
import type { CardKind } from '@/lib/domain/card-number';
import { accountScope, queryView } from './cards';

interface LibraryCardRow {
  id: number;
  patronId: number;
  givenName: string;
  familyName: string;
  libraryName: string;
  kind: CardKind;
  number: string;
  sourceNumber: string | null;
}

export interface DigitalCard {
  id: number;
  patronId: number;
  /** "An Peeters": the page names the person when the account links more than one. */
  patronName: string;
  libraryName: string;
  kind: CardKind;
  /** What the barcode encodes and the page prints under it (lib/domain/card-barcode barcodeValue). */
  value: string;
}

export interface LibraryCardView {
  cards: DigitalCard[];
  /** More than one linked patron record: each card says whose it is. */
  severalPatrons: boolean;
}

/** Every card of the account's linked patrons, by patron and library name; one statement. */
export async function getLibraryCardView(db: Executor, account: SignedInAccount): Promise<LibraryCardView> {
  const view = await queryView<{ cards: LibraryCardRow[] }>(
    db,
    sql`
      with ${accountScope(account)}
      select json_build_object(
        'cards', coalesce((
          select json_agg(json_build_object(
                   'id', c.id, 'patronId', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
                   'libraryName', l.name, 'kind', c.kind, 'number', c.number, 'sourceNumber', c.source_number
                 ) order by p.id, l.name, c.id)
            from cards c
            join my_patrons mp on mp.patron_id = c.patron_id
            join patrons p on p.id = c.patron_id
            join libraries l on l.id = c.library_id), '[]'::json)
      ) as view`,
  );
  const cards = view.cards.map((row) => ({
    id: row.id,
    patronId: row.patronId,
    patronName: `${row.givenName} ${row.familyName}`,
    libraryName: row.libraryName,
    kind: row.kind,
    value: barcodeValue(row),
  }));
  return { cards, severalPatrons: new Set(cards.map((c) => c.patronId)).size > 1 };
}
