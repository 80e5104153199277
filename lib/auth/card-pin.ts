// P1/P2: proving that a card is yours with its number and PIN, for activation and for linking.
// Throttled per card number and per client, more tightly than sign-in (a 4-digit PIN has only
// 10 000 values); the answer and its timing are the same whether or not the card exists.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { cards } from '../../db/schema';
import { normaliseCardNumber } from '../domain/card-number';
import { PIN_PER_CARD, PIN_PER_CLIENT } from '../domain/throttle';
import { dummyHash, verifySecret } from './hash';
import { clearThrottle, recordFailure, throttleStatus, type ThrottleKey } from './throttle-store';

export type CardPinResult =
  | { ok: true; cardId: number; patronId: number; libraryId: number }
  | { ok: false; code: 'invalid' | 'throttled'; retryAfterSeconds?: number };

export const cardPinInput = z.object({
  cardNumber: z.string().trim().min(4).max(40),
  pin: z.string().trim().regex(/^\d{4,8}$/),
});

export async function verifyCardPin(
  db: Executor,
  raw: { cardNumber: string; pin: string; clientAddress: string },
  now = new Date(),
): Promise<CardPinResult> {
  const parsed = cardPinInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid' };
  const number = normaliseCardNumber(parsed.data.cardNumber);
  const keys: ThrottleKey[] = [
    { key: `pin:card:${number}`, policy: PIN_PER_CARD },
    { key: `pin:client:${raw.clientAddress.slice(0, 64)}`, policy: PIN_PER_CLIENT },
  ];
  const status = await throttleStatus(db, keys, now);
  if (!status.allowed) {
    await verifySecret(await dummyHash(), parsed.data.pin);
    return { ok: false, code: 'throttled', retryAfterSeconds: Math.ceil(status.retryAfterMs / 1000) };
  }

  // A card number is unique per library, not in the network: old cards may share one.
  const candidates = await db
    .select({ id: cards.id, patronId: cards.patronId, libraryId: cards.libraryId, pinHash: cards.pinHash })
    .from(cards)
    .where(eq(cards.number, number))
    .limit(5);
  let match: (typeof candidates)[number] | undefined;
  const withPin = candidates.filter((c) => c.pinHash);
  if (withPin.length === 0) await verifySecret(await dummyHash(), parsed.data.pin);
  for (const candidate of withPin) {
    if (await verifySecret(candidate.pinHash as string, parsed.data.pin)) {
      match = candidate;
      break;
    }
  }
  if (!match) {
    await recordFailure(db, keys, now);
    return { ok: false, code: 'invalid' };
  }
  await clearThrottle(db, [keys[0]!.key]);
  return { ok: true, cardId: match.id, patronId: match.patronId, libraryId: match.libraryId };
}
