// The batched read behind renewing: everything decideRenewal needs, in one statement (P4),
// only for the account's loans (P3); and the pure assembly of RenewalInput (R6, R11, RN2, RN5).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import type { NetworkDocument } from '@/db/import/schema';
import { accounts, items, loans } from '@/db/schema';
import { describeOnDatabases } from '@/test/db';
import type { SignedInAccount } from '@/lib/auth/session';
import { homeMembershipOf } from '@/lib/domain/home-membership';
import { judgeMemberships, type MembershipRow } from './cards';
import { RENEW_ITEMS, RENEW_TODAY, renewScenario } from '@/test/scenarios/renew-loans';
import { getRenewalInputsRows, intArrayLiteral, renewalCandidate, type RenewalLoanRow } from './renewal-inputs';

const today = RENEW_TODAY;

const membership = (patch: Partial<MembershipRow>): MembershipRow => ({
  id: 1, patronId: 7, libraryId: 10, kind: 'ordinary', startOn: '2026-01-01', endOn: '2026-12-31', autoRenew: false,
  stoppedOn: null, registeredOn: null, homeValidUntil: null, homeCheckedOn: null, homeLibraryId: null,
  typeCode: 'VOLW', loanPeriodDays: 28, maxRenewals: 2, isil: 'BE-A', libraryName: 'A',
  regionId: 1, regionCode: 'R', regionName: 'Regio', ...patch,
});

const loan = (patch: Partial<RenewalLoanRow> = {}): RenewalLoanRow => ({
  id: 100, patronId: 7, libraryId: 10, regionId: 1, titleId: 5, dueOn: '2026-11-29', renewals: 0, returnedOn: null,
  thresholdCents: 500, outstandingCents: 0, reservationsByOthers: 0, freeCopies: 0, setAside: 0,
  isil: 'BE-A', libraryName: 'A', itemBarcode: '3000000000001', libraryPatronId: '2000000000017', ...patch,
});

describe('renewalCandidate (pure)', () => {
  it('R6: the membership at the lending library governs, even when another in the region ends later', () => {
    const judged = judgeMemberships([
      membership({ id: 1, libraryId: 10, endOn: '2026-12-31', loanPeriodDays: 21 }),
      membership({ id: 2, libraryId: 11, endOn: '2027-06-30', loanPeriodDays: 28 }),
    ], today);
    const c = renewalCandidate(loan(), judged, today);
    expect(c.governing?.id).toBe(1);
    expect(c.input.subscriptionType).toEqual({ loanPeriodDays: 21, maxRenewals: 2 });
    expect(c.input.governing).toEqual({ active: true, endOn: '2026-12-31' });
  });

  it('R6: without one at the lending library, the region’s membership that ends last governs', () => {
    const judged = judgeMemberships([
      membership({ id: 1, libraryId: 11, endOn: '2026-12-31' }),
      membership({ id: 2, libraryId: 12, endOn: '2027-06-30' }),
      membership({ id: 3, libraryId: 13, regionId: 2, endOn: '2028-01-01' }),
    ], today);
    expect(renewalCandidate(loan(), judged, today).governing?.id).toBe(2);
  });

  it('R6/P3: another linked patron’s membership never governs this patron’s loan', () => {
    const judged = judgeMemberships([membership({ id: 1, patronId: 8 })], today);
    const c = renewalCandidate(loan(), judged, today);
    expect(c.governing).toBeNull();
    expect(c.input.governing).toBeNull();
    expect(c.input.subscriptionType).toBeNull();
  });

  it('RN4/R11: a guest whose home membership ended has no active governing membership', () => {
    const judged = judgeMemberships([
      membership({ id: 1, kind: 'guest', registeredOn: '2026-06-01', endOn: null, regionId: null, homeValidUntil: '2026-11-10' }),
    ], today);
    expect(renewalCandidate(loan({ regionId: null }), judged, today).input.governing).toBeNull();
  });

  it('R11: a guest following a valid home membership is capped at the home end (RN6)', () => {
    const judged = judgeMemberships([
      membership({ id: 1, kind: 'guest', registeredOn: '2026-06-01', endOn: null, regionId: null, homeLibraryId: 20, homeValidUntil: '2026-11-10' }),
      membership({ id: 2, libraryId: 20, regionId: 2, endOn: '2026-12-10' }),
    ], today);
    expect(renewalCandidate(loan({ regionId: null }), judged, today).input.governing).toEqual({ active: true, endOn: '2026-12-10' });
  });

  it('R11: of several home memberships the one active today is followed, not a stopped open-ended one', () => {
    const guest = membership({ id: 1, kind: 'guest', registeredOn: '2026-06-01', endOn: null, regionId: null, homeLibraryId: 20 });
    const home = (patch: Partial<MembershipRow>) => membership({ libraryId: 20, regionId: 2, ...patch });
    const stoppedOpen = home({ id: 2, endOn: null, stoppedOn: '2026-10-01' });
    const activeFinite = home({ id: 3, endOn: '2026-12-10' });
    const activeOpen = home({ id: 4, endOn: null });
    const expiredLate = home({ id: 5, startOn: '2025-01-01', endOn: '2026-11-01' });
    const notStartedOpen = home({ id: 6, startOn: '2027-01-01', endOn: null });
    const otherPatron = home({ id: 7, patronId: 8, endOn: null });
    expect(homeMembershipOf(guest, [guest, stoppedOpen, activeFinite, otherPatron], today)?.id).toBe(3);
    expect(homeMembershipOf(guest, [guest, activeFinite, activeOpen, stoppedOpen], today)?.id).toBe(4); // open-ended is the latest
    expect(homeMembershipOf(guest, [guest, notStartedOpen, stoppedOpen, expiredLate], today)?.id).toBe(5); // latest last day, nulls last
    expect(homeMembershipOf(guest, [guest, otherPatron], today)).toBeNull(); // another patron's never counts
    expect(homeMembershipOf({ ...guest, homeLibraryId: null }, [guest, activeFinite], today)).toBeNull();
    const judged = judgeMemberships([guest, stoppedOpen, activeFinite], today);
    expect(judged[0]!.effective).toMatchObject({ active: true, endOn: '2026-12-10' });
  });

  it.each([
    ['RN2 free copies count', { freeCopies: 2, setAside: 0 }, 2],
    ['RN2 copies set aside for a ready reservation do not', { freeCopies: 2, setAside: 1 }, 1],
    ['RN2 never below zero', { freeCopies: 0, setAside: 1 }, 0],
  ])('%s', (_name, patch, available) => {
    expect(renewalCandidate(loan(patch), [], today).input.title.availableCopies).toBe(available);
  });

  it('RN5: fees and threshold pass through; RN1: the loan is linked (only linked loans are read)', () => {
    const c = renewalCandidate(loan({ outstandingCents: 550, thresholdCents: 500 }), [], today);
    expect(c.input.fees).toEqual({ outstandingCents: 550, thresholdCents: 500 });
    expect(c.input.loan.linked).toBe(true);
  });

  it('ids travel as one array parameter', () => {
    expect(intArrayLiteral([3, 1, 2])).toBe('{3,1,2}');
  });
});

/** A 3a region (no transport, R3): only the owning library's copies and pickups count for RN2. */
function noTransportRegion(): NetworkDocument {
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: 'DR', name: 'Regio Dender', kind: '3a', feeBlockThresholdCents: 0 }],
    subscriptionTypes: [{ code: 'VOLW', name: 'Volwassene', region: 'DR', loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 }],
    libraries: [
      { isil: 'BE-NIN01', name: 'Ninove', country: 'BE', region: 'DR', branches: [{ code: '9400', name: 'Ninove' }] },
      { isil: 'BE-GER01', name: 'Geraardsbergen', country: 'BE', region: 'DR', branches: [{ code: '9500', name: 'Geraardsbergen' }] },
    ],
    patrons: [
      { key: 'dirk', givenName: 'Dirk', familyName: 'D', memberships: [{ library: 'BE-NIN01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }] },
      { key: 'els', givenName: 'Els', familyName: 'E', memberships: [{ library: 'BE-NIN01', type: 'VOLW', start: '2026-01-01', end: '2027-12-31' }] },
    ],
    accounts: [{ username: 'dirk', email: 'dirk@example.be', password: 'dirk-password-1', patrons: ['dirk'] }],
    titles: [{ key: 'dr', title: 'Dender', material: 'book' }],
    items: [
      { barcode: 'DR-1', title: 'dr', library: 'BE-NIN01', branch: '9400' },
      { barcode: 'DR-2', title: 'dr', library: 'BE-GER01', branch: '9500' },
    ],
    loans: [{ item: 'DR-1', patron: 'dirk', library: 'BE-NIN01', branch: '9400', lentOn: '2026-11-01', dueOn: '2026-11-29' }],
    reservations: [
      { title: 'dr', patron: 'els', pickupLibrary: 'BE-NIN01', pickupBranch: '9400', placedOn: '2026-11-10', status: 'waiting' },
    ],
  };
}

describeOnDatabases('getRenewalInputsRows (%s)', (t) => {
  let an: SignedInAccount;
  let dirk: SignedInAccount;
  let loanIdOf: (barcode: string) => number;

  beforeAll(async () => {
    for (const doc of [renewScenario(), noTransportRegion()]) {
      const r = await importNetwork(t.db, doc);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
    const acc = async (username: string) => {
      const [row] = await t.db.select().from(accounts).where(eq(accounts.username, username));
      return { accountId: row!.id, sessionVersion: row!.sessionVersion };
    };
    an = await acc('renew.an');
    dirk = await acc('dirk');
    const rows = await t.db.select({ id: loans.id, barcode: items.barcode }).from(loans).innerJoin(items, eq(items.id, loans.itemId));
    loanIdOf = (barcode) => rows.find((r) => r.barcode === barcode)!.id;
  });

  it('P4: one statement for a whole card; P3: only the account’s loans come back', async () => {
    t.queries.reset();
    const rows = await getRenewalInputsRows(t.db, an, { kind: 'card', cardSlug: 'zo' });
    expect(t.queries).toHaveLength(1);
    expect(rows.loans).toHaveLength(9);
    expect(rows.loans.map((l) => l.id)).not.toContain(loanIdOf(RENEW_ITEMS.otherAccount));
  });

  it('P3: foreign and unknown ids are simply absent', async () => {
    const rows = await getRenewalInputsRows(t.db, an, { kind: 'ids', loanIds: [loanIdOf(RENEW_ITEMS.otherAccount), 999_999, loanIdOf(RENEW_ITEMS.renewable)] });
    expect(rows.loans.map((l) => l.id)).toEqual([loanIdOf(RENEW_ITEMS.renewable)]);
  });

  it('RN2 in a transport region (3b): copies and pickups of the whole region count; ready reservations set copies aside', async () => {
    const rows = await getRenewalInputsRows(t.db, an, { kind: 'card', cardSlug: 'zo' });
    const row = (barcode: string) => rows.loans.find((l) => l.id === loanIdOf(barcode))!;
    expect(row(RENEW_ITEMS.reservedButFreeCopy)).toMatchObject({ reservationsByOthers: 1, freeCopies: 1, setAside: 0 });
    expect(row(RENEW_ITEMS.readySetAside)).toMatchObject({ reservationsByOthers: 1, freeCopies: 1, setAside: 1 });
    expect(row(RENEW_ITEMS.reserved)).toMatchObject({ reservationsByOthers: 1, freeCopies: 0 });
    // An's own reservation is not another patron's (RN2).
    expect(row(RENEW_ITEMS.renewable)).toMatchObject({ reservationsByOthers: 0 });
  });

  it('RN5: unpaid fees of every library of the region, paid ones not', async () => {
    const rows = await getRenewalInputsRows(t.db, an, { kind: 'ids', loanIds: [loanIdOf(RENEW_ITEMS.feeBlock), loanIdOf(RENEW_ITEMS.overdue)] });
    const byId = new Map(rows.loans.map((l) => [l.id, [l.outstandingCents, l.thresholdCents]]));
    expect(byId.get(loanIdOf(RENEW_ITEMS.feeBlock))).toEqual([550, 500]); // 300 + 250, not the paid 5000
    expect(byId.get(loanIdOf(RENEW_ITEMS.overdue))).toEqual([150, 500]); // RN8: the late fee stays, below the threshold
  });

  it('RN2 in a region without transport (3a): another library’s free copy cannot serve the reservation', async () => {
    const rows = await getRenewalInputsRows(t.db, dirk, { kind: 'card', cardSlug: 'dr' });
    expect(rows.loans).toHaveLength(1);
    expect(rows.loans[0]).toMatchObject({ reservationsByOthers: 1, freeCopies: 0, setAside: 0, thresholdCents: 0 });
  });
});
