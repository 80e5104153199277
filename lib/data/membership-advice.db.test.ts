// The documents' membership advice on both databases: Info lidmaatschap and the overview give the
// R5/R7/R8 advice for one expiring + one continuing membership and for duplicate auto-renewals,
// the R12 notice for a guest registered while the home membership was not valid, and the import
// report lists that guest as a warning with its JSON path (test/scenarios/membership-advice.ts).
import { expect, it } from 'vitest';
import type { ImportResult } from '@/db/import/import-network';
import { GUEST_HOME_INVALID_WARNING } from '@/db/import/guest-warnings';
import { accountOf } from '@/test/scenarios/identity';
import { ADVICE_TODAY, adviceScenario } from '@/test/scenarios/membership-advice';
import { describeOnDatabases } from '@/test/db';
import { getMembershipsView } from './memberships';
import { getOverview } from './overview';

const s = adviceScenario();
const TODAY = ADVICE_TODAY;

const kimAdvice = {
  expiring: [{ library: s.names.noordhout, endOn: '2026-11-30', monthEnd: true }],
  continuingLibraries: [s.names.zuidhout],
  neededForDigital: [{ library: s.names.noordhout, collections: [s.names.ebooks] }],
  duplicateAutoRenew: [],
};
const dirkAdvice = {
  expiring: [],
  continuingLibraries: [],
  neededForDigital: [],
  duplicateAutoRenew: [{ subscriptionType: 'Volwassene', libraries: [s.names.noordhout, s.names.zuidhout] }],
};

describeOnDatabases('membership advice R5 R7 R12 (%s)', { scenario: s.document }, (t) => {
  it('R12 import report: the guest registered with an invalid home is a warning with its JSON path', () => {
    const report = t.scenario as unknown as Extract<ImportResult, { ok: true }>;
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([{ path: 'patrons[0].guestMemberships[0]', message: GUEST_HOME_INVALID_WARNING }]);
  });

  it('R5 R7 Info lidmaatschap: one expiring + one continuing membership → advice (month end, R8)', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, s.users.kim), TODAY);
    const region = view.cards.find((c) => c.regionName === s.names.region)!;
    expect(region.people.map((p) => p.renewalAdvice)).toEqual([kimAdvice]);
  });

  it('R5 Info lidmaatschap: duplicate auto-renewing memberships of one type → advice', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, s.users.dirk), TODAY);
    expect(view.cards.flatMap((c) => c.people.map((p) => p.renewalAdvice))).toEqual([dirkAdvice]);
  });

  it('R12 Info lidmaatschap: the guest membership says its home was not valid at registration', async () => {
    const view = await getMembershipsView(t.db, await accountOf(t.db, s.users.kim), TODAY);
    const guest = view.cards.flatMap((c) => c.memberships).find((m) => m.kind === 'guest')!;
    expect(guest.guest).toMatchObject({ homeIsil: s.isils.home, reason: 'home_ended', homeInvalidAtRegistration: true });
    const ordinary = view.cards.flatMap((c) => c.memberships).filter((m) => m.kind === 'ordinary');
    expect(ordinary.every((m) => m.guest === null)).toBe(true);
  });

  it('R5 R7 R12 overview: the same advice and the R12 notice, still in one statement (P4)', async () => {
    const account = await accountOf(t.db, s.users.kim);
    t.queries.reset();
    const view = await getOverview(t.db, account, TODAY);
    expect(t.queries.count).toBe(1);
    const region = view.cards.find((c) => c.label.startsWith(s.names.region))!;
    expect(region.advice).toEqual([{ patronId: expect.any(Number), patronName: null, advice: kimAdvice }]);
    expect(region.guestHomeInvalid).toEqual([]);
    const guestCard = view.cards.find((c) => c.label === s.names.guestLibrary)!;
    expect(guestCard.guestHomeInvalid).toEqual([{ membershipId: expect.any(Number), libraryName: s.names.guestLibrary, homeName: null, homeIsil: s.isils.home }]);
    expect(guestCard.advice).toEqual([]);

    const dirk = await getOverview(t.db, await accountOf(t.db, s.users.dirk), TODAY);
    expect(dirk.cards.map((c) => c.advice.map((a) => a.advice))).toEqual([[dirkAdvice]]);
  });
});
