// Renew all / renew a selection, against both databases (PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set). Rules: RN1–RN8, R6, R11, P3, P4. The scenario is built with the importer.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import { snapshotDatabase, type Snapshot } from '@/test/support/snapshot';
import { accounts, fees, items, loans, renewalLog, renewalRequests } from '@/db/schema';
import { describeOnDatabases, type TestDb } from '@/test/db';
import type { SignedInAccount } from '@/lib/auth/session';
import { renewLoansForAccount, type RenewItemResult, type RenewLoansResponse } from './renew-loans-core';
import {
  RENEW_EXPECTED,
  RENEW_ITEMS,
  RENEW_TODAY,
  ZO_KINDS,
  bulkScenario,
  renewScenario,
  type RenewLoanKind,
} from '@/test/scenarios/renew-loans';

const today = RENEW_TODAY;

interface Scenario {
  an: SignedInAccount;
  zoe: SignedInAccount;
  loanId: Record<RenewLoanKind, number>;
}

async function loadScenario(t: TestDb): Promise<Scenario> {
  const imported = await importNetwork(t.db, renewScenario());
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const accountRows = await t.db.select({ id: accounts.id, username: accounts.username, sv: accounts.sessionVersion }).from(accounts);
  const account = (username: string): SignedInAccount => {
    const row = accountRows.find((a) => a.username === username)!;
    return { accountId: row.id, sessionVersion: row.sv };
  };
  const loanRows = await t.db
    .select({ id: loans.id, barcode: items.barcode })
    .from(loans)
    .innerJoin(items, eq(items.id, loans.itemId));
  const loanId = Object.fromEntries(
    Object.entries(RENEW_ITEMS).map(([kind, barcode]) => [kind, loanRows.find((l) => l.barcode === barcode)!.id]),
  ) as Record<RenewLoanKind, number>;
  return { an: account('renew.an'), zoe: account('renew.zoe'), loanId };
}

const expectedItem = (kind: RenewLoanKind, loanId: number): RenewItemResult => ({ loanId, ...RENEW_EXPECTED[kind] }) as RenewItemResult;

async function loanState(t: TestDb, ids: number[]) {
  const rows = await t.db
    .select({ id: loans.id, dueOn: loans.dueOn, renewals: loans.renewals })
    .from(loans)
    .where(inArray(loans.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

function okData(result: Awaited<ReturnType<typeof renewLoansForAccount>>): RenewLoansResponse {
  if (!result.ok) throw new Error(`renewal failed: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** Every table but the two a request always writes (its answer and its log). */
function withoutRequestTables(s: Snapshot): Snapshot {
  const { renewal_log: _log, renewal_requests: _requests, ...rest } = s;
  return rest;
}

describeOnDatabases('renewLoansForAccount (%s)', (t) => {
  let s: Scenario;

  beforeAll(async () => {
    s = await loadScenario(t);
  });

  it('P3/RN1: another account’s loan id and an unknown id are refused as not_linked; nothing about them changes', async () => {
    const before = await snapshotDatabase(t.db);
    const requestKey = randomUUID();
    const data = okData(
      await renewLoansForAccount(t.db, s.an, { requestKey, loanIds: [s.loanId.otherAccount, 2_000_000_000] }, today),
    );
    expect(data.items).toEqual([
      { loanId: s.loanId.otherAccount, outcome: 'refused', reason: 'not_linked' },
      { loanId: 2_000_000_000, outcome: 'refused', reason: 'not_linked' },
    ]);
    expect([data.renewed, data.refused]).toEqual([0, 2]);
    expect(withoutRequestTables(await snapshotDatabase(t.db))).toEqual(withoutRequestTables(before));
    // The attempt on the existing foreign loan is in the audit log; the unknown id cannot be.
    const log = await t.db.select().from(renewalLog).where(eq(renewalLog.requestKey, requestKey));
    expect(log.map((l) => [l.loanId, l.accountId, l.result, l.reason])).toEqual([[s.loanId.otherAccount, s.an.accountId, 'refused', 'not_linked']]);
  });

  it('renew a selection renews only those (RN6, RN8: the late fee stays)', async () => {
    const ids = [s.loanId.overdue, s.loanId.reserved];
    const others = ZO_KINDS.filter((k) => k !== 'overdue' && k !== 'reserved').map((k) => s.loanId[k]);
    const othersBefore = await loanState(t, others);
    const data = okData(await renewLoansForAccount(t.db, s.an, { requestKey: randomUUID(), cardSlug: 'zo', loanIds: ids }, today));
    expect(data.items).toEqual([expectedItem('overdue', s.loanId.overdue), expectedItem('reserved', s.loanId.reserved)]);
    expect([data.renewed, data.refused, data.replayed]).toEqual([1, 1, false]);
    const after = await loanState(t, [...ids, ...others]);
    expect(after.get(s.loanId.overdue)).toMatchObject({ dueOn: '2026-12-18', renewals: 1 });
    expect(after.get(s.loanId.reserved)).toMatchObject({ dueOn: '2026-11-29', renewals: 0 });
    for (const id of others) expect(after.get(id)).toEqual(othersBefore.get(id));
    // RN8: the late fee already due is still unpaid.
    const lateFees = await t.db.select({ paidOn: fees.paidOn }).from(fees).where(eq(fees.description, 'Te laat: Te laat'));
    expect(lateFees).toEqual([{ paidOn: null }]);
  });

  it('renew all on a card gives exactly the right outcome per loan, one log row per attempt', async () => {
    const requestKey = randomUUID();
    const data = okData(await renewLoansForAccount(t.db, s.an, { requestKey, cardSlug: 'zo', all: true }, today));
    const expected = ZO_KINDS.map((kind) =>
      // Renewed by the selection above, today: renewing again would give no later date.
      kind === 'overdue' ? { loanId: s.loanId.overdue, outcome: 'refused', reason: 'no_extension' } : expectedItem(kind, s.loanId[kind]),
    ).sort((a, b) => a.loanId - b.loanId);
    expect(data.items).toEqual(expected);
    expect([data.renewed, data.refused]).toEqual([3, 6]);
    const state = await loanState(t, ZO_KINDS.map((k) => s.loanId[k]));
    expect(state.get(s.loanId.renewable)).toMatchObject({ dueOn: '2026-12-18', renewals: 1 });
    expect(state.get(s.loanId.cappedRenewed)).toMatchObject({ dueOn: '2026-12-05', renewals: 1 });
    expect(state.get(s.loanId.maxRenewals)).toMatchObject({ dueOn: '2026-11-29', renewals: 2 });
    const log = await t.db.select().from(renewalLog).where(eq(renewalLog.requestKey, requestKey));
    expect(log).toHaveLength(ZO_KINDS.length);
    expect(log.find((l) => l.loanId === s.loanId.cappedRenewed)).toMatchObject({ result: 'renewed', newDueOn: '2026-12-05', reason: null });
    expect(log.find((l) => l.loanId === s.loanId.feeBlock)).toMatchObject({ result: 'refused', reason: 'fee_block', newDueOn: null });
  });

  it('R11/RN4: the Dutch guest whose home membership ended cannot renew (lone-library card)', async () => {
    const data = okData(await renewLoansForAccount(t.db, s.an, { requestKey: randomUUID(), cardSlug: 'nl-0702881037', all: true }, today));
    expect(data.items).toEqual([expectedItem('guestHomeEnded', s.loanId.guestHomeEnded)]);
  });

  it('a loan id of the account that is not on the given card is refused (not_linked) and untouched', async () => {
    const data = okData(
      await renewLoansForAccount(t.db, s.an, { requestKey: randomUUID(), cardSlug: 'zo', loanIds: [s.loanId.guestHomeEnded] }, today),
    );
    expect(data.items).toEqual([{ loanId: s.loanId.guestHomeEnded, outcome: 'refused', reason: 'not_linked' }]);
  });

  it('a card that is not the account’s renews nothing (P3)', async () => {
    const data = okData(await renewLoansForAccount(t.db, s.zoe, { requestKey: randomUUID(), cardSlug: 'nl-0702881037', all: true }, today));
    expect(data.items).toEqual([]);
  });

  it('hostile input is refused with typed errors, before anything is written', async () => {
    const before = await snapshotDatabase(t.db);
    const bad: unknown[] = [
      null,
      'renew',
      { requestKey: 'not-a-uuid', loanIds: [1] },
      { requestKey: randomUUID(), loanIds: [0] },
      { requestKey: randomUUID(), loanIds: [-1] },
      { requestKey: randomUUID(), loanIds: [1.5] },
      { requestKey: randomUUID(), loanIds: ['1'] },
      { requestKey: randomUUID(), loanIds: Array.from({ length: 501 }, (_, i) => i + 1) },
      { requestKey: randomUUID(), loanIds: [] },
      { requestKey: randomUUID(), all: true },
      { requestKey: randomUUID(), all: true, cardSlug: 'zo', loanIds: [1] },
      { requestKey: randomUUID(), all: true, cardSlug: "zo' or 1=1 --" },
      { requestKey: randomUUID(), loanIds: [1], accountId: 1 },
    ];
    for (const input of bad) {
      const result = await renewLoansForAccount(t.db, s.an, input, today);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: 'invalid_input' });
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });
});

describeOnDatabases('renewLoansForAccount idempotency and concurrency — RN7 (%s)', (t) => {
  let s: Scenario;

  beforeAll(async () => {
    s = await loadScenario(t);
  });

  it('RN7: the same requestKey twice renews once and answers the same response', async () => {
    const requestKey = randomUUID();
    const input = { requestKey, loanIds: [s.loanId.renewable, s.loanId.maxRenewals] };
    const first = okData(await renewLoansForAccount(t.db, s.an, input, today));
    const second = okData(await renewLoansForAccount(t.db, s.an, input, today));
    expect(first.items).toEqual([expectedItem('renewable', s.loanId.renewable), expectedItem('maxRenewals', s.loanId.maxRenewals)]);
    expect({ ...second, replayed: false }).toEqual(first);
    expect(second.replayed).toBe(true);
    expect((await loanState(t, [s.loanId.renewable])).get(s.loanId.renewable)).toMatchObject({ renewals: 1, dueOn: '2026-12-18' });
    expect(await t.db.select().from(renewalLog).where(eq(renewalLog.requestKey, requestKey))).toHaveLength(2);
    expect(await t.db.select().from(renewalRequests).where(eq(renewalRequests.requestKey, requestKey))).toHaveLength(1);
  });

  it('RN7: the same requestKey used for a different request is refused, not answered with the other result', async () => {
    const requestKey = randomUUID();
    okData(await renewLoansForAccount(t.db, s.an, { requestKey, loanIds: [s.loanId.reserved] }, today));
    const reused = await renewLoansForAccount(t.db, s.an, { requestKey, cardSlug: 'zo', all: true }, today);
    expect(reused).toEqual({ ok: false, code: 'request_key_reused' });
  });

  it('RN7: the same requestKey sent twice at once renews once; both get the first answer', async () => {
    const requestKey = randomUUID();
    const input = { requestKey, loanIds: [s.loanId.overdue] };
    const [a, b] = (await Promise.all([1, 2].map(() => renewLoansForAccount(t.db, s.an, input, today)))).map(okData);
    expect(a!.items).toEqual(b!.items);
    expect([a!.replayed, b!.replayed].sort()).toEqual([false, true]);
    expect((await loanState(t, [s.loanId.overdue])).get(s.loanId.overdue)).toMatchObject({ renewals: 1, dueOn: '2026-12-18' });
  });
});

describeOnDatabases('renewLoansForAccount under concurrency — RN7 (%s)', (t) => {
  let s: Scenario;

  beforeAll(async () => {
    s = await loadScenario(t);
  });

  it('RN7: 20 parallel renew-all requests with different keys renew every renewable loan exactly once', async () => {
    const ids = ZO_KINDS.map((k) => s.loanId[k]);
    const before = await loanState(t, ids);
    const results = (
      await Promise.all(
        Array.from({ length: 20 }, () => renewLoansForAccount(t.db, s.an, { requestKey: randomUUID(), cardSlug: 'zo', all: true }, today)),
      )
    ).map(okData);
    const after = await loanState(t, ids);
    const renewableNow = ZO_KINDS.filter((k) => RENEW_EXPECTED[k].outcome === 'renewed');
    for (const kind of ZO_KINDS) {
      const id = s.loanId[kind];
      const rise = renewableNow.includes(kind) ? 1 : 0;
      expect(after.get(id)!.renewals, kind).toBe(before.get(id)!.renewals + rise);
      if (rise) expect(after.get(id)!.dueOn, kind).toBe((RENEW_EXPECTED[kind] as { newDueOn: string }).newDueOn);
      else expect(after.get(id)!.dueOn, kind).toBe(before.get(id)!.dueOn);
    }
    // Every request reports each of them as renewed (its own or the concurrent renewal's result) or,
    // once renewed today, as giving no later date; no request reports a second renewal.
    for (const kind of renewableNow) {
      const outcomes = results.map((r) => r.items.find((i) => i.loanId === s.loanId[kind])!);
      for (const o of outcomes) {
        expect(o.outcome === 'renewed' ? o.newDueOn : o.reason, kind).toBe(
          o.outcome === 'renewed' ? (RENEW_EXPECTED[kind] as { newDueOn: string }).newDueOn : kind === 'cappedRenewed' ? 'membership_ends' : 'no_extension',
        );
      }
    }
    const renewedLogRows = await t.db
      .select()
      .from(renewalLog)
      .where(inArray(renewalLog.loanId, renewableNow.map((k) => s.loanId[k])));
    expect(renewedLogRows.filter((l) => l.result === 'renewed')).toHaveLength(renewableNow.length);
    // Racers that lost report the winner's result; the log says they renewed nothing themselves.
    const lost = renewedLogRows.filter((l) => l.reason === 'concurrent');
    for (const l of lost) expect(l.result).toBe('refused');
  });
});

describeOnDatabases('renewLoansForAccount round trips — P4 (%s)', (t) => {
  const account: Record<number, SignedInAccount> = {};

  beforeAll(async () => {
    for (const n of [20, 200]) {
      const imported = await importNetwork(t.db, bulkScenario(n));
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const [row] = await t.db.select().from(accounts).where(eq(accounts.username, `bulk${n}`));
      account[n] = { accountId: row!.id, sessionVersion: row!.sessionVersion };
    }
  });

  it('renewing 20 or 200 loans sends the same, small number of statements', async () => {
    const counts: number[] = [];
    for (const n of [20, 200]) {
      t.queries.reset();
      const data = okData(await renewLoansForAccount(t.db, account[n]!, { requestKey: randomUUID(), cardSlug: `b${n}`, all: true }, today));
      counts.push(t.queries.count);
      expect(data.renewed).toBe(n);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(6);

    // A selection of 200 ids, every one now refused (no later date today): still the same bound.
    const ids = (await t.db.select({ id: loans.id }).from(loans)).map((l) => l.id).slice(0, 200);
    t.queries.reset();
    okData(await renewLoansForAccount(t.db, account[200]!, { requestKey: randomUUID(), loanIds: ids }, today));
    expect(t.queries.count).toBeLessThanOrEqual(counts[1]!);
  });
});
