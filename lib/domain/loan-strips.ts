// R15 Loan strips: a Dutch guest membership starts with 125 free loan strips and each loan uses
// one. Pure: Info lidmaatschap and the loans page both ask how many are left and whether to warn.

/** R15: the strips a Dutch guest membership starts with. */
export const INITIAL_LOAN_STRIPS = 125;

/**
 * R15: from this many strips left (or fewer) the portal warns. The reference documents give no
 * threshold; 10 is our choice: at most 10 loans means one or two more visits at the usual 3–6 items
 * a visit, which leaves the patron time to ask the desk for new strips (they are added there with a
 * cash-receipt code) before the kiosk refuses a loan.
 */
export const FEW_LOAN_STRIPS = 10;

/** `none`: no loan possible until strips are added; `few`: at most FEW_LOAN_STRIPS left; `enough`. */
export type LoanStripsState = 'none' | 'few' | 'enough';

/** R15: the state of `left` strips (a negative count, which the database refuses, counts as none). */
export function loanStripsState(left: number): LoanStripsState {
  if (left <= 0) return 'none';
  return left <= FEW_LOAN_STRIPS ? 'few' : 'enough';
}
