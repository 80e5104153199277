// Pure state helpers and shared names of the renew controls (components/loans/renew-controls.tsx), kept apart so
// vitest can check them without a browser.
import type { RenewalDecisionProps } from './types';

// Shared by the server rows (loans-table.tsx) and the client controls: a 'use client' module's
// exports are client references on the server, so these plain values live here.
/** The one renew form of a loans page; the rows' checkboxes name it in their `form` attribute. */
export const RENEW_FORM_ID = 'renew-form';

/** Element id of a loan's renewal status text; the row's checkbox is described by it. */
export const renewStatusId = (loanId: number) => `renew-status-${loanId}`;

/** One loan's result of a renew request, as the server action reports it (RN7). */
export type RenewItemOutcome =
  | { loanId: number; outcome: 'renewed'; newDueOn: string }
  | {
      loanId: number;
      outcome: 'refused';
      /** The portal's own reasons, or a linked library's (L1, L4). */
      reason: Extract<RenewalDecisionProps, { ok: false }>['reason'] | 'library_refused' | 'library_unreachable' | 'library_unconfirmed' | 'in_progress';
      libraryName?: string;
      libraryMessage?: string | null;
    };

/**
 * What the selection needs of a loan: its id and whether today's decision allows renewing (refused
 * loans cannot be chosen). The controls read it from the rows' checkboxes (a refused loan's is disabled).
 */
export interface SelectableLoan {
  id: number;
  decision: RenewalDecisionProps | { ok: boolean };
}

/**
 * The outcomes shown in the rows, keyed by loan id: a later request's result for a loan replaces
 * the earlier one; loans it did not name keep theirs. Kept in client state, not in the rendered
 * rows, so it survives router.refresh() (which re-renders the rows with fresh server data).
 */
export function mergeOutcomes(
  previous: ReadonlyMap<number, RenewItemOutcome>,
  items: readonly RenewItemOutcome[],
): ReadonlyMap<number, RenewItemOutcome> {
  const next = new Map(previous);
  for (const item of items) next.set(item.loanId, item);
  return next;
}

/**
 * The ids a "renew selected" request sends: selected, still on the page and still renewable
 * according to the latest page data, in page order. A loan that became refusable (e.g. after a
 * refresh) drops out rather than being sent for a certain refusal.
 */
export function selectedRenewableIds(loans: readonly SelectableLoan[], selected: ReadonlySet<number>): number[] {
  return loans.filter((l) => l.decision.ok && selected.has(l.id)).map((l) => l.id);
}

/** Toggles one id in a selection, returning a new set (React state must not be mutated). */
export function toggleSelection(selected: ReadonlySet<number>, loanId: number, on: boolean): ReadonlySet<number> {
  if (selected.has(loanId) === on) return selected;
  const next = new Set(selected);
  if (on) next.add(loanId);
  else next.delete(loanId);
  return next;
}
