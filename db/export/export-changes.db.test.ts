// On a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): the export of a
// library's unconfirmed portal changes (only unconfirmed, only that library, in order, --since,
// every kind by the import format's natural keys, no secret, valid against the committed JSON
// Schema checked by an independent validator), and --ack (exactly the listed unconfirmed changes
// of that library; twice is harmless; another library's or a bad document changes nothing).
// The network comes from the importer; the change rows are inserted directly, in the shapes of
// lib/domain/portal-changes.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/db';
import { accounts, items, libraries, loans, patrons, portalChanges, reservations, titles } from '../schema';
import { FIXTURE_PASSWORD, FIXTURE_PINS, networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from '../import/import-network';
import { ackChanges, type AckResult } from './ack-changes';
import { CHANGES_FORMAT, type ChangesDocument } from './changes-schema';
import { CHANGES_JSON_SCHEMA_PATH } from './json-schema';
import { exportChanges, type ExportResult } from './export-changes';

const root = path.resolve(import.meta.dirname, '../..');
// ajv-formats is CommonJS: its default export arrives wrapped under some module settings.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateAgainstJsonSchema = ajv.compile(JSON.parse(readFileSync(path.join(root, CHANGES_JSON_SCHEMA_PATH), 'utf8')));

function expectExported(result: ExportResult): ChangesDocument {
  if (!result.ok) throw new Error(`export refused: ${result.message}`);
  return result.document;
}

function expectAcked(result: AckResult): Extract<AckResult, { ok: true }> {
  if (!result.ok) throw new Error(`ack refused:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result;
}

type Kind = (typeof portalChanges.$inferInsert)['kind'];

describeOnDatabases('export and acknowledge portal changes (%s)', (t) => {
  const id: Record<string, number> = {};
  /** Change ids by a name used in the tests. */
  const change: Record<string, number> = {};

  async function insertChange(
    name: string,
    values: { kind: Kind; at: string; library: string; patron?: string; loan?: string; reservation?: string; details?: object; status?: 'confirmed' | 'rejected' },
  ): Promise<number> {
    const [row] = await t.db
      .insert(portalChanges)
      .values({
        kind: values.kind,
        occurredAt: sql`${values.at}::timestamptz` as unknown as Date,
        accountId: id.account!,
        patronId: values.patron ? id[values.patron] : null,
        libraryId: id[values.library]!,
        loanId: values.loan ? id[values.loan] : null,
        reservationId: values.reservation ? id[values.reservation] : null,
        details: values.details ?? {},
        ...(values.status === 'confirmed' ? { status: 'confirmed', resolvedBy: 'import', resolvedAt: new Date() } : {}),
        ...(values.status === 'rejected'
          ? { status: 'rejected', resolvedBy: 'import', resolvedAt: new Date(), rejectedReason: 'loan_returned' }
          : {}),
      })
      .returning({ id: portalChanges.id });
    change[name] = row!.id;
    return row!.id;
  }

  async function statuses(ids: number[]) {
    const rows = await t.db
      .select({ id: portalChanges.id, status: portalChanges.status, resolvedBy: portalChanges.resolvedBy, resolvedAt: portalChanges.resolvedAt })
      .from(portalChanges)
      .where(inArray(portalChanges.id, ids));
    return Object.fromEntries(rows.map((r) => [r.id, r]));
  }

  async function allStatuses() {
    const rows = await t.db.select({ id: portalChanges.id, status: portalChanges.status, resolvedBy: portalChanges.resolvedBy }).from(portalChanges);
    return rows.sort((a, b) => a.id - b.id);
  }

  beforeAll(async () => {
    const imported = await importNetwork(t.db, networkFixture());
    if (!imported.ok) throw new Error(imported.errors.map((e) => e.message).join('\n'));
    for (const l of await t.db.select().from(libraries)) id[l.isil] = l.id;
    for (const p of await t.db.select().from(patrons)) id[p.key] = p.id;
    const [account] = await t.db.select().from(accounts).where(eq(accounts.username, 'an.peeters'));
    id.account = account!.id;
    const loanRows = await t.db
      .select({ id: loans.id, barcode: items.barcode, lentOn: loans.lentOn })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId));
    id.anLoan = loanRows.find((l) => l.barcode === '3000000000017')!.id;
    id.bertLoan = loanRows.find((l) => l.barcode === '3000000000024' && l.lentOn === '2026-11-05')!.id;
    const resRows = await t.db
      .select({ id: reservations.id, title: titles.key })
      .from(reservations)
      .innerJoin(titles, eq(titles.id, reservations.titleId));
    id.anReservation = resRows.find((r) => r.title === 'de-avonden')!.id;
    id.bertReservation = resRows.find((r) => r.title === 'max-havelaar')!.id;

    // BE-ZOT01: one of each kind, inserted out of time order; two at the same moment.
    await insertChange('renewal', {
      kind: 'renewal', at: '2026-11-20T10:00:00.123456Z', library: 'BE-ZOT01', patron: 'an', loan: 'anLoan',
      details: { oldDueOn: '2026-11-29', newDueOn: '2026-12-27', oldRenewals: 0, newRenewals: 1 },
    });
    await insertChange('cancelled', {
      kind: 'reservation_cancelled', at: '2026-11-20T09:00:00Z', library: 'BE-ZOT01', patron: 'an', reservation: 'anReservation',
      details: { oldStatus: 'waiting' },
    });
    await insertChange('pickup', {
      kind: 'pickup_changed', at: '2026-11-21T08:00:00Z', library: 'BE-ZOT01', patron: 'an', reservation: 'anReservation',
      details: { from: { library: 'BE-ZOT01', branch: '3550' }, to: { library: 'BE-ZOT01', branch: '3551' } },
    });
    await insertChange('historyOn', { kind: 'history_enabled', at: '2026-11-22T08:00:00Z', library: 'BE-ZOT01', patron: 'an' });
    await insertChange('historyOff', {
      kind: 'history_disabled', at: '2026-11-22T08:00:00Z', library: 'BE-ZOT01', patron: 'an', details: { pausedOn: '2026-11-22' },
    });
    await insertChange('historyCleared', {
      kind: 'history_cleared', at: '2026-11-23T08:00:00Z', library: 'BE-ZOT01', patron: 'an', details: { hidden: 3 },
    });
    await insertChange('email', {
      kind: 'account_email_changed', at: '2026-11-24T08:00:00Z', library: 'BE-ZOT01', patron: 'an', details: { email: 'an.nieuw@example.be' },
    });
    await insertChange('password', { kind: 'account_password_changed', at: '2026-11-24T09:00:00Z', library: 'BE-ZOT01', patron: 'an' });
    await insertChange('linked', { kind: 'membership_linked', at: '2026-11-25T08:00:00Z', library: 'BE-ZOT01', patron: 'an' });
    await insertChange('unlinked', { kind: 'membership_unlinked', at: '2026-11-25T09:00:00Z', library: 'BE-ZOT01', patron: 'an' });
    // Bert's loan at BE-ZOT01; he has no card there. The row names no patron: the loan's is taken.
    await insertChange('bertRenewal', {
      kind: 'renewal', at: '2026-11-19T12:00:00Z', library: 'BE-ZOT01', loan: 'bertLoan',
      details: { oldDueOn: '2026-12-03', newDueOn: '2026-12-31', oldRenewals: 0, newRenewals: 1 },
    });
    // Settled ones of BE-ZOT01, and another library's: never in BE-ZOT01's export.
    await insertChange('confirmed', { kind: 'history_enabled', at: '2026-11-21T00:00:00Z', library: 'BE-ZOT01', patron: 'an', status: 'confirmed' });
    await insertChange('rejected', {
      kind: 'renewal', at: '2026-11-21T01:00:00Z', library: 'BE-ZOT01', patron: 'an', loan: 'anLoan', status: 'rejected',
      details: { oldDueOn: '2026-11-29', newDueOn: '2026-12-27', oldRenewals: 0, newRenewals: 1 },
    });
    await insertChange('oosPickup', {
      kind: 'pickup_changed', at: '2026-11-21T08:00:00Z', library: 'BE-OOS01', patron: 'bert', reservation: 'bertReservation',
      details: { from: { library: 'BE-OOS01', branch: '9860' }, to: { library: 'BE-ZOT01', branch: '3550' } },
    });
    await insertChange('oosEmail', {
      kind: 'account_email_changed', at: '2026-11-24T08:00:00Z', library: 'BE-OOS01', patron: 'an', details: { email: 'an.nieuw@example.be' },
    });
  });

  const zotOrder = () => [
    change.bertRenewal, change.cancelled, change.renewal, change.pickup,
    change.historyOn, change.historyOff, // the same moment: by id
    change.historyCleared, change.email, change.password, change.linked, change.unlinked,
  ];

  it('exports only the unconfirmed changes of that library, ordered by time then id, in one statement', async () => {
    t.queries.reset();
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));
    expect(t.queries).toHaveLength(1);
    expect(doc.format).toBe(CHANGES_FORMAT);
    expect(doc.library).toBe('BE-ZOT01');
    expect(doc.since).toBeNull();
    expect(Math.abs(Date.parse(doc.exportedAt) - Date.now())).toBeLessThan(60_000);
    expect(doc.changes.map((c) => c.id)).toEqual(zotOrder());

    const oos = expectExported(await exportChanges(t.db, { library: 'BE-OOS01' }));
    expect(oos.changes.map((c) => c.id)).toEqual([change.oosPickup, change.oosEmail]);
  });

  it('names every record by its natural key, per kind, with the card at that library', async () => {
    const doc = expectExported(await exportChanges(t.db, { library: 'be-zot01' })); // ISIL ignoring case
    expect(doc.library).toBe('BE-ZOT01');
    const an = { patron: 'an', card: '2000123456789' };
    const byId = new Map(doc.changes.map((c) => [c.id, c]));
    expect(byId.get(change.renewal!)).toEqual({
      id: change.renewal, kind: 'renewal', at: '2026-11-20T10:00:00.123Z', ...an,
      loan: { item: '3000000000017', lentOn: '2026-11-01' },
      oldDueOn: '2026-11-29', newDueOn: '2026-12-27', oldRenewals: 0, newRenewals: 1,
    });
    expect(byId.get(change.bertRenewal!)).toEqual({
      id: change.bertRenewal, kind: 'renewal', at: '2026-11-19T12:00:00.000Z', patron: 'bert', card: null,
      loan: { item: '3000000000024', lentOn: '2026-11-05' },
      oldDueOn: '2026-12-03', newDueOn: '2026-12-31', oldRenewals: 0, newRenewals: 1,
    });
    expect(byId.get(change.cancelled!)).toEqual({
      id: change.cancelled, kind: 'reservation_cancelled', at: '2026-11-20T09:00:00.000Z', ...an,
      reservation: { title: 'de-avonden', placedOn: '2026-11-10' }, oldStatus: 'waiting',
    });
    expect(byId.get(change.pickup!)).toEqual({
      id: change.pickup, kind: 'pickup_changed', at: '2026-11-21T08:00:00.000Z', ...an,
      reservation: { title: 'de-avonden', placedOn: '2026-11-10' },
      from: { library: 'BE-ZOT01', branch: '3550' }, to: { library: 'BE-ZOT01', branch: '3551' },
    });
    expect(byId.get(change.historyOn!)).toEqual({ id: change.historyOn, kind: 'history_enabled', at: '2026-11-22T08:00:00.000Z', ...an });
    expect(byId.get(change.historyOff!)).toEqual({
      id: change.historyOff, kind: 'history_disabled', at: '2026-11-22T08:00:00.000Z', ...an, pausedOn: '2026-11-22',
    });
    expect(byId.get(change.historyCleared!)).toEqual({
      id: change.historyCleared, kind: 'history_cleared', at: '2026-11-23T08:00:00.000Z', ...an, hidden: 3,
    });
    expect(byId.get(change.email!)).toEqual({
      id: change.email, kind: 'account_email_changed', at: '2026-11-24T08:00:00.000Z', ...an,
      account: 'an.peeters', email: 'an.nieuw@example.be',
    });
    expect(byId.get(change.password!)).toEqual({
      id: change.password, kind: 'account_password_changed', at: '2026-11-24T09:00:00.000Z', ...an, account: 'an.peeters',
    });
    expect(byId.get(change.linked!)).toEqual({ id: change.linked, kind: 'membership_linked', at: '2026-11-25T08:00:00.000Z', ...an, account: 'an.peeters' });
    expect(byId.get(change.unlinked!)).toEqual({ id: change.unlinked, kind: 'membership_unlinked', at: '2026-11-25T09:00:00.000Z', ...an, account: 'an.peeters' });
    // Keys in the format's order, so a person reading the file sees what and when first.
    expect(Object.keys(byId.get(change.renewal!)!).slice(0, 5)).toEqual(['id', 'kind', 'at', 'patron', 'card']);

    // Another library: the card there, as the library exported it (not the normalised number).
    const oos = expectExported(await exportChanges(t.db, { library: 'BE-OOS01' }));
    expect(oos.changes.find((c) => c.id === change.oosPickup)).toMatchObject({
      patron: 'bert', card: null, reservation: { title: 'max-havelaar', placedOn: '2026-11-12' },
    });
    expect(oos.changes.find((c) => c.id === change.oosEmail)).toMatchObject({ patron: 'an', card: '2000223456789' });
  });

  it('gives the card number as the library wrote it', async () => {
    const bertAtDeinze = await insertChange('deinze', { kind: 'history_enabled', at: '2026-11-26T08:00:00Z', library: 'BE-DEI01', patron: 'bert' });
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-DEI01' }));
    expect(doc.changes).toEqual([
      { id: bertAtDeinze, kind: 'history_enabled', at: '2026-11-26T08:00:00.000Z', patron: 'bert', card: '85.07.30-033.28' },
    ]);
  });

  it('--since keeps the changes made at or after that moment', async () => {
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01', since: new Date('2026-11-22T08:00:00Z') }));
    expect(doc.since).toBe('2026-11-22T08:00:00.000Z');
    expect(doc.changes.map((c) => c.id)).toEqual(zotOrder().slice(4));
    // A change's own `at` (milliseconds) as --since still includes it (the stored moment has microseconds).
    const fromRenewal = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01', since: new Date('2026-11-20T10:00:00.123Z') }));
    expect(fromRenewal.changes[0]?.id).toBe(change.renewal);
    const none = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01', since: new Date('2027-01-01T00:00:00Z') }));
    expect(none.changes).toEqual([]);
  });

  it('exports no secret: no password, PIN or hash, only that the password changed', async () => {
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));
    const text = JSON.stringify(doc);
    const [account] = await t.db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, id.account!));
    for (const secret of [FIXTURE_PASSWORD, FIXTURE_PINS.anCard, FIXTURE_PINS.bertCard, account!.hash, 'argon2']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/"(password|pin|pinHash|passwordHash)"/i);
  });

  it('validates against the committed JSON Schema (ajv, an independent validator)', async () => {
    for (const library of ['BE-ZOT01', 'BE-OOS01', 'BE-GNT01']) {
      const doc = expectExported(await exportChanges(t.db, { library, since: library === 'BE-OOS01' ? new Date('2026-01-01T00:00:00Z') : null }));
      const valid = validateAgainstJsonSchema(JSON.parse(JSON.stringify(doc)));
      expect(validateAgainstJsonSchema.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    // The schema is strict: an extra field, say a secret, is refused by it too.
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));
    const withSecret = JSON.parse(JSON.stringify(doc));
    withSecret.changes[0].password = 'hunter2';
    expect(validateAgainstJsonSchema(withSecret)).toBe(false);
  });

  it('an unknown library is refused; a stored change that cannot be written stops the export', async () => {
    expect(await exportChanges(t.db, { library: 'BE-NOPE01' })).toEqual({
      ok: false, reason: 'unknown_library', message: 'no library with ISIL "BE-NOPE01"',
    });
    const broken = await insertChange('broken', { kind: 'renewal', at: '2026-11-26T08:00:00Z', library: 'BE-GNT01', patron: 'carla', details: { newDueOn: 'soon' } });
    const result = await exportChanges(t.db, { library: 'BE-GNT01' });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'unexportable') throw new Error('expected unexportable');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ id: broken, kind: 'renewal' });
    expect(result.problems[0]!.message).toMatch(/details do not match/);
    await t.db.delete(portalChanges).where(eq(portalChanges.id, broken));
  });

  it('exporting confirms nothing', async () => {
    const before = await allStatuses();
    expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));
    expect(await allStatuses()).toEqual(before);
    expect(before.filter((r) => r.status === 'unconfirmed').length).toBeGreaterThan(10);
  });

  it('a bad document, or one for another library, changes nothing and says why', async () => {
    const before = await allStatuses();
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));

    const notTheFormat = await ackChanges(t.db, { ...doc, format: 'mijn-bibliotheek/network@1' });
    expect(notTheFormat.ok).toBe(false);
    if (!notTheFormat.ok) expect(notTheFormat.errors.map((e) => e.path)).toContain('format');

    const extraField = JSON.parse(JSON.stringify(doc));
    extraField.changes[2].note = 'applied';
    const extra = await ackChanges(t.db, extraField);
    expect(extra).toEqual({ ok: false, errors: [{ path: 'changes[2].note', message: 'unknown field' }] });

    const wrongKind = JSON.parse(JSON.stringify(doc));
    wrongKind.changes[0].kind = 'renewed';
    expect((await ackChanges(t.db, wrongKind)).ok).toBe(false);

    // Relabelled for another library: none of its changes is that library's.
    const relabelled = await ackChanges(t.db, { ...doc, library: 'BE-OOS01' });
    expect(relabelled.ok).toBe(false);
    if (!relabelled.ok) expect(relabelled.errors[0]!.message).toMatch(/none of the 11 listed changes is a change of BE-OOS01/);

    // Asked for one library, given another's document.
    const mismatch = await ackChanges(t.db, doc, { library: 'BE-OOS01' });
    expect(mismatch).toEqual({ ok: false, errors: [{ path: 'library', message: 'the document is for BE-ZOT01, not BE-OOS01' }] });

    const unknownLibrary = await ackChanges(t.db, { ...doc, library: 'BE-NOPE01' });
    expect(unknownLibrary).toEqual({ ok: false, errors: [{ path: 'library', message: 'no library with ISIL "BE-NOPE01"' }] });

    expect(await allStatuses()).toEqual(before);
  });

  it('--ack confirms exactly the listed unconfirmed changes of that library; twice is harmless', async () => {
    const doc = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));
    // Made after the export: not in the document, so not confirmed by it.
    const later = await insertChange('later', { kind: 'history_enabled', at: '2026-11-27T08:00:00Z', library: 'BE-ZOT01', patron: 'an' });
    // Rejected between export and ack (a later import won): stays rejected.
    await t.db
      .update(portalChanges)
      .set({ status: 'rejected', resolvedBy: 'import', resolvedAt: new Date(), rejectedReason: 'reservation_ready' })
      .where(eq(portalChanges.id, change.pickup!));
    // The library applied all but the last change; the document also lists a change of another
    // library and the last change at another moment (as a document of another database would).
    const applied = doc.changes.slice(0, -1);
    const unlisted = doc.changes[doc.changes.length - 1]!;
    const otherLibrary = { ...unlisted, id: change.oosEmail!, kind: 'account_email_changed' as const, account: 'an.peeters', email: 'x@example.be' };
    const otherMoment = { ...unlisted, at: '2026-11-25T09:00:01.000Z' };
    const before = await allStatuses();

    const first = expectAcked(await ackChanges(t.db, { ...doc, changes: [...applied, otherLibrary, otherMoment] }));
    expect(first).toEqual({
      ok: true, library: 'BE-ZOT01', acknowledged: applied.length - 1, alreadySettled: 1, unknown: 2,
      unknownIds: [change.unlinked, change.oosEmail],
    });
    const after = await statuses(before.map((r) => r.id));
    for (const c of applied) {
      if (c.id === change.pickup) continue;
      expect(after[c.id]).toMatchObject({ status: 'confirmed', resolvedBy: 'ack' });
      expect(after[c.id]!.resolvedAt).toBeInstanceOf(Date);
    }
    expect(after[change.pickup!]).toMatchObject({ status: 'rejected', resolvedBy: 'import' });
    expect(after[change.unlinked!]).toMatchObject({ status: 'unconfirmed', resolvedBy: null, resolvedAt: null }); // not listed
    expect(after[later]).toMatchObject({ status: 'unconfirmed' });
    expect(after[change.oosEmail!]).toMatchObject({ status: 'unconfirmed' });
    expect(after[change.oosPickup!]).toMatchObject({ status: 'unconfirmed' });
    // Nothing else moved.
    const changed = before.filter((r) => after[r.id]!.status !== r.status).map((r) => r.id).sort((a, b) => a - b);
    expect(changed).toEqual(applied.map((c) => c.id).filter((i) => i !== change.pickup).sort((a, b) => a - b));

    const confirmedAt = (await statuses([change.renewal!]))[change.renewal!]!.resolvedAt;
    const second = expectAcked(await ackChanges(t.db, { ...doc, changes: applied }));
    expect(second).toMatchObject({ acknowledged: 0, alreadySettled: applied.length, unknown: 0 });
    expect((await statuses([change.renewal!]))[change.renewal!]!.resolvedAt).toEqual(confirmedAt);

    // The next export holds what is still unconfirmed: the unlisted change and the later one.
    const next = expectExported(await exportChanges(t.db, { library: 'BE-ZOT01' }));
    expect(next.changes.map((c) => c.id)).toEqual([change.unlinked, later]);
    const rows = await t.db.select().from(portalChanges).where(and(eq(portalChanges.libraryId, id['BE-ZOT01']!), eq(portalChanges.status, 'unconfirmed')));
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([change.unlinked, later]);
  });

  it('an empty document acknowledges nothing', async () => {
    const result = expectAcked(await ackChanges(t.db, { format: CHANGES_FORMAT, library: 'BE-GNT01', exportedAt: '2026-11-29T10:00:00.000Z', since: null, changes: [] }));
    expect(result).toMatchObject({ acknowledged: 0, alreadySettled: 0, unknown: 0 });
  });
});
