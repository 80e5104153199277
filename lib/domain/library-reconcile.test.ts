import { describe, expect, it } from 'vitest';
import {
  emptyPlan,
  feeKindOf,
  isEmptyPlan,
  planLibraryReconcile,
  READY_FOR_DAYS,
  resolveFeeAmounts,
  TOTAL_ONLY_DESCRIPTION,
  type KnownItem,
  type ReconcileInput,
  type ReconcilePlan,
  type SystemSnapshot,
} from './library-reconcile';
import { addDays } from './dates';

const today = '2026-11-20';
const d = (days: number) => addDays(today, days);
const ISIL = 'BE-ZOT01';

const branches = [
  { id: 11, code: '3551', libraryId: 1 },
  { id: 10, code: '3550', libraryId: 1 },
  { id: 20, code: '9860', libraryId: 2 }, // another library of the region
];

const known = (itemId: number, titleId: number, extra: Partial<KnownItem> = {}): KnownItem => ({
  itemId,
  titleId,
  libraryId: 1,
  branchId: 11,
  openLoan: null,
  returnedLoans: [],
  ...extra,
});

const loan = (id: number, barcode: string, titleId: number, dueOn: string, lentOn = d(-10)) => ({ id, itemId: id * 10, itemBarcode: barcode, titleId, lentOn, dueOn });

const base: ReconcileInput = {
  today,
  patron: { id: 7, recordsHistory: true },
  library: { id: 1, isil: ISIL },
  branches,
  loans: [],
  reservations: [],
  fees: [],
  knownItems: new Map(),
  snapshot: { loans: [], holds: [], fees: [], totalFeeCents: null },
  items: new Map(),
};

type Patch = Partial<Omit<ReconcileInput, 'snapshot'>> & { snapshot?: Partial<SystemSnapshot> };
const input = (patch: Patch): ReconcileInput => ({ ...base, ...patch, snapshot: { ...base.snapshot, ...patch.snapshot } });
const plan = (patch: Partial<ReconcilePlan>): ReconcilePlan => ({ ...emptyPlan(), ...patch });

describe('planLibraryReconcile: loans (L1 the library decides, H1 history)', () => {
  const table: [string, Patch, ReconcilePlan][] = [
    ['nothing to do when the copy and the library agree', {
      loans: [loan(1, 'A', 100, d(5))],
      snapshot: { loans: [{ itemBarcode: 'A', dueOn: d(5), title: 'x' }] },
    }, plan({})],
    ['H1 a loan the library no longer lists is returned today, into the history when recording is on', {
      loans: [loan(1, 'A', 100, d(5))],
    }, plan({ closeLoans: [{ loanId: 1, returnedOn: today, hiddenFromHistory: false }] })],
    ['H1 … and hidden from the history when recording is off', {
      patron: { id: 7, recordsHistory: false },
      loans: [loan(1, 'A', 100, d(5))],
    }, plan({ closeLoans: [{ loanId: 1, returnedOn: today, hiddenFromHistory: true }] })],
    ['L1 the due date follows the library', {
      loans: [loan(1, 'A', 100, d(5))],
      snapshot: { loans: [{ itemBarcode: 'A', dueOn: d(19), title: null }] },
    }, plan({ dueDateChanges: [{ loanId: 1, fromDueOn: d(5), dueOn: d(19), lentOn: null }] })],
    ['L1 the due date from item information when the patron information has none', {
      loans: [loan(1, 'A', 100, d(5))],
      snapshot: { loans: [{ itemBarcode: 'A', dueOn: null, title: null }] },
      items: new Map([['A', { itemBarcode: 'A', title: null, dueOn: d(12), location: null }]]),
    }, plan({ dueDateChanges: [{ loanId: 1, fromDueOn: d(5), dueOn: d(12), lentOn: null }] })],
    ['no due date anywhere: the portal keeps its own', {
      loans: [loan(1, 'A', 100, d(5))],
      snapshot: { loans: [{ itemBarcode: 'A', dueOn: null, title: null }] },
    }, plan({})],
    ['a library due date before the lent-on day moves that day too (loans_due_check)', {
      loans: [loan(1, 'A', 100, d(5), d(-3))],
      snapshot: { loans: [{ itemBarcode: 'A', dueOn: d(-4), title: null }] },
    }, plan({ dueDateChanges: [{ loanId: 1, fromDueOn: d(5), dueOn: d(-4), lentOn: d(-4) }] })],
    ['L2 a loan with an unconfirmed renewal is left alone, listed or not', {
      loans: [loan(1, 'A', 100, d(5)), loan(2, 'B', 101, d(5))],
      snapshot: { loans: [{ itemBarcode: 'A', dueOn: d(1), title: null }] },
      inFlight: { loanIds: new Set([1, 2]) },
    }, plan({})],
    ['a new loan of a known item: lent today, branch of the item, due date of the library', {
      knownItems: new Map([['B', known(5, 200)]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: 'Boek' }] },
    }, plan({ openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 11, lentOn: today, dueOn: d(21), reopenLoanId: null }] })],
    ['a new overdue loan is lent on its due date: never due before lent', {
      knownItems: new Map([['B', known(5, 200)]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(-3), title: null }] },
    }, plan({ openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 11, lentOn: d(-3), dueOn: d(-3), reopenLoanId: null }] })],
    ['a new loan at the branch of the item\'s location', {
      knownItems: new Map([['B', known(5, 200, { libraryId: 2, branchId: 20 })]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: null }] },
      items: new Map([['B', { itemBarcode: 'B', title: null, dueOn: d(21), location: '3551' }]]),
    }, plan({ openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 11, lentOn: today, dueOn: d(21), reopenLoanId: null }] })],
    ['a new loan of another library\'s item without a location: this library\'s first branch by code', {
      knownItems: new Map([['B', known(5, 200, { libraryId: 2, branchId: 20 })]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: null }] },
    }, plan({ openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 10, lentOn: today, dueOn: d(21), reopenLoanId: null }] })],
    ['an unknown barcode creates a title <ISIL>:<barcode> and an item at the location\'s branch', {
      snapshot: { loans: [{ itemBarcode: 'N1', dueOn: d(14), title: 'Van SIP2' }] },
      items: new Map([['N1', { itemBarcode: 'N1', title: 'De titel', dueOn: d(14), location: '3551' }]]),
    }, plan({ openLoans: [{
      item: { kind: 'new', barcode: 'N1', title: { kind: 'new', key: `${ISIL}:N1`, title: 'De titel' }, branchId: 11 },
      branchId: 11, lentOn: today, dueOn: d(14), reopenLoanId: null,
    }] })],
    ['an unknown barcode without item information: the loan\'s title, the first branch; no due date → due today', {
      snapshot: { loans: [{ itemBarcode: 'N2', dueOn: null, title: '  ' }] },
    }, plan({ openLoans: [{
      item: { kind: 'new', barcode: 'N2', title: { kind: 'new', key: `${ISIL}:N2`, title: 'N2' }, branchId: 10 },
      branchId: 10, lentOn: today, dueOn: today, reopenLoanId: null,
    }] })],
    ['an item still open in the copy for someone else is returned for them (one open loan per item)', {
      knownItems: new Map([['B', known(5, 200, { openLoan: { id: 9, patronId: 8, libraryId: 1, lentOn: d(-30), holderRecordsHistory: false } })]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: null }] },
    }, plan({
      closeLoans: [{ loanId: 9, returnedOn: today, hiddenFromHistory: true }],
      openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 11, lentOn: today, dueOn: d(21), reopenLoanId: null }],
    })],
    ['listed again after an earlier refresh returned it the same day: the loan is re-opened', {
      knownItems: new Map([['B', known(5, 200, { returnedLoans: [{ id: 4, patronId: 7, lentOn: today }] })]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: null }] },
    }, plan({ openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 11, lentOn: today, dueOn: d(21), reopenLoanId: 4 }] })],
    ['another patron\'s loan of the item on the same day cannot be told apart: skipped, not guessed', {
      knownItems: new Map([['B', known(5, 200, { returnedLoans: [{ id: 4, patronId: 8, lentOn: today }] })]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: null }] },
    }, plan({ skipped: [{ what: 'loan', reason: 'lent_on_taken' }] })],
    ['a barcode listed twice opens one loan', {
      knownItems: new Map([['B', known(5, 200)]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(21), title: null }, { itemBarcode: 'B', dueOn: d(22), title: null }] },
    }, plan({ openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 200 }, branchId: 11, lentOn: today, dueOn: d(21), reopenLoanId: null }] })],
  ];
  it.each(table)('%s', (_name, patch, expected) => {
    expect(planLibraryReconcile(input(patch))).toEqual(expected);
  });
});

const reservation = (id: number, titleId: number, extra: Partial<ReconcileInput['reservations'][number]> = {}) => ({
  id,
  titleId,
  titleKey: `t${titleId}`,
  titleText: `Titel ${titleId}`,
  libraryItemBarcode: null,
  status: 'waiting' as const,
  readyUntil: null,
  pickupBranchId: 10,
  placedOn: d(-5),
  ...extra,
});

describe('planLibraryReconcile: holds become reservations (L1, L2)', () => {
  const table: [string, Patch, ReconcilePlan][] = [
    ['a hold on a known item becomes a reservation of its title, pick-up by location code', {
      knownItems: new Map([['H1', known(5, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: 'x', ready: false, pickupLocation: '3551' }] },
    }, plan({ addReservations: [{ title: { kind: 'existing', titleId: 300 }, libraryItemBarcode: 'H1', status: 'waiting', readyUntil: null, pickupBranchId: 11, placedOn: today }] })],
    ['R3 a pick-up at another library of the region is kept', {
      knownItems: new Map([['H1', known(5, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: 'x', ready: false, pickupLocation: '9860' }] },
    }, plan({ addReservations: [{ title: { kind: 'existing', titleId: 300 }, libraryItemBarcode: 'H1', status: 'waiting', readyUntil: null, pickupBranchId: 20, placedOn: today }] })],
    ['a ready hold on an unknown item: a new title, ready for READY_FOR_DAYS, the first branch', {
      snapshot: { holds: [{ itemBarcode: 'H9', title: 'Nieuw', ready: true, pickupLocation: null }] },
    }, plan({ addReservations: [{ title: { kind: 'new', key: `${ISIL}:H9`, title: 'Nieuw' }, libraryItemBarcode: 'H9', status: 'ready', readyUntil: d(READY_FOR_DAYS), pickupBranchId: 10, placedOn: today }] })],
    ['a title-level hold matches the reservation of that title by name', {
      reservations: [reservation(1, 300, { titleText: 'Max  Havelaar ' })],
      snapshot: { holds: [{ itemBarcode: null, title: 'max havelaar', ready: false, pickupLocation: null }] },
    }, plan({})],
    ['a title-level hold without a match: a title keyed by its name', {
      snapshot: { holds: [{ itemBarcode: null, title: 'Het Diner', ready: false, pickupLocation: '3550' }] },
    }, plan({ addReservations: [{ title: { kind: 'new', key: `${ISIL}:title:het diner`, title: 'Het Diner' }, libraryItemBarcode: null, status: 'waiting', readyUntil: null, pickupBranchId: 10, placedOn: today }] })],
    ['a hold with neither barcode nor title cannot be shown: skipped', {
      snapshot: { holds: [{ itemBarcode: null, title: null, ready: false, pickupLocation: null }] },
    }, plan({ skipped: [{ what: 'hold', reason: 'no_title' }] })],
    ['L1 a matched reservation becomes ready and learns the library\'s barcode', {
      knownItems: new Map([['H1', known(5, 300)]]),
      reservations: [reservation(1, 300)],
      snapshot: { holds: [{ itemBarcode: 'H1', title: null, ready: true, pickupLocation: null }] },
    }, plan({ changeReservations: [{ reservationId: 1, fromStatus: 'waiting', status: 'ready', readyUntil: d(READY_FOR_DAYS), pickupBranchId: 10, libraryItemBarcode: 'H1' }] })],
    ['a ready reservation keeps the day the portal showed', {
      reservations: [reservation(1, 300, { status: 'ready', readyUntil: d(3), libraryItemBarcode: 'H1' })],
      knownItems: new Map([['H1', known(5, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: null, ready: true, pickupLocation: null }] },
    }, plan({})],
    ['a ready reservation past its day that the library still lists ready: until today', {
      reservations: [reservation(1, 300, { status: 'ready', readyUntil: d(-1), libraryItemBarcode: 'H1' })],
      knownItems: new Map([['H1', known(5, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: null, ready: true, pickupLocation: null }] },
    }, plan({ changeReservations: [{ reservationId: 1, fromStatus: 'ready', status: 'ready', readyUntil: today, pickupBranchId: 10, libraryItemBarcode: 'H1' }] })],
    ['in transit stays in transit while the library lists the hold as not ready', {
      reservations: [reservation(1, 300, { status: 'in_transit', libraryItemBarcode: 'H1' })],
      knownItems: new Map([['H1', known(5, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: null, ready: false, pickupLocation: null }] },
    }, plan({})],
    ['a reservation the library no longer lists is cancelled', {
      reservations: [reservation(1, 300)],
    }, plan({ endReservations: [{ reservationId: 1, fromStatus: 'waiting', status: 'cancelled' }] })],
    ['… and fulfilled when a loan of that title appeared', {
      reservations: [reservation(1, 300, { status: 'ready', readyUntil: d(2) })],
      knownItems: new Map([['B', known(5, 300)]]),
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(28), title: null }] },
    }, plan({
      openLoans: [{ item: { kind: 'existing', itemId: 5, titleId: 300 }, branchId: 11, lentOn: today, dueOn: d(28), reopenLoanId: null }],
      endReservations: [{ reservationId: 1, fromStatus: 'ready', status: 'fulfilled' }],
    })],
    ['… fulfilled by a loan of a title the plan creates (same <ISIL>:<barcode> key)', {
      reservations: [reservation(1, 300, { titleKey: `${ISIL}:N1`, libraryItemBarcode: 'N1' })],
      snapshot: { loans: [{ itemBarcode: 'N1', dueOn: d(28), title: 'x' }] },
    }, plan({
      openLoans: [{ item: { kind: 'new', barcode: 'N1', title: { kind: 'new', key: `${ISIL}:N1`, title: 'x' }, branchId: 10 }, branchId: 10, lentOn: today, dueOn: d(28), reopenLoanId: null }],
      endReservations: [{ reservationId: 1, fromStatus: 'waiting', status: 'fulfilled' }],
    })],
    ['… but not by a loan lent before the reservation was placed', {
      reservations: [reservation(1, 300, { placedOn: d(-2) })],
      loans: [loan(1, 'B', 300, d(5), d(-10))],
      snapshot: { loans: [{ itemBarcode: 'B', dueOn: d(5), title: null }] },
    }, plan({ endReservations: [{ reservationId: 1, fromStatus: 'waiting', status: 'cancelled' }] })],
    ['L2 a reservation with an unconfirmed change is neither changed, ended nor doubled', {
      reservations: [reservation(1, 300, { libraryItemBarcode: 'H1' }), reservation(2, 301)],
      knownItems: new Map([['H1', known(5, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: null, ready: true, pickupLocation: '3551' }] },
      inFlight: { reservationIds: new Set([1, 2]) },
    }, plan({})],
    ['two holds on one title the same day make one reservation (one per title and day)', {
      knownItems: new Map([['H1', known(5, 300)], ['H2', known(6, 300)]]),
      snapshot: { holds: [{ itemBarcode: 'H1', title: null, ready: false, pickupLocation: null }, { itemBarcode: 'H2', title: null, ready: false, pickupLocation: null }] },
    }, plan({
      addReservations: [{ title: { kind: 'existing', titleId: 300 }, libraryItemBarcode: 'H1', status: 'waiting', readyUntil: null, pickupBranchId: 10, placedOn: today }],
      skipped: [{ what: 'hold', reason: 'duplicate' }],
    })],
  ];
  it.each(table)('%s', (_name, patch, expected) => {
    expect(planLibraryReconcile(input(patch))).toEqual(expected);
  });
});

describe('planLibraryReconcile: fees follow the library (F1, RN5)', () => {
  const fee = (id: number, description: string, amountCents: number) => ({ id, description, amountCents });
  const table: [string, Patch, ReconcilePlan][] = [
    ['the same fees: nothing to do', {
      fees: [fee(1, 'Te laat: Max Havelaar', 150)],
      snapshot: { fees: [{ description: 'Te laat: Max Havelaar', amountCents: 150 }] },
    }, plan({})],
    ['a fee the library no longer lists is settled today; a new one is added', {
      fees: [fee(1, 'Te laat', 150)],
      snapshot: { fees: [{ description: 'Reservatiekost', amountCents: 100 }] },
    }, plan({ addFees: [{ kind: 'reservation', description: 'Reservatiekost', amountCents: 100, createdOn: today }], settleFees: [{ feeId: 1, paidOn: today }] })],
    ['a changed amount is updated', {
      fees: [fee(1, 'Te laat', 150)],
      snapshot: { fees: [{ description: 'Te laat', amountCents: 250 }] },
    }, plan({ feeAmountChanges: [{ feeId: 1, fromCents: 150, amountCents: 250 }] })],
    ['repeated descriptions are numbered, each its own row', {
      fees: [fee(1, 'Te laat', 50)],
      snapshot: { fees: [{ description: 'Te laat', amountCents: 50 }, { description: 'Te laat', amountCents: 70 }] },
    }, plan({ addFees: [{ kind: 'late', description: 'Te laat (2)', amountCents: 70, createdOn: today }] })],
    ['one fee without an amount takes the total', {
      snapshot: { fees: [{ description: 'Boete', amountCents: null }], totalFeeCents: 320 },
    }, plan({ addFees: [{ kind: 'late', description: 'Boete', amountCents: 320, createdOn: today }] })],
    ['no list but a total: one fee of the total', {
      fees: [fee(1, 'Te laat', 150)],
      snapshot: { fees: [], totalFeeCents: 400 },
    }, plan({ addFees: [{ kind: 'late', description: TOTAL_ONLY_DESCRIPTION, amountCents: 400, createdOn: today }], settleFees: [{ feeId: 1, paidOn: today }] })],
    ['no fees and no total: every unpaid fee is settled', {
      fees: [fee(1, 'Te laat', 150), fee(2, 'Verloren boek', 1500)],
    }, plan({ settleFees: [{ feeId: 1, paidOn: today }, { feeId: 2, paidOn: today }] })],
  ];
  it.each(table)('%s', (_name, patch, expected) => {
    expect(planLibraryReconcile(input(patch))).toEqual(expected);
  });

  it('amounts missing on several fees: the one left over gets the rest of the total, several get 0', () => {
    expect(resolveFeeAmounts({ loans: [], holds: [], fees: [{ description: 'a', amountCents: 100 }, { description: 'b', amountCents: null }], totalFeeCents: 350 }).map((f) => f.amountCents)).toEqual([100, 250]);
    expect(resolveFeeAmounts({ loans: [], holds: [], fees: [{ description: 'a', amountCents: null }, { description: 'b', amountCents: null }], totalFeeCents: 350 }).map((f) => f.amountCents)).toEqual([0, 0]);
    expect(resolveFeeAmounts({ loans: [], holds: [], fees: [{ description: 'a', amountCents: null }], totalFeeCents: null }).map((f) => f.amountCents)).toEqual([0]);
    expect(resolveFeeAmounts({ loans: [], holds: [], fees: [], totalFeeCents: 0 })).toEqual([]);
  });

  it.each([
    ['Te laat terugbezorgd', 'late'],
    ['Reservatiekost', 'reservation'],
    ['Verloren exemplaar', 'lost'],
    ['Item damaged', 'damaged'],
    ['Lidgeld 2027', 'contribution'],
    ['Diverse', 'late'],
  ] as const)('the kind of a new fee from its words: %s → %s', (description, kind) => {
    expect(feeKindOf(description)).toBe(kind);
  });
});

describe('isEmptyPlan', () => {
  it('is true only when nothing would be written (skips write nothing)', () => {
    expect(isEmptyPlan(plan({ skipped: [{ what: 'hold', reason: 'no_title' }] }))).toBe(true);
    expect(isEmptyPlan(plan({ settleFees: [{ feeId: 1, paidOn: today }] }))).toBe(false);
  });
});
