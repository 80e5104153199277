import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnDatabases } from '@/test/db';
import { snapshotDatabase } from '@/test/support/snapshot';
import { branches, reservations } from '@/db/schema';
import { getReservationsView } from '@/lib/data/reservations';
import { importCardScenario, TODAY, type ImportedCardScenario } from '@/test/scenarios/cards-imported';
import { cancelReservationForAccount, changePickupForAccount } from './reservations-core';

describeOnDatabases('reservation actions (%s)', (t) => {
  let s: ImportedCardScenario;
  const reservationOf = async (account: ImportedCardScenario['family'], slug: string, title: string) => {
    const view = await getReservationsView(t.db, account, slug, TODAY);
    return view!.reservations.find((r) => r.title === title)!;
  };
  /** A branch by code; codes are unique within this scenario. */
  const branchId = async (code: string) => {
    const [row] = await t.db.select({ id: branches.id }).from(branches).where(eq(branches.code, code));
    return row!.id;
  };

  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  it('R3 moves a waiting reservation to another branch of a 3b region', async () => {
    const r = await reservationOf(s.family, s.slugs.zo, 'De ontdekking van de hemel');
    const target = r.pickupOptions.find((b) => b.code === '9861')!;
    expect(await changePickupForAccount(t.db, s.family, { reservationId: r.id, branchId: target.id })).toEqual({ ok: true, data: { reservationId: r.id, branchId: target.id } });
    expect((await reservationOf(s.family, s.slugs.zo, 'De ontdekking van de hemel')).pickup.code).toBe('9861');
  });

  it('R3 refuses a branch of another library in a 3a region, of another region, or a missing branch — nothing changes', async () => {
    const r = await reservationOf(s.family, s.slugs.le, 'Het verdriet van België');
    const nazareth = await branchId('9810');
    const zottegem = await branchId('3550');
    const before = await snapshotDatabase(t.db);
    for (const target of [nazareth, zottegem, 999_999]) {
      expect(await changePickupForAccount(t.db, s.family, { reservationId: r.id, branchId: target })).toMatchObject({ ok: false, code: 'branch_not_allowed' });
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
    const astene = r.pickupOptions.find((b) => b.code === '9801')!;
    expect(await changePickupForAccount(t.db, s.family, { reservationId: r.id, branchId: astene.id })).toMatchObject({ ok: true });
  });

  it('R3 a reservation in transit or ready keeps its pick-up', async () => {
    const r = await reservationOf(s.family, s.slugs.zo, 'De welwillenden');
    const zottegem = await branchId('3550');
    expect(await changePickupForAccount(t.db, s.family, { reservationId: r.id, branchId: zottegem })).toMatchObject({ ok: false, code: 'not_waiting' });
  });

  it('P3 another account\'s reservation id is refused like a missing one and the database is unchanged', async () => {
    const victim = await reservationOf(s.family, s.slugs.zo, 'Het gouden ei');
    const waiting = await reservationOf(s.family, s.slugs.zo, 'De ontdekking van de hemel');
    const before = await snapshotDatabase(t.db);
    expect(await cancelReservationForAccount(t.db, s.mallory, { reservationId: victim.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await changePickupForAccount(t.db, s.mallory, { reservationId: waiting.id, branchId: waiting.pickupOptions[0]!.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await cancelReservationForAccount(t.db, s.mallory, { reservationId: 999_999 })).toEqual({ ok: false, code: 'not_found' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('cancels an active reservation once; a second cancel is refused', async () => {
    const r = await reservationOf(s.family, s.slugs.zo, 'Het gouden ei');
    expect(await cancelReservationForAccount(t.db, s.family, { reservationId: r.id })).toEqual({ ok: true, data: { reservationId: r.id } });
    const [row] = await t.db.select({ status: reservations.status }).from(reservations).where(eq(reservations.id, r.id));
    expect(row?.status).toBe('cancelled');
    expect(await cancelReservationForAccount(t.db, s.family, { reservationId: r.id })).toEqual({ ok: false, code: 'not_active' });
    expect((await getReservationsView(t.db, s.family, s.slugs.zo, TODAY))!.reservations.map((x) => x.title)).not.toContain('Het gouden ei');
  });
});
