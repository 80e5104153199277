// P1/P2: proving that a card is yours with its number and PIN, for activation and for linking.
// Throttled per card number and per client, more tightly than sign-in (a 4-digit PIN has only
// 10 000 values), and under one ceiling for everybody together that rotating cards and addresses
// cannot escape; the answer and its timing are the same whether or not the card exists.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cards } from '../../db/schema';
import { normaliseCardNumber } from '../domain/card-number';
import { PIN_PER_CARD, PIN_PER_CLIENT, pinCeilingPolicy } from '../domain/throttle';
import { env } from '../env';
import { logger } from '../log';
import { dummyPinHash, hashPin, verifyPin } from './hash';
import { throttledAttempt, type ThrottleKey } from './throttle-store';

export type CardPinResult =
  | { ok: true; cardId: number; patronId: number; libraryId: number }
  | { ok: false; code: 'invalid' | 'throttled'; retryAfterSeconds?: number };

export const cardPinInput = z.object({
  cardNumber: z.string().trim().min(4).max(40),
  pin: z.string().trim().regex(/^\d{4,8}$/),
});

/** The bucket of the ceiling on failed PIN checks, shared by activation and linking. */
export const PIN_CEILING_KEY = 'pin:all';

export interface CardPinOptions {
  /**
   * Count the attempt against the card and the client even when the PIN is right. Activation
   * does: after the PIN it answers "already linked" or "username taken", and a right PIN must not
   * buy unlimited questions. The ceiling counts failed PINs only.
   */
  countEveryAttempt?: boolean;
}

export async function verifyCardPin(
  db: Db,
  raw: { cardNumber: string; pin: string; clientAddress: string },
  now = new Date(),
  options: CardPinOptions = {},
): Promise<CardPinResult> {
  const parsed = cardPinInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid' };
  const number = normaliseCardNumber(parsed.data.cardNumber);
  const cardKey = `pin:card:${number}`;
  const clientKey = `pin:client:${raw.clientAddress.slice(0, 64)}`;
  const keys: ThrottleKey[] = [
    { key: cardKey, policy: PIN_PER_CARD },
    { key: clientKey, policy: PIN_PER_CLIENT },
    { key: PIN_CEILING_KEY, policy: pinCeilingPolicy(env().PIN_FAILURES_PER_HOUR) },
  ];
  const pin = parsed.data.pin;
  const result = await throttledAttempt(db, keys, now, async () => {
    // A card number is unique per library, not in the network: old cards may share one.
    const candidates = await db
      .select({ id: cards.id, patronId: cards.patronId, libraryId: cards.libraryId, pinHash: cards.pinHash })
      .from(cards)
      .where(eq(cards.number, number))
      .limit(5);
    const withPin = candidates.filter((c): c is typeof c & { pinHash: string } => !!c.pinHash);
    if (withPin.length === 0) await verifyPin(await dummyPinHash(), pin);
    for (const candidate of withPin) {
      const check = await verifyPin(candidate.pinHash, pin);
      if (!check.ok) continue;
      if (check.upgrade) await upgradePinHash(db, candidate.id, candidate.pinHash, pin);
      return options.countEveryAttempt
        ? { ok: true, value: candidate, keep: [cardKey, clientKey] }
        : { ok: true, value: candidate, clear: [cardKey] };
    }
    return { ok: false, value: null };
  });
  if (result.throttled) {
    await verifyPin(await dummyPinHash(), pin);
    return { ok: false, code: 'throttled', retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) };
  }
  if (result.tripped.includes(PIN_CEILING_KEY)) {
    // Once per trip: only the attempt whose failure locked the bucket is told so.
    logger().warn(
      { event: 'pin_ceiling_reached', failuresPerHour: env().PIN_FAILURES_PER_HOUR },
      'failed PIN checks reached the hourly ceiling: PIN checks are refused for everybody for a while',
    );
  }
  const match = result.value;
  if (!match) return { ok: false, code: 'invalid' };
  return { ok: true, cardId: match.id, patronId: match.patronId, libraryId: match.libraryId };
}

/**
 * A PIN hash from before the pepper, re-hashed with it now that the PIN is known. Conditional on
 * the old hash, so that a PIN changed by an import meanwhile is not overwritten. Outside any
 * transaction: hashing is slow, and the update is one statement.
 */
async function upgradePinHash(db: Db, cardId: number, oldHash: string, pin: string): Promise<void> {
  const pinHash = await hashPin(pin);
  await db.update(cards).set({ pinHash }).where(and(eq(cards.id, cardId), eq(cards.pinHash, oldHash)));
}
