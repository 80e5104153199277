// Fresh data from linked libraries (L1–L3): the portal's copy of a patron at a linked library follows that
// library's system — the independent reference SIP2 server — on both databases: loans lent at the
// desk appear with the due dates the server reports, a returned one leaves, the library's fines
// arrive; with the server down nothing changes and the failure is recorded; back up, it works.
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import { accounts, fees, items, libraries, librarySync, loans } from '@/db/schema';
import { todayInBrussels } from '@/lib/domain/dates';
import { describeOnDatabases } from '@/test/db';
import { deskClient } from '@/test/support/sip2-desk';
import { useSip2ReferenceServer } from '@/test/support/use-sip2-reference-server';
import { LINKED_ISIL, SAMPLE_ITEMS, linkedLibraryConfig, linkedLibraryScenario } from '@/test/scenarios/linked-library';
import { refreshAccount } from './refresh';
import { sipDueDate } from './sip2-adapter';
import { createLibrarySystems } from './systems';

const server = useSip2ReferenceServer();

const desk = () => deskClient(server());

describeOnDatabases('refresh from a linked library (reference SIP2 server) on %s', (t) => {
  let accountId: number;
  // Each refresh a minute after the last: the 30-second claim interval is not what is tested here.
  let clock = Date.now();
  const refresh = async () => {
    clock += 60_000;
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      return await refreshAccount(t.db, systems, { accountId }, {}, new Date(clock));
    } finally {
      await systems.closeAll();
    }
  };
  const openLoans = async () =>
    (
      await t.db
        .select({ barcode: items.barcode, dueOn: loans.dueOn })
        .from(loans)
        .innerJoin(items, eq(items.id, loans.itemId))
        .innerJoin(libraries, eq(libraries.id, loans.libraryId))
        .where(and(eq(libraries.isil, LINKED_ISIL), isNull(loans.returnedOn)))
    ).sort((a, b) => a.barcode.localeCompare(b.barcode));

  beforeAll(async () => {
    await server().restart();
    const imported = await importNetwork(t.db, linkedLibraryScenario({ today: todayInBrussels(new Date()) }));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    accountId = (await t.db.select().from(accounts).where(eq(accounts.username, 'david.fiander')))[0]!.id;
  }, 120_000);

  it('L1: loans lent at the desk appear with exactly the due dates the library reports; its fine arrives', async () => {
    const client = desk();
    const due: Record<string, string> = {};
    try {
      for (const item of [SAMPLE_ITEMS.perl, SAMPLE_ITEMS.potter]) {
        expect((await client.checkout('djfiander', item)).ok).toBe(true);
        due[item] = sipDueDate((await client.itemInformation(item)).dueDate)!;
      }
    } finally {
      await client.close();
    }
    expect(await openLoans()).toEqual([]);
    const [result] = await refresh();
    expect(result?.outcome.status).toBe('fetched');
    expect(await openLoans()).toEqual(
      [SAMPLE_ITEMS.perl, SAMPLE_ITEMS.potter].map((barcode) => ({ barcode, dueOn: due[barcode] })).sort((a, b) => a.barcode.localeCompare(b.barcode)),
    );
    // djfiander's sample record carries one fine item, "Computer Time".
    const unpaid = await t.db.select({ description: fees.description }).from(fees).where(isNull(fees.paidOn));
    expect(unpaid.map((f) => f.description)).toContain('Computer Time');
  });

  it('L3: a loan the library no longer lists is returned in the copy', async () => {
    // The portal's client has no checkin (09); a restart empties the sample system's loans, then
    // the desk lends one of the two again: the other was returned.
    await server().restart();
    const client = desk();
    try {
      expect((await client.checkout('djfiander', SAMPLE_ITEMS.perl)).ok).toBe(true);
    } finally {
      await client.close();
    }
    await refresh();
    expect((await openLoans()).map((l) => l.barcode)).toEqual([SAMPLE_ITEMS.perl]);
  });

  it('L3/L4: the library down — the failure is recorded and nothing changes; back up — it works', async () => {
    const before = await openLoans();
    await server().stop();
    const [down] = await refresh();
    expect(down?.outcome).toEqual({ status: 'unreachable', cause: 'unreachable' });
    expect(await openLoans()).toEqual(before);
    const [sync] = await t.db.select().from(librarySync);
    expect(sync?.lastFailure).toBe('unreachable');

    await server().restart();
    const client = desk();
    try {
      expect((await client.checkout('djfiander', SAMPLE_ITEMS.alibi)).ok).toBe(true);
    } finally {
      await client.close();
    }
    const [up] = await refresh();
    expect(up?.outcome.status).toBe('fetched');
    expect((await openLoans()).map((l) => l.barcode)).toEqual([SAMPLE_ITEMS.alibi]);
    expect((await t.db.select().from(librarySync))[0]?.lastFailure).toBeNull();
  });
});
