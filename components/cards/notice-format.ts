// The sentences for a card's notices, decided without React so they can be tested: which
// change the library did not take over (the kind: a renewal, a cancelled reservation, a new pick-up)
// and why (the rejection reason), each a message key with its values; dates are passed formatted.
// A kind or reason this code does not know, or a change without a title, gets the general sentence:
// the patron still learns that something was not taken over, and by which library.

/** What a card page knows per notice (lib/data/cards CardNotice, as plain props). */
export interface NoticeEntry {
  id: number;
  kind: string;
  reason: string;
  libraryName: string;
  title: string | null;
  newDueOn: string | null;
  reservationStatus: string | null;
  readyUntil: string | null;
  pickupBranch: string | null;
  requestedBranch: string | null;
}

export type NoticeChangeKey = 'renewal' | 'renewalNoDate' | 'reservationCancelled' | 'pickupChanged' | 'pickupNoBranch' | 'other';
export type NoticeReasonKey = 'loanReturned' | 'reservationReady' | 'reservationReadyAt' | 'reservationFulfilled' | 'reservationCancelledByLibrary' | 'other';

export interface NoticeSentence {
  id: number;
  change: { key: NoticeChangeKey; values: { library: string; title?: string; date?: string; branch?: string } };
  reason: { key: NoticeReasonKey; values: { date?: string; branch?: string } };
}

const isIsoDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `formatDate` turns a `YYYY-MM-DD` into the patron's language (e.g. "18 december 2026"). */
export function noticeSentence(notice: NoticeEntry, formatDate: (iso: string) => string): NoticeSentence {
  const library = notice.libraryName;
  const title = notice.title;
  let change: NoticeSentence['change'];
  if (title === null) change = { key: 'other', values: { library } };
  else if (notice.kind === 'renewal') {
    change = isIsoDate(notice.newDueOn)
      ? { key: 'renewal', values: { library, title, date: formatDate(notice.newDueOn) } }
      : { key: 'renewalNoDate', values: { library, title } };
  } else if (notice.kind === 'reservation_cancelled') change = { key: 'reservationCancelled', values: { library, title } };
  else if (notice.kind === 'pickup_changed') {
    change = notice.requestedBranch
      ? { key: 'pickupChanged', values: { library, title, branch: notice.requestedBranch } }
      : { key: 'pickupNoBranch', values: { library, title } };
  } else change = { key: 'other', values: { library } };

  let reason: NoticeSentence['reason'];
  switch (notice.reason) {
    case 'loan_returned':
      reason = { key: 'loanReturned', values: {} };
      break;
    case 'reservation_ready':
      reason =
        notice.reservationStatus === 'ready' && isIsoDate(notice.readyUntil) && notice.pickupBranch
          ? { key: 'reservationReadyAt', values: { branch: notice.pickupBranch, date: formatDate(notice.readyUntil) } }
          : { key: 'reservationReady', values: {} };
      break;
    case 'reservation_fulfilled':
      reason = { key: 'reservationFulfilled', values: {} };
      break;
    case 'reservation_cancelled_by_library':
      reason = { key: 'reservationCancelledByLibrary', values: {} };
      break;
    default:
      reason = { key: 'other', values: {} };
  }
  return { id: notice.id, change, reason };
}
