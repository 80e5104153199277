// Test scenario for the identity integration tests (activation, link, unlink, settings, the
// memberships view and the P3 attacker cases), built on db/import/fixtures.ts:
//  - an.peeters: patrons an, bert, carla (6 memberships over 4 cards);
//  - frans.one: patron frans (1 membership);
//  - eva.other: patron eva — "another account" for the attacker cases;
//  - dirk and gina: patrons without account, with a card and PIN (activation, linking).
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { FIXTURE_PASSWORD, networkFixture } from './network-fixture';
import { importNetwork } from '@/db/import/import-network';
import { accounts, patrons } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';

export const TODAY = '2026-11-23';
export const NOW = new Date('2026-11-23T10:00:00Z');
export const PASSWORD = FIXTURE_PASSWORD;
export const CARDS = {
  dirk: { cardNumber: '2000333333333', pin: '5555' },
  gina: { cardNumber: '2000555555555', pin: '8888' },
  eva: { cardNumber: '2000444444444', pin: '6666' },
  frans: { cardNumber: '2000777777777', pin: '7777' },
  an: { cardNumber: '2000123456789', pin: '4821' },
} as const;

export function identityDocument() {
  const doc = networkFixture();
  // R13: the home ISIL of An's guest membership is unknown, but its system has a known branch.
  doc.libraries.push({ isil: 'NL-0401230000', name: 'Bibliotheek Eemland', country: 'NL', branches: [] });
  doc.patrons.push(
    {
      key: 'dirk', givenName: 'Dirk', familyName: 'Baert',
      memberships: [{ library: 'BE-ZOT01', type: 'VOLW', start: '2026-01-01', end: '2026-12-31' }],
      guestMemberships: [],
      cards: [{ library: 'BE-ZOT01', number: CARDS.dirk.cardNumber, pin: CARDS.dirk.pin }],
    },
    {
      key: 'gina', givenName: 'Gina', familyName: 'Wuyts',
      memberships: [{ library: 'BE-GNT01', type: 'STAD', start: '2026-01-01', end: '2027-01-31' }],
      guestMemberships: [],
      cards: [{ library: 'BE-GNT01', number: CARDS.gina.cardNumber, pin: CARDS.gina.pin }],
    },
    {
      key: 'eva', givenName: 'Eva', familyName: 'Jacobs',
      memberships: [{ library: 'BE-OOS01', type: 'VOLW', start: '2026-01-01', end: '2026-12-31' }],
      guestMemberships: [],
      cards: [{ library: 'BE-OOS01', number: CARDS.eva.cardNumber, pin: CARDS.eva.pin }],
    },
    {
      key: 'frans', givenName: 'Frans', familyName: 'Pauwels',
      memberships: [{ library: 'BE-DEI01', type: 'VOLW', start: '2026-01-01', end: '2027-06-30' }],
      guestMemberships: [],
      cards: [{ library: 'BE-DEI01', number: CARDS.frans.cardNumber, pin: CARDS.frans.pin }],
    },
  );
  doc.accounts = [
    { username: 'an.peeters', email: 'an.peeters@example.be', password: PASSWORD, patrons: ['an', 'bert', 'carla'] },
    { username: 'frans.one', email: 'frans@example.be', password: PASSWORD, patrons: ['frans'] },
    { username: 'eva.other', email: 'eva@example.be', password: PASSWORD, patrons: ['eva'] },
  ];
  return doc;
}

export async function importIdentityScenario(db: Db): Promise<void> {
  const result = await importNetwork(db, identityDocument());
  if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result)}`);
}

/** The session of an imported account, as getSignedInAccount would give it. */
export async function accountOf(db: Db, username: string): Promise<SignedInAccount> {
  const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return { accountId: row.id, sessionVersion: row.sessionVersion };
}

export async function patronId(db: Db, key: string): Promise<number> {
  const [row] = await db.select({ id: patrons.id }).from(patrons).where(eq(patrons.key, key));
  if (!row) throw new Error(`no patron ${key}`);
  return row.id;
}
