// R14 "one actor", the trap of the Landelijk lenen documents: a guest library registers a guest
// under the home card number (R10) and exports its own record of that person — a second patron
// record, with a card of the same number (and here the same PIN) at the guest library. Built on
// db/import/fixtures.ts, with a Dutch home library in the network:
//  - hanna: home record at Zwolle (account hanna.home) + Utrecht's guest record `hanna-utrecht`;
//  - ivo: home record + guest record, no account (activation);
//  - jan: home record + guest record with a different PIN at each library, no account;
//  - kees: home record + guest record, no account (the refusals: unknown library, wrong library);
//  - lena: home record + guest record, no account (the throttle).
import type { Db } from '@/db/client';
import { FIXTURE_PASSWORD, networkFixture } from './network-fixture';
import { importNetwork } from '@/db/import/import-network';

export const HOME_ISIL = 'NL-0501110001';
export const HOME_NAME = 'Bibliotheek Zwolle';
export const GUEST_ISIL = 'NL-0702881037';
export const GUEST_NAME = 'Bibliotheek Utrecht';
export const PASSWORD = FIXTURE_PASSWORD;

export const GUESTS = {
  hanna: { cardNumber: '2000600000001', pin: '2580' },
  ivo: { cardNumber: '2000600000002', pin: '3690' },
  jan: { cardNumber: '2000600000003', pin: '1111', guestPin: '2222' },
  kees: { cardNumber: '2000600000004', pin: '4444' },
  lena: { cardNumber: '2000600000005', pin: '5050' },
} as const;

type Person = keyof typeof GUESTS;

function homeAndGuest(key: Person, givenName: string, guestPin?: string) {
  const card = GUESTS[key];
  return [
    {
      key, givenName, familyName: 'Gastlener',
      memberships: [{ library: HOME_ISIL, type: 'NLVOLW', start: '2026-01-01', end: '2027-12-31' }],
      guestMemberships: [],
      cards: [{ library: HOME_ISIL, number: card.cardNumber, pin: card.pin }],
    },
    {
      // The guest library's own record of the same person, under the home card number.
      key: `${key}-utrecht`, givenName, familyName: 'Gastlener',
      memberships: [],
      guestMemberships: [
        {
          library: GUEST_ISIL, type: 'GAST', registeredOn: '2026-10-01',
          homeIsil: HOME_ISIL, homeCardNumber: card.cardNumber,
          homeValidUntil: '2027-12-31', homeCheckedOn: '2026-11-22', loanStrips: 125,
        },
      ],
      cards: [{ library: GUEST_ISIL, number: card.cardNumber, pin: guestPin ?? card.pin }],
    },
  ];
}

export function guestDocument() {
  const doc = networkFixture();
  doc.subscriptionTypes.push({ code: 'NLVOLW', name: 'Volwassene (NL)', library: HOME_ISIL, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 20 });
  doc.libraries.push({ isil: HOME_ISIL, name: HOME_NAME, country: 'NL', branches: [{ code: 'ZWL', name: 'Zwolle' }] });
  doc.patrons.push(
    ...homeAndGuest('hanna', 'Hanna'),
    ...homeAndGuest('ivo', 'Ivo'),
    ...homeAndGuest('jan', 'Jan', GUESTS.jan.guestPin),
    ...homeAndGuest('kees', 'Kees'),
    ...homeAndGuest('lena', 'Lena'),
  );
  doc.accounts.push({ username: 'hanna.home', email: 'hanna@example.nl', password: PASSWORD, patrons: ['hanna'] });
  return doc;
}

export async function importGuestScenario(db: Db): Promise<void> {
  const result = await importNetwork(db, guestDocument());
  if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result)}`);
}
