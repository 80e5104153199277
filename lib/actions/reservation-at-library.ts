import 'server-only';
// L1 for reservations: at a linked library, cancelling or moving a reservation's pick-up is asked
// of its system first, with no transaction open while it answers; the portal's copy changes only
// when the system confirmed. One call per reservation at a time (library-claims.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import { logger, safe } from '@/lib/log';
import { LibraryUnavailableError, type LibraryAnswer, type LibrarySystem } from '@/lib/library-systems/port';
import { fail, type ActionResult } from './account-action';
import { claimSubjects, releaseSubjects, reservationSubject } from './library-claims';

export interface ReservationAtLibrary {
  id: number;
  isil: string;
  libraryName: string;
  libraryPatronId: string | null;
  itemBarcode: string | null;
  title: string;
}

/**
 * Asks the reservation's linked library (`system`) to do `call`, then lets `apply` write the
 * portal's copy in a short transaction. Failures carry the library's name and words.
 */
export async function atLibrary<T>(
  db: Db,
  account: SignedInAccount,
  system: LibrarySystem,
  reservation: ReservationAtLibrary,
  call: (system: LibrarySystem, patron: string) => Promise<LibraryAnswer>,
  apply: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const library = { name: reservation.libraryName, message: null };
  if (!reservation.libraryPatronId) return fail('library_refused', { library });
  const key = randomUUID();
  const subject = reservationSubject(reservation.id);
  const claimed = await db.transaction((tx) => claimSubjects(tx, account.accountId, key, [subject]));
  if (!claimed.has(subject)) return fail('in_progress', { library });
  let answer: LibraryAnswer | null = null;
  let unconfirmed = false;
  try {
    answer = await call(system, reservation.libraryPatronId);
  } catch (error) {
    // Every failure is an answer (typed, never a 500); the claim is released below either way.
    if (LibraryUnavailableError.is(error)) {
      unconfirmed = error.reason === 'unconfirmed';
      logger().warn({ isil: reservation.isil, reason: error.reason }, 'library system unavailable for a reservation');
    } else {
      logger().error({ isil: reservation.isil, ...safe.error(error) }, 'reservation change at the library failed');
    }
  }
  return db.transaction(async (tx) => {
    await releaseSubjects(tx, key, [subject]);
    if (!answer) return fail(unconfirmed ? 'library_unconfirmed' : 'library_unreachable', { library });
    if (!answer.ok) return fail('library_refused', { library: { name: reservation.libraryName, message: answer.message } });
    return apply(tx);
  });
}
