// The scale generator: deterministic, independent of chunking, calibrated (db/seed/scale-calibration.ts),
// loadable in bulk on both drivers with its indexes and keys back, and with the bench account the
// benchmark needs (6 patron records in 6 libraries, ~200 open loans).
import { describe, expect, it } from 'vitest';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { describeOnDatabases } from '../../test/db';
import { rowsOf } from '../rows';
import { accountPatrons, accounts, loans, memberships, patrons } from '../schema';
import type { FullDocument } from './network';
import { BENCH_ACCOUNT, libraryCount, scaleLibraries, scaleRegions, scaleSkeleton } from './scale';
import { loadScaleNetwork } from './scale-bulk';
import { BULK_TABLES, scaleRows, type ScaleRefs, type ScaleRows } from './scale-rows';
import { TITLES } from './titles';

const TODAY = '2026-03-15';
const N = 200;
const SEED = 20260101;

/** Ids as a database would give them; the rows only add to them. */
function fakeRefs(n: number): ScaleRefs {
  return {
    libraries: scaleLibraries(n).map((l, k) => ({
      id: 100 + k,
      branchIds: l.branches.map((_, b) => 1000 + k * 10 + b),
      typeIds: { VOLW: 10 * k + 1, JEUGD: 10 * k + 2, LEERK: 10 * k + 3 },
    })),
    seedTitleIds: TITLES.map((_, k) => k + 1),
    base: Object.fromEntries(BULK_TABLES.map((t) => [t, 10_000])) as ScaleRefs['base'],
  };
}

function inChunks(n: number, size: number, refs: ScaleRefs): ScaleRows {
  const parts: ScaleRows[] = [];
  for (let from = 0; from < n; from += size) parts.push(scaleRows(n, TODAY, from, from + size, refs, SEED));
  const out = { counts: {} } as ScaleRows;
  for (const t of BULK_TABLES) {
    out[t] = parts.map((p) => p[t]).join('');
    out.counts[t] = parts.reduce((s, p) => s + p.counts[t], 0);
  }
  return out;
}

const column = (rows: string, k: number) => rows.trimEnd().split('\n').map((line) => line.split('\t')[k] as string);

describe('scale network rows', () => {
  const refs = fakeRefs(N);
  const whole = scaleRows(N, TODAY, 0, N, refs, SEED);

  it('is deterministic: same input, same output', () => {
    expect(scaleRows(N, TODAY, 0, N, refs, SEED)).toEqual(whole);
    expect(scaleRows(N, TODAY, 0, N, refs, 7)).not.toEqual(whole);
  });

  it('does not depend on the chunk size', () => {
    expect(inChunks(N, 37, refs)).toEqual(whole);
    expect(inChunks(N, 1, refs)).toEqual(whole);
  });

  it('never repeats an id, a barcode, an open item or an (item, lent on) pair', () => {
    const rows = scaleRows(3000, TODAY, 0, 3000, fakeRefs(3000), SEED);
    for (const t of BULK_TABLES) if (rows.counts[t] > 0) expect(new Set(column(rows[t], 0)).size).toBe(rows.counts[t]);
    expect(new Set(column(rows.items, 1)).size).toBe(rows.counts.items);
    const loanLines = rows.loans.trimEnd().split('\n').map((l) => l.split('\t'));
    const open = loanLines.filter((l) => l[8] === '\\N').map((l) => l[1]);
    expect(new Set(open).size).toBe(open.length);
    expect(new Set(loanLines.map((l) => `${l[1]}/${l[5]}`)).size).toBe(loanLines.length);
  });

  it('follows the calibration: ~17 items, ~2.3 open loans, ~24 history rows, ~0.25 reservations per patron', () => {
    const n = 3000;
    const rows = scaleRows(n, TODAY, 0, n, fakeRefs(n), SEED);
    expect(rows.counts.patrons).toBe(n);
    const open = column(rows.loans, 8).filter((v) => v === '\\N').length;
    const perPatron = new Map<string, number>();
    for (const line of rows.loans.trimEnd().split('\n')) {
      const f = line.split('\t');
      if (f[8] === '\\N') perPatron.set(f[2] as string, (perPatron.get(f[2] as string) ?? 0) + 1);
    }
    expect(rows.counts.items / n).toBeGreaterThan(17);
    expect(rows.counts.items / n).toBeLessThan(18.5);
    expect(open / n).toBeGreaterThan(1.8);
    expect(open / n).toBeLessThan(2.9);
    // Skewed: about half hold nothing, some hold dozens.
    expect(1 - perPatron.size / n).toBeGreaterThan(0.4);
    expect(Math.max(...perPatron.values())).toBeGreaterThanOrEqual(20);
    expect((rows.counts.loans - open) / n).toBeGreaterThan(20);
    expect((rows.counts.loans - open) / n).toBeLessThan(29);
    expect(rows.counts.reservations / n).toBeGreaterThan(0.15);
    expect(rows.counts.reservations / n).toBeLessThan(0.35);
    // Reservations pile up on the first ranks: the top title has a long queue.
    const queues = new Map<string, number>();
    for (const id of column(rows.reservations, 1)) queues.set(id, (queues.get(id) ?? 0) + 1);
    expect(Math.max(...queues.values())).toBeGreaterThanOrEqual(30);
  });

  it('grows the network with N: ~4 754 patrons a library, six libraries a generated region', () => {
    expect(libraryCount(200)).toBe(14);
    expect(libraryCount(150_000)).toBe(32);
    expect(libraryCount(1_450_000)).toBe(305);
    expect(scaleRegions(150_000).map((r) => r.code)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
    expect(new Set(scaleLibraries(1_450_000).map((l) => l.isil)).size).toBe(305);
  });

  it('has the bench account in the skeleton: 6 records, 6 libraries in several regions, 200 open loans', () => {
    const doc = scaleSkeleton(N, TODAY) as FullDocument;
    const bench = doc.accounts.find((a) => a.username === BENCH_ACCOUNT.username);
    expect(bench?.patrons).toHaveLength(6);
    const libs = doc.patrons.filter((p) => bench?.patrons?.includes(p.key)).flatMap((p) => p.memberships ?? []);
    expect(new Set(libs.map((m) => m.library)).size).toBe(6);
    const regionOf = (isil: string) => doc.libraries.find((l) => l.isil === isil)?.region ?? isil;
    expect(new Set(libs.map((m) => regionOf(m.library))).size).toBeGreaterThanOrEqual(3);
    const open = doc.loans.filter((l) => bench?.patrons?.includes(l.patron) && l.returnedOn == null);
    expect(open).toHaveLength(BENCH_ACCOUNT.openLoans);
    // Renewable benchmark: no fees on the bench records.
    expect(doc.fees.filter((f) => bench?.patrons?.includes(f.patron))).toHaveLength(0);
    // The same account whatever N: the big network's skeleton holds the same bench records.
    const big = scaleSkeleton(150_000, TODAY) as FullDocument;
    expect(big.patrons).toEqual(doc.patrons);
    expect(big.loans).toEqual(doc.loans);
  });
});

describeOnDatabases('bulk-loading the scale network (%s)', (t) => {
  const indexes = async () =>
    rowsOf<{ name: string; def: string }>(
      await t.db.execute(sql`select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() order by indexname`),
    );
  const foreignKeys = async () =>
    rowsOf<{ name: string }>(await t.db.execute(sql`select conname as name from pg_constraint where contype = 'f' order by conname`));

  it('loads N patrons and the bench account, with every index and foreign key back', async () => {
    const before = await indexes();
    const keysBefore = await foreignKeys();
    const result = await loadScaleNetwork(t, N, TODAY, { chunkSize: 80 });
    expect(result.skipped).toBe(false);
    expect(await indexes()).toEqual(before);
    expect(await foreignKeys()).toEqual(keysBefore);

    const [{ n: patronCount }] = (await t.db.select({ n: count() }).from(patrons)) as [{ n: number }];
    expect(patronCount).toBe(N + BENCH_ACCOUNT.patrons.length);
    const [{ n: loanCount }] = (await t.db.select({ n: count() }).from(loans)) as [{ n: number }];
    expect(loanCount).toBe(result.counts.loans + BENCH_ACCOUNT.openLoans + 10 * BENCH_ACCOUNT.patrons.length);
    const linked = await t.db
      .select({ patronId: accountPatrons.patronId })
      .from(accountPatrons)
      .innerJoin(accounts, eq(accounts.id, accountPatrons.accountId))
      .where(eq(accounts.username, BENCH_ACCOUNT.username));
    expect(linked).toHaveLength(6);
    const ids = linked.map((l) => l.patronId);
    const [{ n: benchMemberships }] = (await t.db
      .select({ n: count() })
      .from(memberships)
      .where(inArray(memberships.patronId, ids))) as [{ n: number }];
    expect(benchMemberships).toBe(6);
    const [{ n: open }] = (await t.db
      .select({ n: count() })
      .from(loans)
      .where(and(inArray(loans.patronId, ids), isNull(loans.returnedOn)))) as [{ n: number }];
    expect(open).toBe(BENCH_ACCOUNT.openLoans);
    // The serials moved past the explicit ids: a new row does not collide.
    const { next } = rowsOf<{ next: number }>(await t.db.execute(sql`select nextval(pg_get_serial_sequence('loans', 'id'))::int as next`))[0]!;
    const { max } = rowsOf<{ max: number }>(await t.db.execute(sql`select max(id)::int as max from loans`))[0]!;
    expect(Number(next)).toBeGreaterThan(Number(max));
  });

  it('loading again keeps the network as it is', async () => {
    const result = await loadScaleNetwork(t, N, TODAY);
    expect(result.skipped).toBe(true);
    const [{ n: patronCount }] = (await t.db.select({ n: count() }).from(patrons)) as [{ n: number }];
    expect(patronCount).toBe(N + BENCH_ACCOUNT.patrons.length);
  });
});
