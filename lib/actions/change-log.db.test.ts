// The change log — every change the portal makes is recorded in `portal_changes`, one row per library it
// concerns, by the statement or transaction that makes it; against both databases. A linked
// library's confirmation (L1) makes the row `confirmed` by the library; a refusal, an unreachable or
// unanswered library, or an action that changes nothing records nothing. The linked library is a
// scripted LibrarySystem (the pattern of renew-at-library.db.test.ts), not the reference SIP2 server.
import { randomUUID } from 'node:crypto';
import { eq, gt, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import type { NetworkDocument } from '@/db/import/schema';
import { accounts, branches, items, libraries, loans, passwordResetTokens, patrons, portalChanges, reservations, titles } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { newToken } from '@/lib/auth/link-token';
import { confirmEmailChange } from '@/test/support/identity-actions';
import { resetPassword } from '@/test/support/identity-actions';
import { addDays } from '@/lib/domain/dates';
import { LibraryUnavailableError, type LibraryAnswer, type LibrarySystem, type LibrarySystems } from '@/lib/library-systems/port';
import type { Mail } from '@/lib/mail/transport';
import { describeOnDatabases } from '@/test/db';
import { IMPORT_ONLY_ISIL, IMPORT_ONLY_ITEM, LINKED_ISIL, LINKED_PASSWORD, SAMPLE_ITEMS, linkedLibraryScenario } from '@/test/scenarios/linked-library';
import { changeEmailForAccount, changePasswordForAccount } from './account-settings-core';
import { activateAccount } from '@/test/support/identity-actions';
import { clearHistoryForAccount, setHistoryRecordingForAccount } from './history-core';
import { linkPatronForAccount } from './link-membership-core';
import { renewLoansForAccount } from './renew-loans-core';
import { cancelReservationForAccount, changePickupForAccount } from './reservations-core';
import { unlinkPatronForAccount } from './unlink-membership-core';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T10:00:00Z');
const CARD = 'ref'; // the region card of both libraries
const LIBRARY_DUE = addDays(TODAY, 30); // what the linked library answers to a renewal
const ERIK = { cardNumber: '2000999999999', pin: '2468' };
const FIEN = { cardNumber: '2000888888888', pin: '1357' };
const NEW_PASSWORD = 'een heel lang nieuw wachtwoord';
const RESET_PASSWORD = 'het wachtwoord van de herstellink';

/** The linked-library scenario plus reservations, returned loans, a second linked patron and patrons to link or activate. */
function scenario(): NetworkDocument {
  const base = linkedLibraryScenario({
    today: TODAY,
    linkedLoans: [
      { item: SAMPLE_ITEMS.perl, patron: 'david', dueOn: addDays(TODAY, 5) },
      { item: SAMPLE_ITEMS.alibi, patron: 'david', dueOn: addDays(TODAY, 5) },
    ],
  });
  const membership = (library: string) => ({ library, type: 'VOLW', start: addDays(TODAY, -200), end: addDays(TODAY, 300) });
  const reservation = (title: string, library: string, branch: string, status: 'waiting' | 'in_transit') => ({
    title, patron: 'david', pickupLibrary: library, pickupBranch: branch, placedOn: addDays(TODAY, -10), status, readyUntil: null,
  });
  const reserved = ['linkedCancel', 'linkedMove', 'linkedRefused', 'importCancel', 'importMove'];
  // Returned loans for the history: two at the import-only library, one at the linked one.
  const returned = [
    { barcode: '3900000000101', library: IMPORT_ONLY_ISIL, branch: '9999' },
    { barcode: '3900000000102', library: IMPORT_ONLY_ISIL, branch: '9999' },
    { barcode: '3900000000103', library: LINKED_ISIL, branch: 'CENTRAL' },
  ];
  return {
    ...base,
    patrons: [
      ...(base.patrons ?? []),
      {
        key: 'erik', givenName: 'Erik', familyName: 'Claes',
        memberships: [membership(LINKED_ISIL), membership(IMPORT_ONLY_ISIL)],
        cards: [{ library: IMPORT_ONLY_ISIL, number: ERIK.cardNumber, pin: ERIK.pin }],
      },
      {
        key: 'fien', givenName: 'Fien', familyName: 'Maes',
        memberships: [membership(IMPORT_ONLY_ISIL)],
        cards: [{ library: IMPORT_ONLY_ISIL, number: FIEN.cardNumber, pin: FIEN.pin }],
      },
    ],
    accounts: [
      { username: 'david.fiander', email: 'david@example.be', password: LINKED_PASSWORD, patrons: ['david', 'mike'] },
      { username: 'nobody.linked', email: 'nobody@example.be', password: LINKED_PASSWORD, patrons: [] },
    ],
    titles: [...(base.titles ?? []), ...reserved.map((key) => ({ key, title: `Titel ${key}`, material: 'book' as const }))],
    reservations: [
      reservation('linkedCancel', LINKED_ISIL, 'CENTRAL', 'waiting'),
      reservation('linkedMove', LINKED_ISIL, 'CENTRAL', 'waiting'),
      reservation('linkedRefused', LINKED_ISIL, 'CENTRAL', 'waiting'),
      reservation('importCancel', IMPORT_ONLY_ISIL, '9999', 'in_transit'),
      reservation('importMove', IMPORT_ONLY_ISIL, '9999', 'waiting'),
    ],
    items: [...(base.items ?? []), ...returned.map((r) => ({ barcode: r.barcode, title: 'import', library: r.library, branch: r.branch }))],
    loans: [
      ...(base.loans ?? []),
      ...returned.map((r) => ({
        item: r.barcode, patron: 'david', library: r.library, branch: r.branch,
        lentOn: addDays(TODAY, -60), dueOn: addDays(TODAY, -32), renewals: 0, returnedOn: addDays(TODAY, -40),
      })),
    ],
  };
}

type Answer = LibraryAnswer<{ dueOn: string | null }> | LibraryAnswer | 'unreachable' | 'unconfirmed';

/** The linked library BE-REF01, answering as scripted: renewals by item barcode, holds by title. */
function scriptedLibrary(script: { renew?: Record<string, Answer>; hold?: Record<string, Answer> }): LibrarySystems {
  const answer = async (a: Answer | undefined) => {
    if (a === 'unreachable' || a === 'unconfirmed') throw new LibraryUnavailableError(LINKED_ISIL, a);
    return a ?? { ok: false as const, message: 'not scripted' };
  };
  const system = {
    isil: LINKED_ISIL,
    renew: (_patron: string, barcode: string) => answer(script.renew?.[barcode]),
    cancelHold: (_patron: string, hold: { title: string | null }) => answer(script.hold?.[hold.title ?? '']),
    changePickup: (_patron: string, hold: { title: string | null }) => answer(script.hold?.[hold.title ?? '']),
  } as unknown as LibrarySystem;
  return { forLibrary: (isil) => (isil.toUpperCase() === LINKED_ISIL ? system : null), linkedIsils: () => [LINKED_ISIL] };
}

/** A row as the tests compare it. */
interface Change {
  accountId: number;
  patronId: number | null;
  libraryId: number | null;
  kind: string;
  loanId: number | null;
  reservationId: number | null;
  details: unknown;
  status: string;
  resolvedBy: string | null;
  resolved: boolean;
}

const order = (a: Change, b: Change) =>
  (a.patronId ?? 0) - (b.patronId ?? 0) || (a.libraryId ?? 0) - (b.libraryId ?? 0) || (a.loanId ?? 0) - (b.loanId ?? 0);

describeOnDatabases('issue 13 §1: every change the portal makes is recorded (%s)', (t) => {
  const lib: Record<'linked' | 'importOnly', number> = { linked: 0, importOnly: 0 };
  const patron: Record<'david' | 'mike' | 'erik' | 'fien', number> = { david: 0, mike: 0, erik: 0, fien: 0 };
  const mails: Mail[] = [];
  const mailDeps = (minutes = 0) => ({
    mailer: { kind: 'outbox' as const, send: async (m: Mail) => void mails.push(m) },
    now: new Date(NOW.getTime() + minutes * 60_000),
    baseUrl: 'https://portal.example.be',
  });
  const passwords = { david: LINKED_PASSWORD };

  const accountOf = async (username: string): Promise<SignedInAccount> => {
    const [row] = await t.db.select().from(accounts).where(eq(accounts.username, username));
    return { accountId: row!.id, sessionVersion: row!.sessionVersion };
  };
  const loanOf = async (barcode: string) =>
    (await t.db.select({ id: loans.id }).from(loans).innerJoin(items, eq(items.id, loans.itemId)).where(eq(items.barcode, barcode)))[0]!.id;
  const reservationOf = async (key: string) =>
    (await t.db.select({ id: reservations.id }).from(reservations).innerJoin(titles, eq(titles.id, reservations.titleId)).where(eq(titles.key, key)))[0]!.id;
  const branchOf = async (code: string) => (await t.db.select({ id: branches.id }).from(branches).where(eq(branches.code, code)))[0]!.id;

  /** Runs `action` and returns its result with the change-log rows it wrote, in a stable order. */
  async function changesOf<T>(action: () => Promise<T>): Promise<{ result: T; changes: Change[] }> {
    const before = (await t.db.select({ id: portalChanges.id }).from(portalChanges)).reduce((m, r) => Math.max(m, r.id), 0);
    const result = await action();
    const rows = await t.db.select().from(portalChanges).where(gt(portalChanges.id, before));
    const changes = rows.map((r) => ({
      accountId: r.accountId,
      patronId: r.patronId,
      libraryId: r.libraryId,
      kind: r.kind,
      loanId: r.loanId,
      reservationId: r.reservationId,
      details: r.details,
      status: r.status,
      resolvedBy: r.resolvedBy,
      resolved: r.resolvedAt !== null,
    }));
    return { result, changes: changes.sort(order) };
  }

  /** The expected row: unconfirmed unless `confirmed` (by the library). */
  const row = (over: Partial<Change> & Pick<Change, 'accountId' | 'kind' | 'patronId' | 'libraryId'>, confirmed = false): Change => ({
    loanId: null,
    reservationId: null,
    details: {},
    status: confirmed ? 'confirmed' : 'unconfirmed',
    resolvedBy: confirmed ? 'library' : null,
    resolved: confirmed,
    ...over,
  });

  beforeAll(async () => {
    const imported = await importNetwork(t.db, scenario());
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const libs = await t.db.select({ id: libraries.id, isil: libraries.isil }).from(libraries);
    lib.linked = libs.find((l) => l.isil === LINKED_ISIL)!.id;
    lib.importOnly = libs.find((l) => l.isil === IMPORT_ONLY_ISIL)!.id;
    const ps = await t.db.select({ id: patrons.id, key: patrons.key }).from(patrons).where(inArray(patrons.key, Object.keys(patron)));
    for (const p of ps) patron[p.key as keyof typeof patron] = p.id;
    mails.length = 0;
  }, 120_000);

  it('issue 13 §1 renewal: per renewed loan — import-only unconfirmed, linked confirmed by the library, with the due dates and counts before and after', async () => {
    const david = await accountOf('david.fiander');
    const [importLoan, perl] = [await loanOf(IMPORT_ONLY_ITEM), await loanOf(SAMPLE_ITEMS.perl)];
    const systems = scriptedLibrary({ renew: { [SAMPLE_ITEMS.perl]: { ok: true, dueOn: LIBRARY_DUE } } });
    const { result, changes } = await changesOf(() =>
      renewLoansForAccount(t.db, david, { requestKey: randomUUID(), cardSlug: CARD, loanIds: [importLoan, perl] }, TODAY, systems),
    );
    expect(result.ok && result.data.renewed).toBe(2);
    const portalDue = result.ok && result.data.items.find((i) => i.loanId === importLoan);
    expect(portalDue).toMatchObject({ outcome: 'renewed' });
    const newDueOn = (portalDue as { newDueOn: string }).newDueOn;
    const renewal = (loanId: number, libraryId: number, oldDueOn: string, due: string, confirmed: boolean) =>
      row({ accountId: david.accountId, kind: 'renewal', patronId: patron.david, libraryId, loanId, details: { oldDueOn, newDueOn: due, oldRenewals: 0, newRenewals: 1 } }, confirmed);
    expect(changes).toEqual(
      [
        renewal(importLoan, lib.importOnly, addDays(TODAY, 3), newDueOn, false),
        renewal(perl, lib.linked, addDays(TODAY, 5), LIBRARY_DUE, true),
      ].sort(order),
    );
  });

  it.each<[string, 'portal' | Answer, string]>([
    ['the portal’s own rules refuse (no later date today)', 'portal', 'no_extension'],
    ['the linked library refuses', { ok: false, message: 'Gereserveerd door een andere lener' }, 'library_refused'],
    ['the linked library cannot be reached', 'unreachable', 'library_unreachable'],
    ['the linked library does not answer in time', 'unconfirmed', 'library_unconfirmed'],
  ])('issue 13 §1 renewal: nothing is recorded when %s', async (_name, answer, reason) => {
    const david = await accountOf('david.fiander');
    const loanId = answer === 'portal' ? await loanOf(IMPORT_ONLY_ITEM) : await loanOf(SAMPLE_ITEMS.alibi);
    const systems = scriptedLibrary({ renew: answer === 'portal' ? {} : { [SAMPLE_ITEMS.alibi]: answer } });
    const { result, changes } = await changesOf(() => renewLoansForAccount(t.db, david, { requestKey: randomUUID(), loanIds: [loanId] }, TODAY, systems));
    expect(result).toMatchObject({ ok: true, data: { renewed: 0, items: [{ loanId, outcome: 'refused', reason }] } });
    expect(changes).toEqual([]);
  });

  it('issue 13 §1 reservations: cancelled and pick-up moved — at the library holding it; confirmed by a linked library, unconfirmed otherwise', async () => {
    const david = await accountOf('david.fiander');
    const systems = scriptedLibrary({ hold: { 'Titel linkedCancel': { ok: true }, 'Titel linkedMove': { ok: true } } });
    const stacks = await branchOf('STACKS');
    const cases: [string, () => Promise<unknown>, Change][] = [
      [
        'linked cancel',
        async () => cancelReservationForAccount(t.db, david, { reservationId: await reservationOf('linkedCancel') }, systems),
        row({ accountId: david.accountId, kind: 'reservation_cancelled', patronId: patron.david, libraryId: lib.linked, reservationId: await reservationOf('linkedCancel'), details: { oldStatus: 'waiting' } }, true),
      ],
      [
        'import-only cancel',
        async () => cancelReservationForAccount(t.db, david, { reservationId: await reservationOf('importCancel') }, systems),
        row({ accountId: david.accountId, kind: 'reservation_cancelled', patronId: patron.david, libraryId: lib.importOnly, reservationId: await reservationOf('importCancel'), details: { oldStatus: 'in_transit' } }),
      ],
      [
        'linked pick-up change',
        async () => changePickupForAccount(t.db, david, { reservationId: await reservationOf('linkedMove'), branchId: stacks }, systems),
        row(
          {
            accountId: david.accountId, kind: 'pickup_changed', patronId: patron.david, libraryId: lib.linked, reservationId: await reservationOf('linkedMove'),
            details: { from: { library: LINKED_ISIL, branch: 'CENTRAL' }, to: { library: LINKED_ISIL, branch: 'STACKS' } },
          },
          true,
        ),
      ],
      [
        'import-only pick-up change to a branch of the linked library (3b): the library holding it is still the import-only one',
        async () => changePickupForAccount(t.db, david, { reservationId: await reservationOf('importMove'), branchId: stacks }, systems),
        row({
          accountId: david.accountId, kind: 'pickup_changed', patronId: patron.david, libraryId: lib.importOnly, reservationId: await reservationOf('importMove'),
          details: { from: { library: IMPORT_ONLY_ISIL, branch: '9999' }, to: { library: LINKED_ISIL, branch: 'STACKS' } },
        }),
      ],
    ];
    for (const [name, action, expected] of cases) {
      const { result, changes } = await changesOf(action);
      expect(result, name).toMatchObject({ ok: true });
      expect(changes, name).toEqual([expected]);
    }
  });

  it('issue 13 §1 reservations: a refusal, an unreachable library, another account’s id or a move to the same branch records nothing', async () => {
    const david = await accountOf('david.fiander');
    const nobody = await accountOf('nobody.linked');
    const refused = await reservationOf('linkedRefused');
    const systems = (answer: Answer) => scriptedLibrary({ hold: { 'Titel linkedRefused': answer } });
    const cases: [string, () => Promise<unknown>, string | null][] = [
      ['refused cancel', () => cancelReservationForAccount(t.db, david, { reservationId: refused }, systems({ ok: false, message: 'nee' })), 'library_refused'],
      ['unreachable cancel', () => cancelReservationForAccount(t.db, david, { reservationId: refused }, systems('unreachable')), 'library_unreachable'],
      ['unanswered move', async () => changePickupForAccount(t.db, david, { reservationId: refused, branchId: await branchOf('STACKS') }, systems('unconfirmed')), 'library_unconfirmed'],
      ['another account', () => cancelReservationForAccount(t.db, nobody, { reservationId: refused }, systems({ ok: true })), 'not_found'],
      ['same branch (import-only)', async () => changePickupForAccount(t.db, david, { reservationId: await reservationOf('importMove'), branchId: await branchOf('STACKS') }), null],
    ];
    for (const [name, action, code] of cases) {
      const { result, changes } = await changesOf(action);
      expect(result, name).toMatchObject(code === null ? { ok: true } : { ok: false, code });
      expect(changes, name).toEqual([]);
    }
  });

  it('issue 13 §1 history: cleared, switched on, off — per patron of the card and library, unconfirmed; no change, no row', async () => {
    const david = await accountOf('david.fiander');
    const a = david.accountId;
    const everyMembership = (kind: string, details: unknown) =>
      [
        row({ accountId: a, kind, patronId: patron.david, libraryId: lib.linked, details }),
        row({ accountId: a, kind, patronId: patron.david, libraryId: lib.importOnly, details }),
        row({ accountId: a, kind, patronId: patron.mike, libraryId: lib.linked, details }),
      ].sort(order);
    const cases: [string, () => Promise<unknown>, Change[]][] = [
      [
        'cleared: per library where it hid returned loans, with how many',
        () => clearHistoryForAccount(t.db, david, { card: CARD }),
        [
          row({ accountId: a, kind: 'history_cleared', patronId: patron.david, libraryId: lib.linked, details: { hidden: 1 } }),
          row({ accountId: a, kind: 'history_cleared', patronId: patron.david, libraryId: lib.importOnly, details: { hidden: 2 } }),
        ].sort(order),
      ],
      ['cleared again: nothing left to hide', () => clearHistoryForAccount(t.db, david, { card: CARD }), []],
      ['switched on', () => setHistoryRecordingForAccount(t.db, david, { card: CARD, enabled: true }, TODAY), everyMembership('history_enabled', {})],
      ['switched on again: no change', () => setHistoryRecordingForAccount(t.db, david, { card: CARD, enabled: true }, TODAY), []],
      ['switched off', () => setHistoryRecordingForAccount(t.db, david, { card: CARD, enabled: false }, TODAY), everyMembership('history_disabled', { pausedOn: TODAY })],
    ];
    for (const [name, action, expected] of cases) {
      const { result, changes } = await changesOf(action);
      expect(result, name).toMatchObject({ ok: true });
      expect(changes, name).toEqual(expected);
    }
  });

  it('issue 13 §1 password changed (settings or reset link): per linked patron and library, or one row without either; never the password', async () => {
    const david = await accountOf('david.fiander');
    const nobody = await accountOf('nobody.linked');
    const everyLibrary = (accountId: number) =>
      [
        row({ accountId, kind: 'account_password_changed', patronId: patron.david, libraryId: lib.linked }),
        row({ accountId, kind: 'account_password_changed', patronId: patron.david, libraryId: lib.importOnly }),
        row({ accountId, kind: 'account_password_changed', patronId: patron.mike, libraryId: lib.linked }),
      ].sort(order);

    const changed = await changesOf(() => changePasswordForAccount(t.db, david, { currentPassword: passwords.david, newPassword: NEW_PASSWORD }, NOW));
    expect(changed.result).toMatchObject({ ok: true });
    expect(changed.changes).toEqual(everyLibrary(david.accountId));
    passwords.david = NEW_PASSWORD;

    const alone = await changesOf(() => changePasswordForAccount(t.db, nobody, { currentPassword: LINKED_PASSWORD, newPassword: NEW_PASSWORD }, NOW));
    expect(alone.result).toMatchObject({ ok: true });
    expect(alone.changes).toEqual([row({ accountId: nobody.accountId, kind: 'account_password_changed', patronId: null, libraryId: null })]);

    const wrong = await changesOf(() => changePasswordForAccount(t.db, david, { currentPassword: 'not the password', newPassword: 'yet another long passphrase' }, NOW));
    expect(wrong.result).toMatchObject({ ok: false });
    expect(wrong.changes).toEqual([]);

    const { token, hash } = newToken();
    await t.db.insert(passwordResetTokens).values({ accountId: david.accountId, tokenHash: hash, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 30 * 60_000) });
    const reset = await changesOf(() => resetPassword(t.db, { token, password: RESET_PASSWORD, confirm: RESET_PASSWORD }, mailDeps(1)));
    expect(reset.result).toEqual({ ok: true });
    expect(reset.changes).toEqual(everyLibrary(david.accountId));
    passwords.david = RESET_PASSWORD;
  });

  it('issue 13 §1 e-mail changed: recorded only when the new address is confirmed, with the address', async () => {
    const david = await accountOf('david.fiander');
    mails.length = 0;
    const asked = await changesOf(() =>
      changeEmailForAccount(t.db, david, { email: 'david.nieuw@example.be', currentPassword: passwords.david }, mailDeps(2)),
    );
    expect(asked.result).toMatchObject({ ok: true, data: { status: 'confirmation_sent' } });
    expect(asked.changes).toEqual([]);
    const token = /confirm-email\?token=([A-Za-z0-9_-]{43})/.exec(mails.at(-1)!.text)?.[1];
    expect(token).toBeDefined();

    const confirmed = await changesOf(() => confirmEmailChange(t.db, token!, mailDeps(3)));
    expect(confirmed.result).toEqual({ ok: true, email: 'david.nieuw@example.be', kind: 'change' });
    const details = { email: 'david.nieuw@example.be' };
    expect(confirmed.changes).toEqual(
      [
        row({ accountId: david.accountId, kind: 'account_email_changed', patronId: patron.david, libraryId: lib.linked, details }),
        row({ accountId: david.accountId, kind: 'account_email_changed', patronId: patron.david, libraryId: lib.importOnly, details }),
        row({ accountId: david.accountId, kind: 'account_email_changed', patronId: patron.mike, libraryId: lib.linked, details }),
      ].sort(order),
    );

    const again = await changesOf(() => confirmEmailChange(t.db, token!, mailDeps(4)));
    expect(again.result).toEqual({ ok: false, code: 'invalid_link' });
    expect(again.changes).toEqual([]);
  });

  it('issue 13 §1 membership unlinked, linked (with card and PIN) and linked by activation: per library of that patron', async () => {
    const david = await accountOf('david.fiander');
    const unlinked = await changesOf(() => unlinkPatronForAccount(t.db, david, { patronId: patron.mike }));
    expect(unlinked.result).toMatchObject({ ok: true });
    expect(unlinked.changes).toEqual([row({ accountId: david.accountId, kind: 'membership_unlinked', patronId: patron.mike, libraryId: lib.linked })]);

    const linked = await changesOf(async () => linkPatronForAccount(t.db, await accountOf('david.fiander'), ERIK, '198.51.100.7', NOW));
    expect(linked.result).toEqual({ ok: true, data: { patronId: patron.erik } });
    expect(linked.changes).toEqual(
      [
        row({ accountId: david.accountId, kind: 'membership_linked', patronId: patron.erik, libraryId: lib.linked }),
        row({ accountId: david.accountId, kind: 'membership_linked', patronId: patron.erik, libraryId: lib.importOnly }),
      ].sort(order),
    );

    const refused = await changesOf(async () => linkPatronForAccount(t.db, await accountOf('david.fiander'), { ...FIEN, pin: '0000' }, '198.51.100.7', NOW));
    expect(refused.result).toMatchObject({ ok: false });
    expect(refused.changes).toEqual([]);

    mails.length = 0;
    const form = { ...FIEN, username: 'fien.maes', email: 'fien@example.be', password: 'een lang genoeg wachtwoord' };
    const activated = await changesOf(() => activateAccount(t.db, form, '198.51.100.8', mailDeps(5)));
    expect(activated.result).toMatchObject({ ok: true, data: { username: 'fien.maes' } });
    const fien = await accountOf('fien.maes');
    expect(activated.changes).toEqual([row({ accountId: fien.accountId, kind: 'membership_linked', patronId: patron.fien, libraryId: lib.importOnly })]);

    // Verifying the address given at activation is no change of address.
    const token = /confirm-email\?token=([A-Za-z0-9_-]{43})/.exec(mails.at(-1)!.text)?.[1];
    const verified = await changesOf(() => confirmEmailChange(t.db, token!, mailDeps(6)));
    expect(verified.result).toEqual({ ok: true, email: 'fien@example.be', kind: 'verify' });
    expect(verified.changes).toEqual([]);
  });

  it('issue 13 §1 nothing secret is recorded: no password, hash, PIN or token in any details', async () => {
    const rows = await t.db.select({ details: portalChanges.details }).from(portalChanges);
    expect(rows.length).toBeGreaterThan(0);
    const hashes = (await t.db.select({ hash: accounts.passwordHash }).from(accounts)).map((r) => r.hash);
    const tokens = (await t.db.select({ hash: passwordResetTokens.tokenHash }).from(passwordResetTokens)).map((r) => r.hash);
    const text = JSON.stringify(rows);
    for (const secret of [LINKED_PASSWORD, NEW_PASSWORD, RESET_PASSWORD, ERIK.pin, FIEN.pin, '$argon2', ...hashes, ...tokens]) {
      expect(text).not.toContain(secret);
    }
    // Only the keys of lib/domain/portal-changes.ts appear.
    const keys = new Set(rows.flatMap((r) => Object.keys(r.details as object)));
    for (const key of keys) expect(['oldDueOn', 'newDueOn', 'oldRenewals', 'newRenewals', 'oldStatus', 'from', 'to', 'pausedOn', 'hidden', 'email']).toContain(key);
  });
});
