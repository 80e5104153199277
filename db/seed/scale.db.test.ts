// The scale generator: deterministic, independent of chunking, accepted by the importer, and with
// the bench account the benchmark needs (6 patron records in 6 libraries, ~200 open loans).
import { describe, expect, it } from 'vitest';
import { count, eq, isNull, and, inArray } from 'drizzle-orm';
import { describeOnDatabases } from '../../test/db';
import { importNetwork } from '../import/import-network';
import { accountPatrons, accounts, loans, memberships, patrons } from '../schema';
import type { FullDocument } from './network';
import { BENCH_ACCOUNT, buildScaleNetwork, scaleDocuments } from './scale';

const TODAY = '2026-03-15';
const N = 200;
const doc = buildScaleNetwork(N, TODAY) as FullDocument;

describe('scale network document', () => {
  it('is deterministic: same input, same output', () => {
    expect(buildScaleNetwork(N, TODAY)).toEqual(doc);
    expect(buildScaleNetwork(N, TODAY, { seed: 7 })).not.toEqual(doc);
  });

  it('does not depend on the chunk size', () => {
    const merged = buildScaleNetwork(N, TODAY, { chunkSize: 37 });
    expect(merged).toEqual(doc);
    expect([...scaleDocuments(N, TODAY, { chunkSize: 37 })]).toHaveLength(1 + Math.ceil(N / 37));
  });

  it('has N patrons with about 20 open loans and 10 returned ones each', () => {
    const scalePatrons = doc.patrons.filter((p) => p.key.startsWith('scale-'));
    expect(scalePatrons).toHaveLength(N);
    const open = doc.loans.filter((l) => l.patron.startsWith('scale-') && l.returnedOn == null).length;
    const returned = doc.loans.filter((l) => l.patron.startsWith('scale-') && l.returnedOn != null).length;
    expect(open / N).toBeGreaterThan(18);
    expect(open / N).toBeLessThan(22);
    expect(returned).toBe(10 * N);
    // One item per open loan plus spare copies.
    expect(doc.items.length).toBeGreaterThan(doc.loans.filter((l) => l.returnedOn == null).length);
    expect(doc.reservations.length).toBeGreaterThan(N / 2);
    expect(doc.fees.length).toBeGreaterThan(N / 10);
    // Spread over libraries of several regions.
    expect(new Set(doc.loans.map((l) => l.library)).size).toBeGreaterThanOrEqual(10);
  });

  it('hashes little: PINs and accounts on only a few records', () => {
    const pins = doc.patrons.flatMap((p) => p.cards ?? []).filter((c) => c.pin).length;
    expect(pins).toBeLessThanOrEqual(N / 1000 + 1 + BENCH_ACCOUNT.patrons.length);
    expect(doc.accounts.length).toBeLessThanOrEqual(N / 2000 + 2);
  });

  it('has the bench account: 6 records, 6 libraries in several regions, 200 open loans', () => {
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
  });
});

describeOnDatabases('importing the scale network (%s)', (t) => {
  it('imports in chunks through the importer, and the bench account is there', async () => {
    for (const d of scaleDocuments(N, TODAY, { chunkSize: 80 })) {
      const result = await importNetwork(t.db, d, { today: TODAY });
      if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 10), null, 2));
    }
    const [{ n: patronCount }] = (await t.db.select({ n: count() }).from(patrons)) as [{ n: number }];
    expect(patronCount).toBe(N + BENCH_ACCOUNT.patrons.length);
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
  });

  it('the same network as one document changes nothing', async () => {
    const result = await importNetwork(t.db, doc, { today: TODAY });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 10), null, 2));
    for (const c of Object.values(result.counts)) expect(c.inserted + c.updated).toBe(0);
  });
});
