import { describe, expect, it } from 'vitest';
import { fullScansOnNetworkTables } from './plan-judge';

const plan = (root: object) => [{ Plan: root }];
const idx = (type: string, table: string | undefined, cond?: string, alias?: string) => ({
  'Node Type': type,
  ...(table ? { 'Relation Name': table, Alias: alias ?? table } : {}),
  'Index Name': `${table ?? 'x'}_idx`,
  ...(cond ? { 'Index Cond': cond } : {}),
});

describe('fullScansOnNetworkTables', () => {
  it.each([
    ['seq scan of a network table', plan({ 'Node Type': 'Seq Scan', 'Relation Name': 'loans', Alias: 'lo' }), ['loans (lo)']],
    ['seq scan of the skeleton is allowed', plan({ 'Node Type': 'Seq Scan', 'Relation Name': 'branches', Alias: 'b' }), []],
    ['index scan with a condition', plan(idx('Index Scan', 'loans', '(patron_id = 1)')), []],
    ['index scan without a condition walks the whole index', plan(idx('Index Scan', 'loans')), ['loans via loans_idx']],
    ['index only scan without a condition', plan(idx('Index Only Scan', 'reservations', undefined, 'rv')), ['reservations (rv) via reservations_idx']],
    ['index scan without a condition on the skeleton', plan(idx('Index Scan', 'libraries')), []],
    [
      'bitmap index scan without a condition is its heap scan’s table',
      plan({ 'Node Type': 'Bitmap Heap Scan', 'Relation Name': 'loans', Alias: 'lo', Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'loans_open_idx' }] }),
      ['loans (lo) via loans_open_idx'],
    ],
    [
      'bitmap under BitmapOr: only the branch without a condition',
      plan({
        'Node Type': 'Bitmap Heap Scan',
        'Relation Name': 'fees',
        Alias: 'f',
        Plans: [{ 'Node Type': 'BitmapOr', Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'a', 'Index Cond': '(patron_id = 1)' }, { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'b' }] }],
      }),
      ['fees (f) via b'],
    ],
    [
      'nested: found below joins, from a JSON string',
      JSON.stringify(plan({ 'Node Type': 'Nested Loop', Plans: [idx('Index Scan', 'patrons', '(id = 1)'), { 'Node Type': 'Seq Scan', 'Relation Name': 'items', Alias: 'i' }] })),
      ['items (i)'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(fullScansOnNetworkTables(input)).toEqual(expected);
  });
});
