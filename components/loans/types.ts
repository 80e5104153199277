// What the loans components show of a loan: a plain object the page passes down (components never
// import the data layer; lib/data/loans.ts returns objects of this shape).
export type RenewalDecisionProps =
  | { ok: true; newDueOn: string }
  | {
      ok: false;
      reason: 'not_linked' | 'returned' | 'reserved' | 'no_active_membership' | 'max_renewals' | 'fee_block' | 'membership_ends' | 'no_extension';
    };

export interface LoanProps {
  id: number;
  title: string;
  author: string | null;
  material: string;
  patronName: string | null;
  library: { id: number; name: string };
  branch: { code: string; name: string };
  dueOn: string;
  due: { state: 'overdue' | 'due_soon' | 'ok'; daysUntilDue: number; daysOverdue: number };
  renewals: number;
  maxRenewals: number | null;
  renewal: RenewalDecisionProps;
  returnPlace: ReturnPlaceProps;
}

/** R3: where a loan may be returned (lib/data/loans.ts ReturnPlaceView). */
export interface ReturnPlaceProps {
  scope: 'region' | 'library';
  regionName: string | null;
  libraryName: string;
  branches: string[];
  listed: boolean;
}

/** R15: loan strips left on an active guest membership of the card. */
export interface LoanStripsProps {
  membershipId: number;
  libraryName: string;
  patronName: string | null;
  left: number;
  state: 'none' | 'few' | 'enough';
}

export interface BranchGroupProps {
  key: string;
  libraryName: string;
  branch: { code: string; name: string };
  loans: LoanProps[];
}
