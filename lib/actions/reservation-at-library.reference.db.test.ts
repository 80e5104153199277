// Write-through (L1, L4): cancelling a reservation and moving its pick-up at a linked library
// are asked of its system — the independent reference SIP2 server — and the portal's copy follows
// only its confirmation; on both databases.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import { accounts, branches, reservations, titles } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { todayInBrussels } from '@/lib/domain/dates';
import { createLibrarySystems } from '@/lib/library-systems/systems';
import { describeOnDatabases } from '@/test/db';
import { deskClient } from '@/test/support/sip2-desk';
import { useSip2ReferenceServer } from '@/test/support/use-sip2-reference-server';
import { LINKED_ISIL, SAMPLE_ITEMS, linkedLibraryConfig, linkedLibraryScenario } from '@/test/scenarios/linked-library';
import { cancelReservationForAccount, changePickupForAccount } from './reservations-core';

const today = todayInBrussels(new Date());

const server = useSip2ReferenceServer();

const desk = () => deskClient(server());

/** The holds the library's system lists for djfiander. */
async function holdsAtLibrary(): Promise<string[]> {
  const client = desk();
  try {
    return (await client.patronInformation('djfiander', { summary: 'hold' })).holdItems;
  } finally {
    await client.close();
  }
}

describeOnDatabases('reservations at a linked library (reference SIP2 server) on %s', (t) => {
  let david: SignedInAccount;
  const reservationOf = async (titleKey: string) => {
    const [row] = await t.db
      .select({ id: reservations.id, status: reservations.status, pickupBranchId: reservations.pickupBranchId })
      .from(reservations)
      .innerJoin(titles, eq(titles.id, reservations.titleId))
      .where(eq(titles.key, titleKey));
    return row!;
  };
  const branchId = async (code: string) => (await t.db.select().from(branches).where(eq(branches.code, code)))[0]!.id;

  beforeAll(async () => {
    await server().restart();
    // The patron reserved two items at the library's desk; the portal's copy holds them too.
    const client = desk();
    try {
      for (const item of [SAMPLE_ITEMS.potter, SAMPLE_ITEMS.alibi]) {
        expect((await client.hold('+', 'djfiander', { itemId: item, pickupLocation: 'CENTRAL' })).ok).toBe(true);
      }
    } finally {
      await client.close();
    }
    const doc = linkedLibraryScenario({ today });
    doc.reservations = [
      { title: 'potter', patron: 'david', pickupLibrary: LINKED_ISIL, pickupBranch: 'CENTRAL', placedOn: today, status: 'waiting' },
      { title: 'alibi', patron: 'david', pickupLibrary: LINKED_ISIL, pickupBranch: 'CENTRAL', placedOn: today, status: 'waiting' },
    ];
    const imported = await importNetwork(t.db, doc);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    // What a refresh records: the item each hold is on at the library.
    for (const [key, barcode] of [['potter', SAMPLE_ITEMS.potter], ['alibi', SAMPLE_ITEMS.alibi]] as const) {
      const { id } = await reservationOf(key);
      await t.db.update(reservations).set({ libraryItemBarcode: barcode }).where(eq(reservations.id, id));
    }
    const [row] = await t.db.select().from(accounts).where(eq(accounts.username, 'david.fiander'));
    david = { accountId: row!.id, sessionVersion: row!.sessionVersion };
  }, 120_000);

  it('L1: a pick-up change is made at the library first, then in the copy', async () => {
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    const { id } = await reservationOf('potter');
    const stacks = await branchId('STACKS');
    try {
      expect(await changePickupForAccount(t.db, david, { reservationId: id, branchId: stacks }, systems)).toEqual({
        ok: true,
        data: { reservationId: id, branchId: stacks },
      });
    } finally {
      await systems.closeAll();
    }
    expect((await reservationOf('potter')).pickupBranchId).toBe(stacks);
  });

  it('L1: a cancellation reaches the library: its system no longer lists the hold', async () => {
    const { id } = await reservationOf('potter');
    expect(await holdsAtLibrary()).toHaveLength(2);
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      expect(await cancelReservationForAccount(t.db, david, { reservationId: id }, systems)).toEqual({ ok: true, data: { reservationId: id } });
    } finally {
      await systems.closeAll();
    }
    expect((await reservationOf('potter')).status).toBe('cancelled');
    // The sample system lists holds by an internal reference rather than the item's barcode (a quirk
    // of its Perl, docs/sip2.md), so the count is what can be compared: one of the two is gone.
    expect(await holdsAtLibrary()).toHaveLength(1);
  });

  it('L1: a second cancellation is refused by the library in its own words; the copy is unchanged', async () => {
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    const { id } = await reservationOf('potter');
    expect(await holdsAtLibrary()).toHaveLength(1);
    // Make the copy disagree with the library (the hold is already gone there).
    await t.db.update(reservations).set({ status: 'waiting' }).where(eq(reservations.id, id));
    try {
      expect(await cancelReservationForAccount(t.db, david, { reservationId: id }, systems)).toEqual({
        ok: false,
        code: 'library_refused',
        library: { name: 'Bibliotheek Referentie', message: 'No such hold on patron record.' },
      });
    } finally {
      await systems.closeAll();
    }
    expect((await reservationOf('potter')).status).toBe('waiting');
  });

  it('L4: the library down — "cannot be reached", nothing changed; back up — the cancellation goes through', async () => {
    const { id, status } = await reservationOf('alibi');
    await server().stop();
    const down = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      expect(await cancelReservationForAccount(t.db, david, { reservationId: id }, down)).toEqual({
        ok: false,
        code: 'library_unreachable',
        library: { name: 'Bibliotheek Referentie', message: null },
      });
      expect(await changePickupForAccount(t.db, david, { reservationId: id, branchId: await branchId('STACKS') }, down)).toMatchObject({
        ok: false,
        code: 'library_unreachable',
      });
    } finally {
      await down.closeAll();
    }
    expect(await reservationOf('alibi')).toMatchObject({ status });
    await server().restart();
    const client = desk();
    try {
      expect((await client.hold('+', 'djfiander', { itemId: SAMPLE_ITEMS.alibi, pickupLocation: 'CENTRAL' })).ok).toBe(true);
    } finally {
      await client.close();
    }
    const up = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      expect(await cancelReservationForAccount(t.db, david, { reservationId: id }, up)).toEqual({ ok: true, data: { reservationId: id } });
    } finally {
      await up.closeAll();
    }
    expect((await reservationOf('alibi')).status).toBe('cancelled');
  });
});
