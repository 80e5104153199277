// The demo network: it passes the importer, seeding is idempotent, and every DEMO_ACCOUNTS entry
// really shows the rule it claims (asserted on the built document, through the pure rules of
// lib/domain where they exist).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../../lib/domain/dates';
import { isNationalRegisterNumber } from '../../lib/domain/card-number';
import { guestValidity } from '../../lib/domain/guest-validity';
import { isActiveStatus, membershipStatus } from '../../lib/domain/membership-status';
import { decideRenewal, type RenewalDecision } from '../../lib/domain/renewal';
import { describeOnDatabases } from '../../test/db';
import { snapshotDatabase } from '@/test/support/snapshot';
import { accounts, loans, portalChanges, reservations } from '../schema';
import { AN_PEETERS_EID, buildDemoNetwork, DEMO_ACCOUNTS, DEMO_ACTIVATIONS, DEMO_LIBRARIES as L, seedDemo } from './demo';
import type { FullDocument, MembershipDoc, PatronDoc } from './network';

const TODAY = '2026-03-15';
const doc = buildDemoNetwork(TODAY) as FullDocument;

const patron = (key: string): PatronDoc => {
  const p = doc.patrons.find((x) => x.key === key);
  if (!p) throw new Error(`no patron ${key}`);
  return p;
};
const regionOf = (isil: string) => doc.libraries.find((l) => l.isil === isil)?.region ?? null;
const status = (m: MembershipDoc, today = TODAY) =>
  membershipStatus({ startOn: m.start, endOn: m.end, stoppedOn: m.stoppedOn ?? null, autoRenew: m.autoRenew ?? false }, today);
const active = (m: MembershipDoc) => isActiveStatus(status(m));
const typeParams = (isil: string, code: string) => {
  const region = regionOf(isil);
  const t = doc.subscriptionTypes.find((s) => s.code === code && (region ? s.region === region : s.library === isil));
  if (!t) throw new Error(`no type ${code} for ${isil}`);
  return t;
};
const openLoans = (key: string) => doc.loans.filter((l) => l.patron === key && l.returnedOn == null);
const itemOf = (barcode: string) => doc.items.find((i) => i.barcode === barcode);
const unpaidInRegion = (key: string, region: string) =>
  doc.fees.filter((f) => f.patron === key && f.paidOn == null && regionOf(f.library) === region).reduce((s, f) => s + f.amountCents, 0);

/** The facts of lib/domain's decideRenewal for one loan, read from the document (R6, R11, RN2, RN5). */
function renewal(key: string, title: string): RenewalDecision {
  const loan = openLoans(key).find((l) => itemOf(l.item)?.title === title);
  if (!loan) throw new Error(`${key} has no open loan of ${title}`);
  const p = patron(key);
  const region = regionOf(loan.library);
  const ordinary = (p.memberships ?? []).map((m) => ({ library: m.library, type: m.type, endOn: m.end, active: active(m) }));
  const guests = (p.guestMemberships ?? []).map((g) => {
    const home = p.memberships?.find((m) => m.library === g.homeIsil);
    const v = guestValidity({ registeredOn: g.registeredOn }, home ? { kind: 'in_network', endOn: home.end, stoppedOn: home.stoppedOn ?? null } : null, TODAY);
    return { library: g.library, type: g.type, endOn: v.validUntil, active: v.valid };
  });
  const all = [...ordinary, ...guests];
  // R6: the active membership at the lending library; else the active one of the region that ends last.
  const governing =
    all.find((m) => m.library === loan.library && m.active) ??
    all
      .filter((m) => m.active && region !== null && regionOf(m.library) === region)
      .sort((a, b) => ((a.endOn ?? '9999') < (b.endOn ?? '9999') ? 1 : -1))[0] ??
    null;
  const copies = doc.items.filter((i) => i.title === title).map((i) => i.barcode);
  const onLoan = new Set(doc.loans.filter((l) => l.returnedOn == null).map((l) => l.item));
  const ready = doc.reservations.filter((r) => r.title === title && r.status === 'ready').length;
  const threshold = region ? (doc.regions.find((r) => r.code === region)?.feeBlockThresholdCents ?? 0) : Infinity;
  return decideRenewal({
    loan: { linked: true, returnedOn: null, dueOn: loan.dueOn, renewals: loan.renewals ?? 0 },
    title: {
      activeReservationsByOthers: doc.reservations.filter(
        (r) => r.title === title && r.patron !== key && (r.status === 'waiting' || r.status === 'in_transit'),
      ).length,
      availableCopies: Math.max(0, copies.filter((c) => !onLoan.has(c)).length - ready),
    },
    governing: governing ? { active: governing.active, endOn: governing.endOn } : null,
    subscriptionType: governing ? typeParams(governing.library, governing.type) : null,
    fees: { outstandingCents: region ? unpaidInRegion(key, region) : 0, thresholdCents: threshold },
    today: TODAY,
  });
}

const account = (username: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a;
};

describe('demo network document', () => {
  it('is a pure function of today', () => {
    expect(buildDemoNetwork(TODAY)).toEqual(doc);
    expect(buildDemoNetwork('2026-03-16')).not.toEqual(doc);
  });

  it('keeps every date consistent: nothing lent in the future, due on or after lending', () => {
    for (const l of doc.loans) {
      expect(l.lentOn <= TODAY).toBe(true);
      expect(l.dueOn >= l.lentOn).toBe(true);
      if (l.returnedOn) expect(l.returnedOn <= TODAY).toBe(true);
    }
  });

  it('has the three Dutch libraries with their real ISILs, in no region, each with its GAST type', () => {
    for (const isil of ['NL-0702881037', 'NL-0702881045', 'NL-0702881046']) {
      const lib = doc.libraries.find((l) => l.isil === isil);
      expect(lib?.country).toBe('NL');
      expect(lib?.region ?? null).toBeNull();
      expect(doc.subscriptionTypes.some((t) => t.library === isil && t.code === 'GAST')).toBe(true);
    }
  });

  it('links every account to patrons of the document, with one documented password', () => {
    const keys = new Set(doc.patrons.map((p) => p.key));
    for (const a of DEMO_ACCOUNTS) {
      expect(a.password.length).toBeGreaterThanOrEqual(8);
      for (const k of a.patrons) expect(keys.has(k)).toBe(true);
      const inDoc = doc.accounts.find((x) => x.username === a.username);
      expect(inDoc?.patrons).toEqual([...a.patrons]);
      expect(a.en.length).toBeGreaterThan(20);
      expect(a.nl.length).toBeGreaterThan(20);
    }
  });

  it('has Wise cards (2000…, 13 digits) and a valid eID card', () => {
    const numbers = doc.patrons.flatMap((p) => p.cards ?? []).map((c) => c.number);
    expect(numbers.filter((n) => /^2000\d{9}$/.test(n)).length).toBeGreaterThan(10);
    expect(isNationalRegisterNumber(AN_PEETERS_EID)).toBe(true);
    expect(numbers).toContain(AN_PEETERS_EID);
  });
});

describe('each demo account shows its rule', () => {
  it('an.peeters — R1/R2/R5: two libraries of one region, several branches, due soon, overdue, ready reservation, history, a second card', () => {
    const p = patron(account('an.peeters').patrons[0]);
    const zo = (p.memberships ?? []).filter((m) => regionOf(m.library) === 'ZO' && active(m));
    expect(zo.map((m) => m.library).sort()).toEqual([L.oosterzele, L.zottegem].sort());
    expect((p.memberships ?? []).some((m) => regionOf(m.library) !== 'ZO' && active(m))).toBe(true);
    const loans = openLoans(p.key);
    expect(new Set(loans.map((l) => l.library)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(loans.map((l) => `${l.library}/${l.branch}`)).size).toBeGreaterThanOrEqual(5);
    expect(loans.some((l) => daysBetween(TODAY, l.dueOn) >= 0 && daysBetween(TODAY, l.dueOn) <= 3)).toBe(true);
    expect(loans.some((l) => l.dueOn < TODAY)).toBe(true);
    // RN8: the overdue loan renews.
    expect(renewal(p.key, 'de-avonden').ok).toBe(true);
    const ready = doc.reservations.find((r) => r.patron === p.key && r.status === 'ready');
    expect(ready?.readyUntil && ready.readyUntil >= TODAY).toBe(true);
    expect(p.historyEnabled).toBe(true);
    expect(doc.loans.filter((l) => l.patron === p.key && l.returnedOn != null).length).toBeGreaterThanOrEqual(5);
    // R3: an item of Zottegem lent at the Oosterzele desk.
    expect(loans.some((l) => itemOf(l.item)?.library !== l.library)).toBe(true);
    // Her fees stay below the block threshold: the overview shows them, renewals still work.
    expect(unpaidInRegion(p.key, 'ZO')).toBeGreaterThan(0);
    expect(unpaidInRegion(p.key, 'ZO')).toBeLessThan(500);
  });

  it('jan.dewilde — R6: active memberships of different types in one region', () => {
    const p = patron(account('jan.dewilde').patrons[0]);
    const zo = (p.memberships ?? []).filter((m) => regionOf(m.library) === 'ZO' && active(m));
    expect(zo).toHaveLength(2);
    expect(new Set(zo.map((m) => m.type)).size).toBe(2);
  });

  it('els.vermeulen — RN5: unpaid fees in the region reach the threshold', () => {
    const p = patron(account('els.vermeulen').patrons[0]);
    expect(unpaidInRegion(p.key, 'ZO')).toBeGreaterThanOrEqual(500);
    expect(renewal(p.key, 'de-vreemdeling')).toEqual({ ok: false, reason: 'fee_block' });
  });

  it('tom.desmet — RN3 at the maximum, RN2 reserved without a free copy, and one that renews', () => {
    const p = patron(account('tom.desmet').patrons[0]);
    const atMax = openLoans(p.key).find((l) => itemOf(l.item)?.title === 'de-donkere-kamer-van-damokles');
    expect(atMax?.renewals).toBe(typeParams(L.oosterzele, 'VOLW').maxRenewals);
    expect(renewal(p.key, 'de-donkere-kamer-van-damokles')).toEqual({ ok: false, reason: 'max_renewals' });
    expect(doc.items.filter((i) => i.title === 'bonita-avenue')).toHaveLength(1);
    expect(doc.reservations.some((r) => r.title === 'bonita-avenue' && r.patron !== p.key && r.status === 'waiting')).toBe(true);
    expect(renewal(p.key, 'bonita-avenue')).toEqual({ ok: false, reason: 'reserved' });
    expect(renewal(p.key, 'de-hobbit').ok).toBe(true);
  });

  it('lotte.goossens — R7 two expiring memberships in one region, R8 one of them gives e-books, RN6 capped and refused', () => {
    const p = patron(account('lotte.goossens').patrons[0]);
    const zo = (p.memberships ?? []).filter((m) => regionOf(m.library) === 'ZO');
    expect(zo.map((m) => status(m))).toEqual(['expiring', 'expiring']);
    for (const m of zo) expect(m.autoRenew).toBe(false);
    const holds = (isil: string) => doc.libraries.find((l) => l.isil === isil)?.digitalCollections ?? [];
    expect(holds(L.zottegem)).toContain('ebooks');
    expect(holds(L.oosterzele)).not.toContain('ebooks');
    expect(renewal(p.key, 'de-avond-is-ongemak')).toEqual({ ok: false, reason: 'membership_ends' });
    const oosterzeleEnd = zo.find((m) => m.library === L.oosterzele)?.end;
    expect(renewal(p.key, 'het-boek-van-alle-dingen')).toEqual({ ok: true, newDueOn: oosterzeleEnd });
    expect(oosterzeleEnd! < addDays(TODAY, typeParams(L.oosterzele, 'VOLW').loanPeriodDays)).toBe(true);
  });

  it('sanne.bakker — R11: a Dutch guest whose home membership in the document ends within 30 days; R15 strips used', () => {
    const p = patron(account('sanne.bakker').patrons[0]);
    const guest = p.guestMemberships?.[0];
    expect(guest?.library).toBe(L.bedum);
    expect(guest?.homeIsil).toBe(L.bellingwolde);
    const home = p.memberships?.find((m) => m.library === guest?.homeIsil);
    expect(home && status(home)).toBe('expiring');
    expect(p.cards?.some((c) => c.library === L.bellingwolde && c.number === guest?.homeCardNumber)).toBe(true);
    const v = guestValidity({ registeredOn: guest!.registeredOn }, { kind: 'in_network', endOn: home!.end, stoppedOn: null }, TODAY);
    expect(v).toEqual({ valid: true, validUntil: home!.end, reason: 'follows_home' });
    expect(guest?.loanStrips).toBeLessThan(125);
    // One strip per loan in Bedum.
    expect(125 - guest!.loanStrips!).toBe(doc.loans.filter((l) => l.patron === p.key && l.library === L.bedum).length);
  });

  it('daan.visser — R11: registered as guest today, valid for three months', () => {
    const p = patron(account('daan.visser').patrons[0]);
    const guest = p.guestMemberships?.[0];
    expect(guest?.registeredOn).toBe(TODAY);
    expect(guest?.loanStrips).toBe(125);
    const v = guestValidity({ registeredOn: guest!.registeredOn }, null, TODAY);
    expect(v).toEqual({ valid: true, validUntil: addMonths(TODAY, 3), reason: 'first_day' });
  });

  it('kees.mulder — R12: the home membership has expired, so the guest membership is not valid', () => {
    const p = patron(account('kees.mulder').patrons[0]);
    const guest = p.guestMemberships?.[0];
    const home = p.memberships?.find((m) => m.library === guest?.homeIsil);
    expect(home && status(home)).toBe('expired');
    expect(guest?.homeValidUntil && guest.homeValidUntil < TODAY).toBe(true);
    const v = guestValidity({ registeredOn: guest!.registeredOn }, { kind: 'in_network', endOn: home!.end, stoppedOn: null }, TODAY);
    expect(v.valid).toBe(false);
    expect(v.reason).toBe('home_ended');
  });

  it('P1 activation: a patron without an account, a card with that PIN', () => {
    const a = DEMO_ACTIVATIONS.find((x) => x.purpose === 'activate')!;
    const p = patron(a.patron);
    expect(doc.accounts.some((acc) => (acc.patrons ?? []).includes(p.key))).toBe(false);
    expect(p.cards).toContainEqual({ library: a.library, number: a.cardNumber, pin: a.pin });
    expect((p.memberships ?? []).some((m) => m.library === a.library && active(m))).toBe(true);
  });

  it('pieter.wouters — P2/R14: a second record of the same person in another library, unlinked, with card and PIN', () => {
    const a = DEMO_ACTIVATIONS.find((x) => x.purpose === 'link')!;
    const linked = patron(account('pieter.wouters').patrons[0]);
    const other = patron(a.patron);
    expect(a.account).toBe('pieter.wouters');
    expect(doc.accounts.some((acc) => (acc.patrons ?? []).includes(other.key))).toBe(false);
    expect([other.givenName, other.familyName, other.birthDate]).toEqual([linked.givenName, linked.familyName, linked.birthDate]);
    expect(other.cards).toContainEqual({ library: a.library, number: a.cardNumber, pin: a.pin });
    expect(linked.memberships?.some((m) => m.library === a.library)).toBe(false);
  });

  it('ines.maes — R9: every membership in one region over, another region active; RN4 refuses there', () => {
    const p = patron(account('ines.maes').patrons[0]);
    const zo = (p.memberships ?? []).filter((m) => regionOf(m.library) === 'ZO');
    expect(zo.length).toBeGreaterThanOrEqual(2);
    expect(zo.some(active)).toBe(false);
    expect((p.memberships ?? []).some((m) => regionOf(m.library) === 'HS' && active(m))).toBe(true);
    expect(renewal(p.key, 'de-pest')).toEqual({ ok: false, reason: 'no_active_membership' });
  });
});

describeOnDatabases('seeding the demo (%s)', (t) => {
  it('passes the importer, and a second run changes nothing', async () => {
    const first = await seedDemo(t.db, { today: TODAY });
    expect(first.counts.loans?.inserted).toBe(doc.loans.length);
    const before = await snapshotDatabase(t.db);
    const second = await seedDemo(t.db, { today: TODAY });
    expect(second.removed).toEqual({ loans: 0, reservations: 0, fees: 0 });
    for (const c of Object.values(second.counts)) expect(c.inserted + c.updated).toBe(0);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('moves to a later day without piling up: the same rows as a fresh seed of that day', async () => {
    const later = addDays(TODAY, 9);
    // A patron renewed a loan and cancelled a reservation in the portal before the move.
    const [loan] = await t.db.select({ id: loans.id, patronId: loans.patronId, libraryId: loans.libraryId }).from(loans).limit(1);
    const [reservation] = await t.db.select({ id: reservations.id, patronId: reservations.patronId }).from(reservations).limit(1);
    const [account] = await t.db.select({ id: accounts.id }).from(accounts).limit(1);
    await t.db.insert(portalChanges).values([
      { accountId: account!.id, patronId: loan!.patronId, libraryId: loan!.libraryId, kind: 'renewal', loanId: loan!.id },
      { accountId: account!.id, patronId: reservation!.patronId, kind: 'reservation_cancelled', reservationId: reservation!.id, details: { oldStatus: 'waiting' } },
    ]);
    const result = await seedDemo(t.db, { today: later });
    expect(result.removed.loans).toBeGreaterThan(0);
    expect(await t.db.select().from(loans).where(eq(loans.id, loan!.id))).toEqual([]);
    expect(await t.db.select().from(portalChanges).where(eq(portalChanges.loanId, loan!.id))).toEqual([]);
    const snap = await snapshotDatabase(t.db);
    const laterDoc = buildDemoNetwork(later) as FullDocument;
    expect(snap.loans).toHaveLength(laterDoc.loans.length);
    expect(snap.reservations).toHaveLength(laterDoc.reservations.length);
    expect(snap.fees).toHaveLength(laterDoc.fees.length);
    const again = await seedDemo(t.db, { today: later });
    expect(again.removed).toEqual({ loans: 0, reservations: 0, fees: 0 });
    expect(await snapshotDatabase(t.db)).toEqual(snap);
  });
});
