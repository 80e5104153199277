// The demo's account holders in region Zottegem-Oosterzele (3b): a–e, and j whose memberships
// there have all ended.
import { wiseCardNumber } from '../network';
import { AN_PEETERS_EID } from './accounts';
import type { DemoBuilder } from './builder';
import { ZTG, OZL, HZL, BRK, demoSubscriptionType } from './libraries';

/** An Peeters: two libraries of one region, several branches, a second card in Brakel */
export function anPeeters(b: DemoBuilder): void {
  const an = b.patron({
    key: 'an-peeters',
    givenName: 'An',
    familyName: 'Peeters',
    birthDate: '1985-04-12',
    email: 'an.peeters@example.be',
    historyEnabled: true,
    memberships: [
      b.membership(ZTG, 'VOLW', 400, 330, { autoRenew: true }),
      b.membership(OZL, 'VOLW', 120, 245),
      b.membership(BRK, 'VOLW', 200, 165),
    ],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_011), pin: '1234' },
      { library: OZL, number: AN_PEETERS_EID, pin: '1234' },
      { library: BRK, number: wiseCardNumber(31_000_011), pin: '1234' },
    ],
  });
  b.open(an, [
    { title: 'het-verdriet-van-belgie', at: [ZTG, '3550'], dueIn: 2 },
    { title: 'de-avonden', at: [ZTG, '3550'], dueIn: -4, renewals: 1 },
    { title: 'suske-en-wiske-het-spaanse-spook', at: [ZTG, '3551'], dueIn: 12 },
    { title: 'the-broken-circle-breakdown', at: [ZTG, '3552'], dueIn: 5 },
    { title: 'oorlog-en-terpentijn', at: [OZL, '3560'], dueIn: 18 },
    { title: 'de-helaasheid-der-dingen', at: [OZL, '3561'], dueIn: 9 },
    { title: 'kruistocht-in-spijkerbroek', at: [OZL, '3562'], dueIn: 22 },
    // R3: a Zottegem item lent at the Oosterzele desk (3b: transport in the region).
    { title: 'max-havelaar', at: [OZL, '3560'], owner: [ZTG, '3550'], dueIn: 15 },
    { title: 'pallieter', at: [BRK, '3590'], dueIn: 20 },
    { title: 'kuifje-in-tibet', at: [BRK, '3591'], dueIn: 6 },
  ]);
  b.past(an, [
    { title: 'nooit-meer-slapen', at: [ZTG, '3550'], lentAgo: 70, days: 34, late: 6 },
    { title: 'de-aanslag', at: [ZTG, '3551'], lentAgo: 110, days: 21 },
    { title: 'kaas', at: [OZL, '3560'], lentAgo: 150, days: 14 },
    { title: 'tirza', at: [OZL, '3561'], lentAgo: 190, days: 27 },
    { title: 'de-kapellekensbaan', at: [ZTG, '3550'], lentAgo: 230, days: 28 },
    { title: 'pluk-van-de-petteflet', at: [ZTG, '3552'], lentAgo: 260, days: 10 },
    { title: 'asterix-en-de-belgen', at: [OZL, '3562'], lentAgo: 300, days: 7 },
    { title: 'racine-carree', at: [ZTG, '3550'], lentAgo: 320, days: 20 },
    { title: 'de-vlaschaard', at: [BRK, '3590'], lentAgo: 90, days: 25 },
  ]);
  b.reserve({ title: 'de-ontdekking-van-de-hemel', patron: an, pickupLibrary: OZL, pickupBranch: '3560', placedAgo: 9, status: 'ready', readyFor: 5 });
  b.reserve({ title: 'het-diner', patron: an, pickupLibrary: ZTG, pickupBranch: '3550', placedAgo: 4, status: 'in_transit' });
  b.reserve({ title: 'sprakeloos', patron: an, pickupLibrary: ZTG, pickupBranch: '3551', placedAgo: 2, status: 'waiting' });
  b.fee({ patron: an, library: ZTG, kind: 'late', amountCents: 120, description: 'Te laat: Nooit meer slapen', createdAgo: 36 });
  b.fee({ patron: an, library: OZL, kind: 'reservation', amountCents: 50, description: 'Reservering: De ontdekking van de hemel', createdAgo: 9 });
  b.fee({ patron: an, library: ZTG, kind: 'contribution', amountCents: 700, description: 'Lidgeld', createdAgo: 400, paidAgo: 400 });
  b.fee({ patron: an, library: BRK, kind: 'late', amountCents: 40, description: 'Te laat: De vlaschaard', createdAgo: 65, paidAgo: 60 });
  // The ready reservation's copy, set aside at the pick-up desk.
  b.item('de-ontdekking-van-de-hemel', [OZL, '3560']);
}

/** Jan De Wilde: Volwassene in Zottegem, Leerkracht in Oosterzele (R6 warning) */
export function janDeWilde(b: DemoBuilder): void {
  const jan = b.patron({
    key: 'jan-de-wilde',
    givenName: 'Jan',
    familyName: 'De Wilde',
    birthDate: '1978-09-03',
    email: 'jan.dewilde@example.be',
    memberships: [b.membership(ZTG, 'VOLW', 300, 65), b.membership(OZL, 'LEERK', 60, 305)],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_029), pin: '1234' },
      { library: OZL, number: wiseCardNumber(12_000_029), pin: '1234' },
    ],
  });
  b.open(jan, [
    { title: 'de-kolonisten-van-catan', at: [ZTG, '3550'], dueIn: 10 },
    { title: 'congo-een-geschiedenis', at: [OZL, '3560'], dueIn: 30, type: 'LEERK' },
    { title: 'de-bourgondiers', at: [OZL, '3561'], dueIn: 25, type: 'LEERK' },
  ]);
}

/** Els Vermeulen: fees in the region reach the block threshold (RN5) */
export function elsVermeulen(b: DemoBuilder): void {
  const els = b.patron({
    key: 'els-vermeulen',
    givenName: 'Els',
    familyName: 'Vermeulen',
    birthDate: '1969-01-22',
    email: 'els.vermeulen@example.be',
    memberships: [b.membership(ZTG, 'VOLW', 500, 230, { autoRenew: true })],
    cards: [{ library: ZTG, number: wiseCardNumber(11_000_037), pin: '1234' }],
  });
  b.open(els, [
    { title: 'de-vreemdeling', at: [ZTG, '3550'], dueIn: 8 },
    // R1: borrowed in Oosterzele on her Zottegem membership.
    { title: 'het-smelt', at: [OZL, '3560'], dueIn: -10 },
    { title: 'asterix-in-spanje', at: [ZTG, '3552'], dueIn: 14 },
  ]);
  b.past(els, [
    { title: 'kuifje-in-amerika', at: [ZTG, '3550'], lentAgo: 60, days: 26 },
    { title: 'gezien-de-feiten', at: [OZL, '3561'], lentAgo: 90, days: 40, late: 12 },
    { title: 'de-pest', at: [ZTG, '3551'], lentAgo: 155, days: 35, late: 7 },
  ]);
  b.fee({ patron: els, library: ZTG, kind: 'damaged', amountCents: 400, description: 'Beschadigd: Kuifje in Amerika', createdAgo: 34 });
  b.fee({ patron: els, library: OZL, kind: 'late', amountCents: 250, description: 'Te laat: Gezien de feiten', createdAgo: 50 });
  b.fee({ patron: els, library: ZTG, kind: 'late', amountCents: 80, description: 'Te laat: De pest', createdAgo: 120, paidAgo: 118 });
}

/** Tom Desmet: a loan at the renewal maximum (RN3), a title reserved by another (RN2) */
export function tomDesmet(b: DemoBuilder): void {
  const tom = b.patron({
    key: 'tom-desmet',
    givenName: 'Tom',
    familyName: 'Desmet',
    birthDate: '1991-06-30',
    email: 'tom.desmet@example.be',
    memberships: [b.membership(OZL, 'VOLW', 150, 215)],
    cards: [{ library: OZL, number: wiseCardNumber(12_000_037), pin: '1234' }],
  });
  b.open(tom, [
    { title: 'de-donkere-kamer-van-damokles', at: [OZL, '3560'], dueIn: 7, renewals: demoSubscriptionType(OZL, 'VOLW').maxRenewals },
    { title: 'bonita-avenue', at: [OZL, '3562'], dueIn: 4 },
    { title: 'de-hobbit', at: [OZL, '3561'], dueIn: 16 },
  ]);
}

/** Lotte Goossens: two expiring memberships in one region (R7, R8), renewals capped (RN6) */
export function lotteGoossens(b: DemoBuilder): void {
  const lotte = b.patron({
    key: 'lotte-goossens',
    givenName: 'Lotte',
    familyName: 'Goossens',
    birthDate: '1996-11-15',
    email: 'lotte.goossens@example.be',
    memberships: [b.membership(ZTG, 'VOLW', 353, 12), b.membership(OZL, 'VOLW', 345, 20)],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_045), pin: '1234' },
      { library: OZL, number: wiseCardNumber(12_000_045), pin: '1234' },
    ],
  });
  b.open(lotte, [
    // Governed by Zottegem (ends in 12 days): due on that day, a renewal has nothing left to give.
    { title: 'de-avond-is-ongemak', at: [ZTG, '3550'], dueIn: 12 },
    // Governed by Oosterzele (ends in 20 days): a renewal stops there instead of b.today + 28.
    { title: 'het-boek-van-alle-dingen', at: [OZL, '3560'], dueIn: 4 },
    { title: 'lampje', at: [OZL, '3561'], dueIn: 9 },
  ]);
}

/** Ines Maes: every membership in region ZO ended (R9), Herzele active */
export function inesMaes(b: DemoBuilder): void {
  const ines = b.patron({
    key: 'ines-maes',
    givenName: 'Ines',
    familyName: 'Maes',
    birthDate: '1980-12-12',
    email: 'ines.maes@example.be',
    historyEnabled: true,
    memberships: [
      b.membership(ZTG, 'VOLW', 405, -40),
      b.membership(OZL, 'VOLW', 465, -100, { stoppedAgo: 150 }),
      b.membership(HZL, 'VOLW', 30, 335),
    ],
    cards: [
      { library: ZTG, number: wiseCardNumber(11_000_052), pin: '1234' },
      { library: HZL, number: wiseCardNumber(21_000_025), pin: '1234' },
    ],
  });
  // Lent in Zottegem before the membership ended; no active membership governs it now (RN4).
  b.open(ines, [
    { title: 'de-pest', at: [ZTG, '3550'], dueIn: -27 },
    { title: 'de-komst-van-joachim-stiller', at: [HZL, '3570'], dueIn: 14 },
    { title: 'zomer-te-ter-muren', at: [HZL, '3571'], dueIn: 6 },
  ]);
  b.past(ines, [
    { title: 'het-stenen-bruidsbed', at: [ZTG, '3550'], lentAgo: 200, days: 21 },
    { title: 'de-wetten', at: [OZL, '3560'], lentAgo: 300, days: 28 },
  ]);
  b.fee({ patron: ines, library: ZTG, kind: 'late', amountCents: 150, description: 'Te laat: De pest', createdAgo: 1 });
}
