// P1/P2: proving that a card is yours with its number and PIN, for activation and for linking.
// Throttled per card number and per client, more tightly than sign-in (a 4-digit PIN has only
// 10 000 values); the answer and its timing are the same whether or not the card exists.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cards } from '../../db/schema';
import { normaliseCardNumber } from '../domain/card-number';
import { PIN_PER_CARD, PIN_PER_CLIENT } from '../domain/throttle';
import { dummyHash, verifySecret } from './hash';
import { throttledAttempt, type ThrottleKey } from './throttle-store';

export type CardPinResult =
  | { ok: true; cardId: number; patronId: number; libraryId: number }
  | { ok: false; code: 'invalid' | 'throttled'; retryAfterSeconds?: number };

export const cardPinInput = z.object({
  cardNumber: z.string().trim().min(4).max(40),
  pin: z.string().trim().regex(/^\d{4,8}$/),
});

export async function verifyCardPin(
  db: Db,
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
  const pin = parsed.data.pin;
  const result = await throttledAttempt(db, keys, now, async (tx) => {
    // A card number is unique per library, not in the network: old cards may share one.
    const candidates = await tx
      .select({ id: cards.id, patronId: cards.patronId, libraryId: cards.libraryId, pinHash: cards.pinHash })
      .from(cards)
      .where(eq(cards.number, number))
      .limit(5);
    const withPin = candidates.filter((c) => c.pinHash);
    if (withPin.length === 0) await verifySecret(await dummyHash(), pin);
    for (const candidate of withPin) {
      if (await verifySecret(candidate.pinHash as string, pin)) return { ok: true, value: candidate, clear: [keys[0]!.key] };
    }
    return { ok: false, value: null };
  });
  if (result.throttled) {
    await verifySecret(await dummyHash(), pin);
    return { ok: false, code: 'throttled', retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) };
  }
  const match = result.value;
  if (!match) return { ok: false, code: 'invalid' };
  return { ok: true, cardId: match.id, patronId: match.patronId, libraryId: match.libraryId };
}
