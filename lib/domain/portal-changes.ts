// The change log's vocabulary. Every change the portal makes is one row of
// `portal_changes` per library it concerns; `details` holds the change's own data in the shape
// below (never a secret: a password change says only that it happened). The kinds and statuses
// are the database's (db/schema.ts checks them); the shapes are checked where rows are read.

export type PortalChangeKind =
  | 'renewal'
  | 'reservation_cancelled'
  | 'pickup_changed'
  | 'history_enabled'
  | 'history_disabled'
  | 'history_cleared'
  | 'account_email_changed'
  | 'account_password_changed'
  | 'membership_linked'
  | 'membership_unlinked';

export type PortalChangeStatus = 'unconfirmed' | 'confirmed' | 'rejected';

/** A branch by its natural key, as the import format names it. */
export interface BranchRef {
  library: string;
  branch: string;
}

export interface PortalChangeDetails {
  /** RN1–RN8: the due date and renewal count before and after. */
  renewal: { oldDueOn: string; newDueOn: string; oldRenewals: number; newRenewals: number };
  /** The status the reservation had when the patron cancelled it. */
  reservation_cancelled: { oldStatus: string };
  pickup_changed: { from: BranchRef; to: BranchRef };
  history_enabled: Record<string, never>;
  /** H1: returns from `pausedOn` on are not recorded. */
  history_disabled: { pausedOn: string };
  /** H1 clear all: how many returned loans the patron hid. */
  history_cleared: { hidden: number };
  /** The new address, confirmed by the patron through the link mailed to it. */
  account_email_changed: { email: string };
  account_password_changed: Record<string, never>;
  membership_linked: Record<string, never>;
  membership_unlinked: Record<string, never>;
}

/** Why a library's document won over a portal change (shown to the patron, exported to nobody). */
export type RejectionReason =
  | 'loan_returned'
  | 'reservation_ready'
  | 'reservation_fulfilled'
  | 'reservation_cancelled_by_library';

/**
 * A stored portal change still stands against an imported document when the library
 * has not confirmed it, or when the portal made it after the document was exported. Without
 * `exportedAt` the import cannot tell, and keeps only what is unconfirmed.
 */
export function portalChangeStands(
  change: { status: PortalChangeStatus; occurredAt: Date },
  exportedAt: Date | null,
): boolean {
  if (change.status === 'rejected') return false;
  if (change.status === 'unconfirmed') return true;
  return exportedAt !== null && change.occurredAt.getTime() > exportedAt.getTime();
}
