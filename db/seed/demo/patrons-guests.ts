// The demo's Dutch guest borrowers (national lending, R10–R12, R15): f, f' and g.
import { wiseCardNumber } from '../network';
import type { DemoBuilder } from './builder';
import { BED, BWE, BLH } from './libraries';

/** Sanne Bakker: Dutch guest in Bedum, home Bellingwolde ends soon (R11), strips (R15) */
export function sanneBakker(b: DemoBuilder): void {
  const sanneCard = wiseCardNumber(42_000_011);
  const sanne = b.patron({
    key: 'sanne-bakker',
    givenName: 'Sanne',
    familyName: 'Bakker',
    birthDate: '1988-03-14',
    email: 'sanne.bakker@example.nl',
    historyEnabled: true,
    memberships: [b.membership(BWE, 'VOLW', 340, 25)],
    guestMemberships: [
      {
        library: BED,
        type: 'GAST',
        registeredOn: b.d(-60),
        homeIsil: BWE,
        homeCardNumber: sanneCard,
        homeValidUntil: b.d(25),
        homeCheckedOn: b.today,
        loanStrips: 118,
      },
    ],
    cards: [
      { library: BWE, number: sanneCard, pin: '1234' },
      { library: BED, number: sanneCard },
    ],
  });
  b.open(sanne, [
    { title: 'dolfje-weerwolfje', at: [BED, 'BED'], dueIn: 11, type: 'GAST' },
    { title: 'tonio', at: [BED, 'BED'], dueIn: 6, type: 'GAST' },
    { title: 'het-achterhuis', at: [BWE, 'BWE'], dueIn: 15 },
  ]);
  // 125 − 118 = 7 strips used: the two open loans in Bedum and these five.
  b.past(sanne, [
    { title: 'de-griezelbus', at: [BED, 'BED'], lentAgo: 58, days: 14 },
    { title: 'oorlogswinter', at: [BED, 'BED'], lentAgo: 50, days: 20 },
    { title: 'de-avonden', at: [BED, 'BED'], lentAgo: 45, days: 21 },
    { title: 'koning-van-katoren', at: [BED, 'BED'], lentAgo: 40, days: 12 },
    { title: 'het-diner', at: [BED, 'BED'], lentAgo: 30, days: 18 },
  ]);
}

/** Daan Visser: registered as guest in Blijham today (R11 first day: three months) */
export function daanVisser(b: DemoBuilder): void {
  const daanCard = wiseCardNumber(41_000_029);
  const daan = b.patron({
    key: 'daan-visser',
    givenName: 'Daan',
    familyName: 'Visser',
    birthDate: '2001-07-07',
    email: 'daan.visser@example.nl',
    memberships: [b.membership(BED, 'VOLW', 100, 265)],
    guestMemberships: [
      { library: BLH, type: 'GAST', registeredOn: b.today, homeIsil: BED, homeCardNumber: daanCard, homeValidUntil: null, homeCheckedOn: null, loanStrips: 125 },
    ],
    cards: [
      { library: BED, number: daanCard, pin: '1234' },
      { library: BLH, number: daanCard },
    ],
  });
  b.open(daan, [{ title: 'de-hongerspelen', at: [BED, 'BED'], dueIn: 13 }]);
}

/** Kees Mulder: guest in Blijham, home membership in Bellingwolde expired (R12) */
export function keesMulder(b: DemoBuilder): void {
  const keesCard = wiseCardNumber(42_000_029);
  const kees = b.patron({
    key: 'kees-mulder',
    givenName: 'Kees',
    familyName: 'Mulder',
    birthDate: '1957-05-05',
    email: 'kees.mulder@example.nl',
    historyEnabled: true,
    memberships: [b.membership(BWE, 'VOLW', 375, -10)],
    guestMemberships: [
      {
        library: BLH,
        type: 'GAST',
        registeredOn: b.d(-200),
        homeIsil: BWE,
        homeCardNumber: keesCard,
        homeValidUntil: b.d(-10),
        homeCheckedOn: b.today,
        loanStrips: 121,
      },
    ],
    cards: [
      { library: BWE, number: keesCard, pin: '1234' },
      { library: BLH, number: keesCard },
    ],
  });
  b.past(kees, [
    { title: 'de-aanslag', at: [BLH, 'BLH'], lentAgo: 190, days: 20 },
    { title: 'publieke-werken', at: [BLH, 'BLH'], lentAgo: 150, days: 21 },
    { title: 'de-koperen-tuin', at: [BLH, 'BLH'], lentAgo: 100, days: 14 },
    { title: 'soldaat-van-oranje', at: [BLH, 'BLH'], lentAgo: 60, days: 7 },
  ]);
}
