// Relative due information for a loan, for the loans list and the overview ("what needs attention").
import { daysBetween, type IsoDate } from './dates';

export type DueState = 'overdue' | 'due_soon' | 'ok';

export interface DueStatus {
  state: DueState;
  /** Days from today to the due date: 0 on the due day, negative when overdue. */
  daysUntilDue: number;
  /** Days past the due date; 0 unless overdue. */
  daysOverdue: number;
}

/** A loan due within this many days (due day included) is `due_soon`. */
export const DUE_SOON_WITHIN_DAYS = 3;

/** A loan is overdue the day after its due date; it is still on time on the due date itself. */
export function dueStatus(dueOn: IsoDate, today: IsoDate): DueStatus {
  const daysUntilDue = daysBetween(today, dueOn);
  const daysOverdue = Math.max(0, -daysUntilDue);
  const state: DueState = daysUntilDue < 0 ? 'overdue' : daysUntilDue <= DUE_SOON_WITHIN_DAYS ? 'due_soon' : 'ok';
  return { state, daysUntilDue, daysOverdue };
}
