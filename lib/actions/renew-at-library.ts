import 'server-only';
// L1/L4: the renewals a linked library must decide, sent to its system. Libraries are asked in
// parallel, each library's loans one after another (its connection pool bounds it anyway, and a
// library that stops answering is then asked nothing more); every call has the adapter's timeout
// and the whole batch a deadline, after which the loans not yet sent are "not renewed: cannot be
// reached; nothing was changed". Nothing here writes to the portal's database.
import type { IsoDate } from '@/lib/domain/dates';
import { logger, safe } from '@/lib/log';
import { LibraryUnavailableError, type LibrarySystems } from '@/lib/library-systems/port';

export interface LibraryRenewalCall {
  loanId: number;
  isil: string;
  libraryPatronId: string | null;
  itemBarcode: string;
  /** The due date the portal has now: kept when the library renews without saying until when. */
  currentDue: IsoDate;
}

export type LibraryRenewalAnswer =
  | { outcome: 'renewed'; dueOn: IsoDate }
  | { outcome: 'refused'; message: string | null }
  | { outcome: 'unreachable' }
  /** Sent, but no answer in time: the library may have renewed it (the next refresh tells). */
  | { outcome: 'unconfirmed' };

/** How long a renew-all may wait on the libraries in all. */
export const LIBRARY_BATCH_DEADLINE_MS = 30_000;

async function renewAtOneLibrary(
  systems: LibrarySystems,
  isil: string,
  calls: readonly LibraryRenewalCall[],
  deadline: number,
  answers: Map<number, LibraryRenewalAnswer>,
): Promise<void> {
  const system = systems.forLibrary(isil);
  let reachable = system !== null;
  for (const call of calls) {
    if (!reachable || !system || Date.now() > deadline) {
      answers.set(call.loanId, { outcome: 'unreachable' });
      continue;
    }
    if (!call.libraryPatronId) {
      // No card at that library: its system cannot be asked on the patron's behalf.
      answers.set(call.loanId, { outcome: 'refused', message: null });
      continue;
    }
    try {
      const answer = await system.renew(call.libraryPatronId, call.itemBarcode);
      answers.set(
        call.loanId,
        answer.ok ? { outcome: 'renewed', dueOn: answer.dueOn ?? call.currentDue } : { outcome: 'refused', message: answer.message },
      );
    } catch (error) {
      // Every failure is an answer, so that the claims are always released and the request's
      // answer stored; an unexpected one (e.g. a barcode SIP2 cannot carry) is logged as an error.
      const unconfirmed = LibraryUnavailableError.is(error) && error.reason === 'unconfirmed';
      if (LibraryUnavailableError.is(error)) {
        logger().warn({ isil, reason: error.reason }, 'library system unavailable during renewal');
        reachable = false;
      } else {
        logger().error({ isil, ...safe.error(error) }, 'renewal at the library failed');
      }
      answers.set(call.loanId, { outcome: unconfirmed ? 'unconfirmed' : 'unreachable' });
    }
  }
}

/** Every call's answer, keyed by loan id. Never throws. */
export async function renewAtLibraries(
  systems: LibrarySystems,
  calls: readonly LibraryRenewalCall[],
  deadlineMs = LIBRARY_BATCH_DEADLINE_MS,
): Promise<Map<number, LibraryRenewalAnswer>> {
  const answers = new Map<number, LibraryRenewalAnswer>();
  const byLibrary = new Map<string, LibraryRenewalCall[]>();
  for (const call of calls) byLibrary.set(call.isil, [...(byLibrary.get(call.isil) ?? []), call]);
  const deadline = Date.now() + deadlineMs;
  await Promise.all([...byLibrary].map(([isil, group]) => renewAtOneLibrary(systems, isil, group, deadline, answers)));
  // A loan without an answer (cannot happen today; kept safe for tomorrow's code) was not renewed.
  for (const call of calls) if (!answers.has(call.loanId)) answers.set(call.loanId, { outcome: 'unreachable' });
  return answers;
}
