import { describe, expect, it } from 'vitest';
import { dueStatus, type DueStatus } from './due-status';

describe('RN8 due status of a loan', () => {
  const today = '2026-11-20';
  it.each([
    ['due in 10 days', '2026-11-30', { state: 'ok', daysUntilDue: 10, daysOverdue: 0 }],
    ['due in 4 days', '2026-11-24', { state: 'ok', daysUntilDue: 4, daysOverdue: 0 }],
    ['due in 3 days', '2026-11-23', { state: 'due_soon', daysUntilDue: 3, daysOverdue: 0 }],
    ['due today', '2026-11-20', { state: 'due_soon', daysUntilDue: 0, daysOverdue: 0 }],
    ['one day overdue', '2026-11-19', { state: 'overdue', daysUntilDue: -1, daysOverdue: 1 }],
    ['overdue across a month', '2026-10-30', { state: 'overdue', daysUntilDue: -21, daysOverdue: 21 }],
  ] as [string, string, DueStatus][])('%s', (_name, dueOn, expected) => {
    expect(dueStatus(dueOn, today)).toEqual(expected);
  });
});
