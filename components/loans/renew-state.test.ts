// The renew controls' pure state helpers: outcomes merged per loan (RN7 reports
// per item), the selection that "Selectie verlengen" sends, and toggling.
import { describe, expect, it } from 'vitest';
import { mergeOutcomes, selectedRenewableIds, toggleSelection, type RenewItemOutcome, type SelectableLoan } from './renew-state';

const renewed = (loanId: number, newDueOn = '2026-12-18'): RenewItemOutcome => ({ loanId, outcome: 'renewed', newDueOn });
const refused = (loanId: number, reason: 'reserved' | 'no_extension' = 'reserved'): RenewItemOutcome => ({ loanId, outcome: 'refused', reason });

describe('mergeOutcomes', () => {
  it('keeps earlier outcomes of loans a later request did not name, and replaces those it did', () => {
    const first = mergeOutcomes(new Map(), [renewed(1), refused(2)]);
    const second = mergeOutcomes(first, [refused(1, 'no_extension'), renewed(3)]);
    expect([...second.values()]).toEqual([refused(1, 'no_extension'), refused(2), renewed(3)]);
  });

  it('does not change the previous map (React state)', () => {
    const first = mergeOutcomes(new Map(), [renewed(1)]);
    mergeOutcomes(first, [refused(1)]);
    expect(first.get(1)).toEqual(renewed(1));
  });
});

describe('selectedRenewableIds', () => {
  const loans: SelectableLoan[] = [
    { id: 5, decision: { ok: true, newDueOn: '2026-12-18' } },
    { id: 3, decision: { ok: false, reason: 'max_renewals' } },
    { id: 9, decision: { ok: true, newDueOn: '2026-12-18' } },
  ];

  it('sends the selected renewable loans in page order', () => {
    expect(selectedRenewableIds(loans, new Set([9, 5]))).toEqual([5, 9]);
  });

  it('drops loans that are refused now or no longer on the page', () => {
    expect(selectedRenewableIds(loans, new Set([3, 9, 42]))).toEqual([9]);
    expect(selectedRenewableIds(loans, new Set())).toEqual([]);
  });
});

describe('toggleSelection', () => {
  it('adds and removes without mutating, and returns the same set when nothing changes', () => {
    const empty: ReadonlySet<number> = new Set();
    const one = toggleSelection(empty, 4, true);
    expect([...one]).toEqual([4]);
    expect(empty.size).toBe(0);
    expect(toggleSelection(one, 4, true)).toBe(one);
    expect([...toggleSelection(one, 4, false)]).toEqual([]);
  });
});
