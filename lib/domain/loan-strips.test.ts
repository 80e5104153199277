import { describe, expect, it } from 'vitest';
import { FEW_LOAN_STRIPS, INITIAL_LOAN_STRIPS, loanStripsState, type LoanStripsState } from './loan-strips';

describe('R15 loan strips left', () => {
  const cases: [left: number, state: LoanStripsState][] = [
    [INITIAL_LOAN_STRIPS, 'enough'],
    [FEW_LOAN_STRIPS + 1, 'enough'],
    [FEW_LOAN_STRIPS, 'few'],
    [1, 'few'],
    [0, 'none'],
    [-1, 'none'],
  ];
  it.each(cases)('%i strips left → %s', (left, state) => {
    expect(loanStripsState(left)).toBe(state);
  });

  it('R15 warns well before the 125 a guest starts with run out', () => {
    expect(FEW_LOAN_STRIPS).toBeGreaterThan(0);
    expect(FEW_LOAN_STRIPS).toBeLessThan(INITIAL_LOAN_STRIPS);
  });
});
