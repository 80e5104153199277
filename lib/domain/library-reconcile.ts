// Reconciling the portal's copy with a linked library's system (DOMAIN L1–L3, H1).
// Pure: given what the portal holds for ONE patron at ONE library and what that library's system
// reports, it answers a plan of writes; lib/library-systems/refresh.ts reads the inputs and applies
// the plan in one transaction. The library decides (L1): its loans, due dates, holds and fees win —
// except for a change the portal made that the library has not confirmed yet (L2, `inFlight`).
//
// Choices where the system says less than the portal needs, so a reader can find them in one place:
// - A loan the library no longer lists was returned today (SIP2 does not say when). It goes into the
//   lending history only when the holder's H1 recording is on; otherwise it is hidden for good, as
//   the history switch itself does for returns while recording was off (lib/actions/history-core).
// - A new loan's lent-on day is unknown to SIP2: the portal saw it first today, so today — or the due
//   date when that is earlier (an overdue loan the portal never saw), because a loan is never due
//   before it was lent (loans_due_check). When the item already has a loan of this patron lent that
//   same day (returned by an earlier refresh, now listed again), that loan is re-opened instead of
//   adding a second one (loans_item_lent_on_idx).
// - An item the portal does not know is created: a title keyed `<ISIL>:<barcode>` named by the
//   item information (else the loan's title, else the barcode), material 'other'; its branch is the
//   library's branch whose code is the item's location, else the library's first branch (codes in
//   order). A known item keeps its own branch; the loan's branch is the location's branch when the
//   library has one by that code, else the item's branch when it belongs to this library, else the
//   library's first branch.
// - The one library that lists an item as charged is the truth about that item: an open loan of the
//   same item to someone else (or at another library) in the copy is closed as returned today.
// - The renewal count is not reported by SIP2: a due date that moves keeps the count (RN3 stays
//   the portal's count until the library says otherwise).
// - Holds: a hold on an item is a reservation of that item's title (an unknown item: the title
//   `<ISIL>:<barcode>`, named by the hold); a hold on a title only, by its name (an existing
//   reservation with that title first, else a title `<ISIL>:title:<name>`). Ready → 'ready' until
//   the date the portal already showed (when not past), else today + READY_FOR_DAYS when it just became
//   ready, else today; not ready → 'waiting' (an 'in_transit' reservation stays in transit: SIP2 does
//   not tell the two apart). Pick-up: the branch whose code is the hold's pick-up location (this
//   library's, then its region's), else the reservation's current one, else the first branch.
// - A reservation at this library that the system no longer lists ended: 'fulfilled' when the patron
//   has an open loan of that title lent on or after it was placed (new in this plan or already in
//   the copy), else 'cancelled'.
// - Fees: the system's list replaces the unpaid fees of this library. A listed fee matches an unpaid
//   one by description (a repeated description is numbered " (2)", " (3)"… so every fee has its own
//   row, as fees_patron_id_library_id_kind_created_on_description_index demands); a changed amount is
//   updated; unmatched unpaid fees are settled today. A fee without an amount: when it is the only one
//   without, it gets the system's total minus the others' amounts (so one fee with the total is the
//   total), else 0 — the total cannot be split honestly. No list but a positive total: one fee of the
//   total, so the amount owed (and RN5) follows the library. A new fee's kind is read from its words
//   (see feeKindOf), 'late' when they say nothing.
import { addDays, compareDates, minDate, type IsoDate } from './dates';

/** How long a hold that just became ready stays on the shelf, when the system does not say (days). */
export const READY_FOR_DAYS = 7;

export type FeeKind = 'late' | 'reservation' | 'lost' | 'damaged' | 'contribution';
export type ReservationStatus = 'waiting' | 'in_transit' | 'ready';

/** What the system reports (structurally the port's LibraryPatronSnapshot). */
export interface SystemSnapshot {
  loans: readonly { itemBarcode: string; dueOn: IsoDate | null; title: string | null }[];
  holds: readonly { itemBarcode: string | null; title: string | null; ready: boolean; pickupLocation: string | null }[];
  fees: readonly { description: string; amountCents: number | null }[];
  totalFeeCents: number | null;
}

/** Item information per charged item (structurally the port's LibraryItem). */
export interface SystemItem {
  itemBarcode: string;
  title: string | null;
  dueOn: IsoDate | null;
  location: string | null;
}

export interface BranchRef {
  id: number;
  code: string;
  libraryId: number;
}

/** An open loan of the patron at this library, as the portal holds it. */
export interface PortalLoan {
  id: number;
  itemId: number;
  itemBarcode: string;
  titleId: number;
  lentOn: IsoDate;
  dueOn: IsoDate;
}

/** An active reservation of the patron at this library (its `library_id`, else its pick-up's library). */
export interface PortalReservation {
  id: number;
  titleId: number;
  /** The title's key, so a loan of a title this plan creates (`<ISIL>:<barcode>`) can fulfil it. */
  titleKey: string;
  /** The title's name, for matching a title-level hold. */
  titleText: string;
  libraryItemBarcode: string | null;
  status: ReservationStatus;
  readyUntil: IsoDate | null;
  pickupBranchId: number;
  placedOn: IsoDate;
}

export interface PortalFee {
  id: number;
  description: string;
  amountCents: number;
}

/** An item of the network whose barcode the system mentions, with its loans that matter here. */
export interface KnownItem {
  itemId: number;
  titleId: number;
  libraryId: number;
  branchId: number;
  /** Its open loan, if any (at most one: loans_one_open_per_item_idx). */
  openLoan: { id: number; patronId: number; libraryId: number; lentOn: IsoDate; holderRecordsHistory: boolean } | null;
  /** Returned loans of the item by lent-on day, to avoid a second loan on the same day. */
  returnedLoans: readonly { id: number; patronId: number; lentOn: IsoDate }[];
}

export interface ReconcileInput {
  today: IsoDate;
  patron: { id: number; recordsHistory: boolean };
  library: { id: number; isil: string };
  /** This library's branches, then the other branches of its region (pick-up by code, R3). */
  branches: readonly BranchRef[];
  loans: readonly PortalLoan[];
  reservations: readonly PortalReservation[];
  fees: readonly PortalFee[];
  /** Items of the network by barcode, for every barcode the snapshot names. */
  knownItems: ReadonlyMap<string, KnownItem>;
  snapshot: SystemSnapshot;
  /** Item information by barcode (may be missing for some: the refresh only asks what it needs). */
  items: ReadonlyMap<string, SystemItem>;
  /** L2: changes the portal asked the library for and that are not confirmed yet: left untouched. */
  inFlight?: { loanIds?: ReadonlySet<number>; reservationIds?: ReadonlySet<number> };
}

export type TitleRef = { kind: 'existing'; titleId: number } | { kind: 'new'; key: string; title: string };

export type ItemRef = { kind: 'existing'; itemId: number; titleId: number } | { kind: 'new'; barcode: string; title: TitleRef; branchId: number };

export interface LoanToClose {
  loanId: number;
  returnedOn: IsoDate;
  hiddenFromHistory: boolean;
}

export interface LoanToOpen {
  item: ItemRef;
  branchId: number;
  lentOn: IsoDate;
  dueOn: IsoDate;
  /** A returned loan of this patron lent on the same day, re-opened instead of a new row. */
  reopenLoanId: number | null;
}

export interface DueDateChange {
  loanId: number;
  /** What the portal had, so the write only applies when nobody changed it since (L2). */
  fromDueOn: IsoDate;
  dueOn: IsoDate;
  /** Set when the library's due date is before the portal's lent-on day (then that day moves too). */
  lentOn: IsoDate | null;
}

export interface ReservationToAdd {
  title: TitleRef;
  libraryItemBarcode: string | null;
  status: ReservationStatus;
  readyUntil: IsoDate | null;
  pickupBranchId: number;
  placedOn: IsoDate;
}

export interface ReservationChange {
  reservationId: number;
  fromStatus: ReservationStatus;
  status: ReservationStatus;
  readyUntil: IsoDate | null;
  pickupBranchId: number;
  libraryItemBarcode: string | null;
}

export interface ReservationToEnd {
  reservationId: number;
  fromStatus: ReservationStatus;
  status: 'fulfilled' | 'cancelled';
}

export interface FeeToAdd {
  kind: FeeKind;
  description: string;
  amountCents: number;
  createdOn: IsoDate;
}

export interface ReconcilePlan {
  closeLoans: LoanToClose[];
  openLoans: LoanToOpen[];
  dueDateChanges: DueDateChange[];
  addReservations: ReservationToAdd[];
  changeReservations: ReservationChange[];
  endReservations: ReservationToEnd[];
  addFees: FeeToAdd[];
  feeAmountChanges: { feeId: number; fromCents: number; amountCents: number }[];
  settleFees: { feeId: number; paidOn: IsoDate }[];
  /** What the plan could not represent, with why (logged; nothing is written for them). */
  skipped: { what: 'loan' | 'hold'; reason: 'lent_on_taken' | 'no_title' | 'no_branch' | 'duplicate' }[];
}

export const emptyPlan = (): ReconcilePlan => ({
  closeLoans: [],
  openLoans: [],
  dueDateChanges: [],
  addReservations: [],
  changeReservations: [],
  endReservations: [],
  addFees: [],
  feeAmountChanges: [],
  settleFees: [],
  skipped: [],
});

/** True when the plan writes nothing. */
export function isEmptyPlan(plan: ReconcilePlan): boolean {
  return Object.entries(plan).every(([key, list]) => key === 'skipped' || (list as unknown[]).length === 0);
}

const normaliseText = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export const itemTitleKey = (isil: string, barcode: string) => `${isil.toUpperCase()}:${barcode}`;
export const holdTitleKey = (isil: string, title: string) => `${isil.toUpperCase()}:title:${normaliseText(title)}`;

/** A fee's kind from the library's words (Dutch and English); 'late' when they name none. */
export function feeKindOf(description: string): FeeKind {
  const d = description.toLowerCase();
  if (/reserv/.test(d)) return 'reservation';
  if (/verlo|\blost\b|vervang|replace/.test(d)) return 'lost';
  if (/beschadig|damage|schade/.test(d)) return 'damaged';
  if (/lidgeld|contribut|abonnement|membership|inschrijving/.test(d)) return 'contribution';
  return 'late';
}

export function planLibraryReconcile(input: ReconcileInput): ReconcilePlan {
  const plan = emptyPlan();
  const { today } = input;
  const inFlightLoans = input.inFlight?.loanIds ?? new Set<number>();
  const inFlightReservations = input.inFlight?.reservationIds ?? new Set<number>();
  const own = input.branches.filter((b) => b.libraryId === input.library.id);
  const firstBranch = [...own].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id))[0] ?? null;
  const ownBranchByCode = (code: string | null) => (code === null ? undefined : own.find((b) => b.code === code.trim()));
  const anyBranchByCode = (code: string | null) =>
    code === null ? undefined : (ownBranchByCode(code) ?? input.branches.find((b) => b.code === code.trim()));

  // ---- Loans ------------------------------------------------------------------------------
  const listed = new Map<string, SystemSnapshot['loans'][number]>();
  for (const loan of input.snapshot.loans) if (!listed.has(loan.itemBarcode)) listed.set(loan.itemBarcode, loan);

  const openByBarcode = new Map(input.loans.map((l) => [l.itemBarcode, l]));
  /** Titles the patron holds after the plan, with the day lent (for ending reservations). */
  const heldTitles: { titleId: number | null; titleKey: string | null; lentOn: IsoDate }[] = [];

  for (const loan of input.loans) {
    if (inFlightLoans.has(loan.id)) {
      heldTitles.push({ titleId: loan.titleId, titleKey: null, lentOn: loan.lentOn });
      continue; // L2: the portal's change stands until the library answers it
    }
    const system = listed.get(loan.itemBarcode);
    if (!system) {
      plan.closeLoans.push({ loanId: loan.id, returnedOn: maxOf(today, loan.lentOn), hiddenFromHistory: !input.patron.recordsHistory });
      continue;
    }
    heldTitles.push({ titleId: loan.titleId, titleKey: null, lentOn: loan.lentOn });
    const dueOn = system.dueOn ?? input.items.get(loan.itemBarcode)?.dueOn ?? null;
    if (dueOn !== null && dueOn !== loan.dueOn) {
      plan.dueDateChanges.push({
        loanId: loan.id,
        fromDueOn: loan.dueOn,
        dueOn,
        lentOn: compareDates(dueOn, loan.lentOn) < 0 ? dueOn : null,
      });
    }
  }

  for (const [barcode, system] of listed) {
    if (openByBarcode.has(barcode)) continue;
    const info = input.items.get(barcode);
    const dueOn = system.dueOn ?? info?.dueOn ?? null;
    const known = input.knownItems.get(barcode);
    const locationBranch = ownBranchByCode(info?.location ?? null);
    const lentOn = dueOn === null ? today : minDate(today, dueOn);

    if (known) {
      if (known.openLoan?.lentOn === lentOn) {
        // Another open loan of the item from the same day: it cannot be told apart; leave both be.
        plan.skipped.push({ what: 'loan', reason: 'lent_on_taken' });
        continue;
      }
      // Only one open loan per item: the library that lists it now is right about it.
      if (known.openLoan) {
        plan.closeLoans.push({
          loanId: known.openLoan.id,
          returnedOn: maxOf(today, known.openLoan.lentOn),
          hiddenFromHistory: !known.openLoan.holderRecordsHistory,
        });
      }
      const sameDay = known.returnedLoans.find((l) => l.lentOn === lentOn);
      if (sameDay && sameDay.patronId !== input.patron.id) {
        plan.skipped.push({ what: 'loan', reason: 'lent_on_taken' });
        continue;
      }
      const branch = locationBranch ?? (known.libraryId === input.library.id ? { id: known.branchId } : firstBranch);
      if (!branch) {
        plan.skipped.push({ what: 'loan', reason: 'no_branch' });
        continue;
      }
      plan.openLoans.push({
        item: { kind: 'existing', itemId: known.itemId, titleId: known.titleId },
        branchId: branch.id,
        lentOn,
        // The system named no due date anywhere: the shortest honest guess is "due today".
        dueOn: dueOn ?? today,
        reopenLoanId: sameDay?.id ?? null,
      });
      heldTitles.push({ titleId: known.titleId, titleKey: null, lentOn });
      continue;
    }

    const branch = locationBranch ?? firstBranch;
    if (!branch) {
      plan.skipped.push({ what: 'loan', reason: 'no_branch' });
      continue;
    }
    const key = itemTitleKey(input.library.isil, barcode);
    plan.openLoans.push({
      item: { kind: 'new', barcode, title: { kind: 'new', key, title: nonEmpty(info?.title) ?? nonEmpty(system.title) ?? barcode }, branchId: branch.id },
      branchId: branch.id,
      lentOn,
      dueOn: dueOn ?? today,
      reopenLoanId: null,
    });
    heldTitles.push({ titleId: null, titleKey: key, lentOn });
  }

  // ---- Holds → reservations ---------------------------------------------------------------
  const unmatched = new Map(input.reservations.map((r) => [r.id, r]));
  for (const r of input.reservations) if (inFlightReservations.has(r.id)) unmatched.delete(r.id);
  const addedKeys = new Set<string>();

  for (const hold of input.snapshot.holds) {
    let title: TitleRef | null = null;
    let match: PortalReservation | undefined;
    if (hold.itemBarcode !== null) {
      const known = input.knownItems.get(hold.itemBarcode);
      title = known
        ? { kind: 'existing', titleId: known.titleId }
        : { kind: 'new', key: itemTitleKey(input.library.isil, hold.itemBarcode), title: nonEmpty(hold.title) ?? hold.itemBarcode };
      const candidates = [...unmatched.values()];
      match =
        candidates.find((r) => r.libraryItemBarcode === hold.itemBarcode) ??
        (known ? candidates.find((r) => r.libraryItemBarcode === null && r.titleId === known.titleId) : undefined);
    } else {
      const name = nonEmpty(hold.title);
      if (name === null) {
        plan.skipped.push({ what: 'hold', reason: 'no_title' });
        continue;
      }
      match = [...unmatched.values()].find((r) => r.libraryItemBarcode === null && normaliseText(r.titleText) === normaliseText(name));
      title = match ? { kind: 'existing', titleId: match.titleId } : { kind: 'new', key: holdTitleKey(input.library.isil, name), title: name };
    }

    if (match) {
      unmatched.delete(match.id);
      const status: ReservationStatus = hold.ready ? 'ready' : match.status === 'in_transit' ? 'in_transit' : 'waiting';
      const readyUntil = status === 'ready' ? readyUntilFor(match, today) : null;
      const pickupBranchId = anyBranchByCode(hold.pickupLocation)?.id ?? match.pickupBranchId;
      const libraryItemBarcode = hold.itemBarcode;
      if (
        status !== match.status ||
        readyUntil !== match.readyUntil ||
        pickupBranchId !== match.pickupBranchId ||
        libraryItemBarcode !== match.libraryItemBarcode
      ) {
        plan.changeReservations.push({ reservationId: match.id, fromStatus: match.status, status, readyUntil, pickupBranchId, libraryItemBarcode });
      }
      continue;
    }
    // An in-flight reservation is neither matched nor ended; a hold that only it explains is not added twice.
    const inFlightTwin = input.reservations.find(
      (r) => inFlightReservations.has(r.id) && (hold.itemBarcode !== null ? r.libraryItemBarcode === hold.itemBarcode : normaliseText(r.titleText) === normaliseText(hold.title ?? '')),
    );
    if (inFlightTwin) continue;

    const pickup = anyBranchByCode(hold.pickupLocation) ?? firstBranch;
    if (!pickup) {
      plan.skipped.push({ what: 'hold', reason: 'no_branch' });
      continue;
    }
    const dedupeKey = title.kind === 'existing' ? `id:${title.titleId}` : `key:${title.key}`;
    if (addedKeys.has(dedupeKey)) {
      // reservations_patron_id_title_id_placed_on_index: one reservation per title and day.
      plan.skipped.push({ what: 'hold', reason: 'duplicate' });
      continue;
    }
    addedKeys.add(dedupeKey);
    plan.addReservations.push({
      title,
      libraryItemBarcode: hold.itemBarcode,
      status: hold.ready ? 'ready' : 'waiting',
      readyUntil: hold.ready ? addDays(today, READY_FOR_DAYS) : null,
      pickupBranchId: pickup.id,
      placedOn: today,
    });
  }

  for (const r of unmatched.values()) {
    const picked = heldTitles.some(
      (h) => (h.titleId !== null ? h.titleId === r.titleId : h.titleKey === r.titleKey) && compareDates(h.lentOn, r.placedOn) >= 0,
    );
    plan.endReservations.push({ reservationId: r.id, fromStatus: r.status, status: picked ? 'fulfilled' : 'cancelled' });
  }

  // ---- Fees -------------------------------------------------------------------------------
  const systemFees = resolveFeeAmounts(input.snapshot);
  const seen = new Map<string, number>();
  const numbered = systemFees.map((fee) => {
    const base = fee.description.trim() || '—';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { description: n === 1 ? base : `${base} (${n})`, amountCents: fee.amountCents };
  });
  const unpaid = new Map(input.fees.map((f) => [f.id, f]));
  for (const fee of numbered) {
    const match = [...unpaid.values()].find((f) => f.description === fee.description);
    if (match) {
      unpaid.delete(match.id);
      if (match.amountCents !== fee.amountCents) plan.feeAmountChanges.push({ feeId: match.id, fromCents: match.amountCents, amountCents: fee.amountCents });
      continue;
    }
    plan.addFees.push({ kind: feeKindOf(fee.description), description: fee.description, amountCents: fee.amountCents, createdOn: today });
  }
  for (const fee of unpaid.values()) plan.settleFees.push({ feeId: fee.id, paidOn: today });

  return plan;
}

/** The system's fees with an amount each (see the header for the rule when amounts are missing). */
export function resolveFeeAmounts(snapshot: SystemSnapshot): { description: string; amountCents: number }[] {
  const total = snapshot.totalFeeCents;
  if (snapshot.fees.length === 0) {
    return total !== null && total > 0 ? [{ description: TOTAL_ONLY_DESCRIPTION, amountCents: total }] : [];
  }
  const missing = snapshot.fees.filter((f) => f.amountCents === null).length;
  const known = snapshot.fees.reduce((sum, f) => sum + Math.max(0, f.amountCents ?? 0), 0);
  return snapshot.fees.map((f) => ({
    description: f.description,
    amountCents:
      f.amountCents !== null ? Math.max(0, f.amountCents) : missing === 1 && total !== null ? Math.max(0, total - known) : 0,
  }));
}

/** The description of the one fee made from a bare total: the library's figure, not an itemised cost. */
export const TOTAL_ONLY_DESCRIPTION = 'Openstaand bedrag volgens de bibliotheek';

function readyUntilFor(current: PortalReservation, today: IsoDate): IsoDate {
  if (current.status === 'ready' && current.readyUntil !== null) {
    return compareDates(current.readyUntil, today) >= 0 ? current.readyUntil : today;
  }
  return addDays(today, READY_FOR_DAYS);
}

function maxOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

function nonEmpty(text: string | null | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}
