// Other patrons of the demo network, without an account: the reservations and copies the rules need.
import { nationalRegisterNumber, wiseCardNumber } from '../network';
import type { DemoBuilder } from './builder';
import { ZTG, OZL, HZL, SLH, BRK } from './libraries';

/** Sofie Claes: the reservation that makes Bonita Avenue unrenewable for Tom (RN2). */
export function sofieClaes(b: DemoBuilder): void {
  const sofie = b.patron({
    key: 'sofie-claes',
    givenName: 'Sofie',
    familyName: 'Claes',
    birthDate: '2012-03-03',
    memberships: [b.membership(ZTG, 'JEUGD', 180, 185)],
    cards: [{ library: ZTG, number: wiseCardNumber(11_000_060) }],
  });
  b.open(sofie, [
    { title: 'dolfje-weerwolfje', at: [ZTG, '3551'], dueIn: 5, type: 'JEUGD' },
    { title: 'het-leven-van-een-loser', at: [ZTG, '3550'], dueIn: 12, type: 'JEUGD', renewals: 1 },
  ]);
  // RN2: Tom's Bonita Avenue is the only copy.
  b.reserve({ title: 'bonita-avenue', patron: sofie, pickupLibrary: OZL, pickupBranch: '3560', placedAgo: 6, status: 'waiting' });
}

/** Marc De Clercq: holds the only copy of Sprakeloos, which An waits for; waits for Het diner after An. */
export function marcDeClercq(b: DemoBuilder): void {
  const marc = b.patron({
    key: 'marc-de-clercq',
    givenName: 'Marc',
    familyName: 'De Clercq',
    birthDate: '1964-08-19',
    memberships: [b.membership(OZL, 'VOLW', 800, 100, { autoRenew: true })],
    cards: [{ library: OZL, number: wiseCardNumber(12_000_052) }],
  });
  // The only copy of Sprakeloos, which An waits for.
  b.open(marc, [
    { title: 'sprakeloos', at: [ZTG, '3550'], dueIn: 10 },
    { title: 'de-meester-en-margarita', at: [OZL, '3562'], dueIn: 2 },
  ]);
  b.reserve({ title: 'het-diner', patron: marc, pickupLibrary: OZL, pickupBranch: '3560', placedAgo: 1, status: 'waiting' });
  b.fee({ patron: marc, library: OZL, kind: 'lost', amountCents: 2495, description: 'Verloren: Het parfum', createdAgo: 75, paidAgo: 40 });
}

/** Lars De Backer: a youth membership of Herzele that ends today, with an eID card. */
export function larsDeBacker(b: DemoBuilder): void {
  const lars = b.patron({
    key: 'lars-de-backer',
    givenName: 'Lars',
    familyName: 'De Backer',
    birthDate: '2010-05-21',
    memberships: [b.membership(HZL, 'JEUGD', 365, 0)],
    cards: [{ library: HZL, number: nationalRegisterNumber('2010-05-21', 77) }],
  });
  b.open(lars, [{ title: 'de-gruffalo', at: [HZL, '3570'], dueIn: 1, type: 'JEUGD' }]);
}

/** Fatima El Amrani: a teacher of Sint-Lievens-Houtem who also borrows in Herzele (R1). */
export function fatimaElAmrani(b: DemoBuilder): void {
  const fatima = b.patron({
    key: 'fatima-el-amrani',
    givenName: 'Fatima',
    familyName: 'El Amrani',
    birthDate: '1987-12-02',
    memberships: [b.membership(SLH, 'LEERK', 120, 245)],
    cards: [{ library: SLH, number: wiseCardNumber(22_000_029) }],
  });
  b.open(fatima, [
    { title: 'de-wereld-van-sofie', at: [SLH, '3580'], dueIn: 20, type: 'LEERK' },
    { title: 'het-oneindige-verhaal', at: [HZL, '3570'], dueIn: 24, type: 'LEERK' },
  ]);
}

/** Wim De Vos: a member of Brakel with an unpaid contribution. */
export function wimDeVos(b: DemoBuilder): void {
  const wim = b.patron({
    key: 'wim-de-vos',
    givenName: 'Wim',
    familyName: 'De Vos',
    birthDate: '1959-04-09',
    memberships: [b.membership(BRK, 'VOLW', 600, 130, { autoRenew: true })],
    cards: [{ library: BRK, number: wiseCardNumber(31_000_029) }],
  });
  b.open(wim, [{ title: 'de-leeuw-van-vlaanderen', at: [BRK, '3590'], dueIn: 15 }]);
  b.fee({ patron: wim, library: BRK, kind: 'contribution', amountCents: 600, description: 'Lidgeld', createdAgo: 20 });
}
