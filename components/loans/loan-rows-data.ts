// What a loans table's rows are drawn from: the loans of one table with every text already in
// words, in a compact form (issue 16). The server puts the rows into words (loans-table.tsx) and the
// client component that draws them (loan-rows.tsx) only places the texts, so the rows are not
// rendered twice (as server elements and again as HTML) and their data travels once, small:
//  - a text that recurs on many rows (a library, a due date, "0 van 2", a reason, "over 3 dagen")
//    is sent once, in `words`, and rows refer to it by index;
//  - a return place (R3) is the same for every loan of a library: sent once, in `places`;
//  - a row is a tuple, not an object with named keys, for the same reason.
// Pure, so vitest checks it without React.
import type { LoanProps, ReturnPlaceProps } from './types';

/** A due date's look: fine, soon (R… due_soon) or overdue. */
export const DUE_CLASSES = ['', 'soon', 'overdue'] as const;
const DUE_CLASS_OF = { ok: 0, due_soon: 1, overdue: 2 } as const;

export type LoanRowTuple = [
  id: number,
  title: string,
  /** "door {author} · {material} · voor {patron}", the parts there are. */
  byline: string,
  library: number,
  /** Index in `words` of "branch code and name", or -1 in a table grouped per branch. */
  branch: number,
  dueOn: number,
  relativeDue: number,
  dueClass: 0 | 1 | 2,
  renewals: number,
  renewable: 0 | 1,
  /** Today's renewal decision in words (RN1–RN8). */
  decision: number,
  /** Index in `places`. */
  place: number,
];

/** R3 in words: where the loans of one library may be returned. */
export interface ReturnPlaceData {
  text: string;
  /** The disclosure that lists the branches when there are many; null when `text` names them. */
  more: { summary: string; branches: string[] } | null;
}

export interface LoanRowsData {
  words: string[];
  places: ReturnPlaceData[];
  /** "Selecteer {title}" split around the title. */
  selectLabel: [before: string, after: string];
  rows: LoanRowTuple[];
}

/** The formatters a table's words come from (loans-table.tsx makes them once per request). */
export interface LoanRowWords {
  selectLabel: [string, string];
  byline(loan: LoanProps): string;
  branch(branch: LoanProps['branch']): string;
  day(iso: string): string;
  relative(due: LoanProps['due']): string;
  renewals(used: number, max: number | null): string;
  decision(renewal: LoanProps['renewal']): string;
  place(place: ReturnPlaceProps): ReturnPlaceData;
}

export function loanRowsData(loans: readonly LoanProps[], showBranch: boolean, w: LoanRowWords): LoanRowsData {
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const word = (text: string) => {
    let i = wordIndex.get(text);
    if (i === undefined) wordIndex.set(text, (i = words.push(text) - 1));
    return i;
  };
  const places: ReturnPlaceData[] = [];
  const placeIndex = new Map<ReturnPlaceProps, number>();
  const place = (p: ReturnPlaceProps) => {
    let i = placeIndex.get(p);
    if (i === undefined) placeIndex.set(p, (i = places.push(w.place(p)) - 1));
    return i;
  };
  const rows = loans.map(
    (loan): LoanRowTuple => [
      loan.id,
      loan.title,
      w.byline(loan),
      word(loan.library.name),
      showBranch ? word(w.branch(loan.branch)) : -1,
      word(w.day(loan.dueOn)),
      word(w.relative(loan.due)),
      DUE_CLASS_OF[loan.due.state],
      word(w.renewals(loan.renewals, loan.maxRenewals)),
      loan.renewal.ok ? 1 : 0,
      word(w.decision(loan.renewal)),
      place(loan.returnPlace),
    ],
  );
  return { words, places, selectLabel: w.selectLabel, rows };
}
