// The loans table's compact rows (issue 16): each recurring text and each library's return place
// (R3) sent once and referred to by index; the branch only in the due-date table (R2 groups per
// branch); refused loans marked unrenewable (RN1–RN8).
import { describe, expect, it } from 'vitest';
import { DUE_CLASSES, loanRowsData, type LoanRowWords } from './loan-rows-data';
import type { LoanProps, ReturnPlaceProps } from './types';

const regionPlace: ReturnPlaceProps = { scope: 'region', regionName: 'Regio Denderland', libraryName: 'Bibliotheek Aalst', branches: ['Aalst', 'Ninove'], listed: true };
const ownPlace: ReturnPlaceProps = { scope: 'library', regionName: null, libraryName: 'Bibliotheek Gent', branches: ['Zuid'], listed: true };

let nextId = 1;
function loan(over: Partial<LoanProps> = {}): LoanProps {
  return {
    id: nextId++,
    title: 'De zevensprong',
    author: 'Tonke Dragt',
    material: 'book',
    patronName: null,
    library: { id: 1, name: 'Bibliotheek Aalst' },
    branch: { code: '4100', name: 'Aalst' },
    dueOn: '2026-12-11',
    due: { state: 'ok', daysUntilDue: 11, daysOverdue: 0 },
    renewals: 0,
    maxRenewals: 2,
    renewal: { ok: true, newDueOn: '2026-12-28' },
    returnPlace: regionPlace,
    ...over,
  };
}

let placeCalls = 0;
const words: LoanRowWords = {
  selectLabel: ['Selecteer ', ''],
  byline: (l) => [l.author, l.material].filter(Boolean).join(' · '),
  branch: (b) => `${b.code} ${b.name}`,
  day: (iso) => `day ${iso}`,
  relative: (d) => `in ${d.daysUntilDue}`,
  renewals: (used, max) => `${used} of ${max ?? '?'}`,
  decision: (r) => (r.ok ? `until ${r.newDueOn}` : `no: ${r.reason}`),
  place: (p) => {
    placeCalls += 1;
    return { text: `back at ${p.regionName ?? p.libraryName}`, more: null };
  },
};

describe('loanRowsData', () => {
  it('sends a text that recurs on many rows once, and the rows refer to it', () => {
    const data = loanRowsData([loan(), loan({ title: 'Kuifje' }), loan({ dueOn: '2026-12-20' })], false, words);
    expect(data.words.filter((w) => w === 'day 2026-12-11')).toHaveLength(1);
    expect(data.words.filter((w) => w === 'until 2026-12-28')).toHaveLength(1);
    const [a, b, c] = data.rows;
    expect(data.words[a![5]]).toBe('day 2026-12-11');
    expect(b![5]).toBe(a![5]);
    expect(data.words[c![5]]).toBe('day 2026-12-20');
    expect(a![1]).toBe('De zevensprong');
    expect(b![1]).toBe('Kuifje');
  });

  it('R3: puts each library’s return place into words once, every loan of it refers to it', () => {
    placeCalls = 0;
    const data = loanRowsData([loan(), loan({ returnPlace: ownPlace }), loan()], true, words);
    expect(placeCalls).toBe(2);
    expect(data.places.map((p) => p.text)).toEqual(['back at Regio Denderland', 'back at Bibliotheek Gent']);
    expect(data.rows.map((r) => r[11])).toEqual([0, 1, 0]);
  });

  it.each([
    ['R2: grouped per branch, the row leaves the branch out', false, -1],
    ['R2: by due date, the row names its branch', true, 0],
  ] as const)('%s', (_name, showBranch, expected) => {
    const data = loanRowsData([loan()], showBranch, words);
    const branch = data.rows[0]![4];
    expect(branch === -1 ? -1 : data.words.indexOf('4100 Aalst') === branch ? 0 : 'wrong word').toBe(expected);
  });

  it.each([
    ['RN1–RN8: a renewable loan can be selected', { ok: true, newDueOn: '2026-12-28' } as const, 1, 'until 2026-12-28'],
    ['RN2: a reserved loan cannot', { ok: false, reason: 'reserved' } as const, 0, 'no: reserved'],
    ['RN3: nor one at its maximum', { ok: false, reason: 'max_renewals' } as const, 0, 'no: max_renewals'],
  ])('%s', (_name, renewal, renewable, decision) => {
    const [row] = loanRowsData([loan({ renewal })], false, words).rows;
    expect(row![9]).toBe(renewable);
    expect(loanRowsData([loan({ renewal })], false, words).words[row![10]]).toBe(decision);
  });

  it.each([
    ['ok', ''],
    ['due_soon', 'soon'],
    ['overdue', 'overdue'],
  ] as const)('a loan due %s looks %j', (state, look) => {
    const [row] = loanRowsData([loan({ due: { state, daysUntilDue: 1, daysOverdue: 0 } })], false, words).rows;
    expect(DUE_CLASSES[row![7]]).toBe(look);
  });
});
