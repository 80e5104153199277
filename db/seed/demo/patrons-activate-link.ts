// The records of DEMO_ACTIVATIONS: h, a member without an account (P1), and i, an account with a
// second record in another library to link (P2, R14).
import { wiseCardNumber } from '../network';
import { DEMO_ACTIVATIONS } from './accounts';
import type { DemoBuilder } from './builder';
import { HZL, SLH, BRK } from './libraries';

/** Mieke Claeys: no account; activates with card + PIN (P1) */
export function miekeClaeys(b: DemoBuilder): void {
  const activate = DEMO_ACTIVATIONS[0];
  const mieke = b.patron({
    key: activate.patron,
    givenName: 'Mieke',
    familyName: 'Claeys',
    birthDate: '1975-10-01',
    email: 'mieke.claeys@example.be',
    memberships: [b.membership(HZL, 'VOLW', 90, 275)],
    cards: [{ library: activate.library, number: activate.cardNumber, pin: activate.pin }],
  });
  b.open(mieke, [
    { title: 'het-gezin-van-paemel', at: [HZL, '3570'], dueIn: 9 },
    { title: 'de-zevensprong', at: [HZL, '3571'], dueIn: 17 },
  ]);
  b.reserve({ title: 'de-wereld-van-sofie', patron: mieke, pickupLibrary: HZL, pickupBranch: '3570', placedAgo: 3, status: 'waiting' });
}

/** Pieter Wouters: account in Sint-Lievens-Houtem; a second record in Brakel to link (P2, R14) */
export function pieterWouters(b: DemoBuilder): void {
  const link = DEMO_ACTIVATIONS[1];
  const pieter = b.patron({
    key: 'pieter-wouters',
    givenName: 'Pieter',
    familyName: 'Wouters',
    birthDate: '1982-02-17',
    email: 'pieter.wouters@example.be',
    memberships: [b.membership(SLH, 'VOLW', 210, 155)],
    cards: [{ library: SLH, number: wiseCardNumber(22_000_011), pin: '1234' }],
  });
  b.open(pieter, [
    { title: 'de-kinderen-van-het-achtste-woud', at: [SLH, '3580'], dueIn: 8 },
    { title: 'lobi-da-basi', at: [SLH, '3581'], dueIn: 3 },
  ]);
  const pieterBrakel = b.patron({
    key: link.patron,
    givenName: 'Pieter',
    familyName: 'Wouters',
    birthDate: '1982-02-17',
    email: 'pieter.wouters@example.be',
    memberships: [b.membership(BRK, 'VOLW', 40, 325)],
    cards: [{ library: link.library, number: link.cardNumber, pin: link.pin }],
  });
  b.open(pieterBrakel, [
    { title: 'de-witte', at: [BRK, '3590'], dueIn: 19 },
    { title: 'carcassonne', at: [BRK, '3591'], dueIn: 11 },
  ]);
}
