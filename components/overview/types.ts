// What the overview shows per card (plain props; lib/data/overview.ts returns this shape).
import type { RenewalAdviceProps } from '@/components/memberships/types';
export interface AttentionLoanProps {
  id: number;
  title: string;
  libraryName: string;
  dueOn: string;
  due: { daysUntilDue: number; daysOverdue: number };
}

export type BlockerProps =
  | { kind: 'fees'; outstandingCents: number; thresholdCents: number }
  | { kind: 'no_active_membership' }
  | { kind: 'membership_expiring'; libraryName: string; endOn: string }
  | { kind: 'guest_ending'; libraryName: string; endOn: string };

export interface CardOverviewProps {
  slug: string;
  label: string;
  active: boolean;
  overdue: AttentionLoanProps[];
  dueSoon: AttentionLoanProps[];
  ready: { id: number; title: string; branchCode: string; branchName: string; libraryName: string; readyUntil: string }[];
  blockers: BlockerProps[];
  outstandingCents: number;
  /** R5/R7 advice per patron record (`patronName` only when the card covers several people). */
  advice: { patronId: number; patronName: string | null; advice: RenewalAdviceProps }[];
  /** R12: guest memberships registered while the home membership was not valid. */
  guestHomeInvalid: { membershipId: number; libraryName: string; homeName: string | null; homeIsil: string }[];
}
