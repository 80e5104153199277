// P1/P2: proving that a card is yours with its number and PIN, for activation and for linking.
// Throttled per card number and per client, more tightly than sign-in (a 4-digit PIN has only
// 10 000 values), and under one ceiling for everybody together that rotating cards and addresses
// cannot escape; the answer and its timing are the same whether or not the card exists.
//
// L5: the card of a *linked* library is proved at that library's system (patron status with the
// PIN), never against a hash here: the portal keeps no PIN of such a library, and a PIN changed at
// the desk works at once. The throttles above apply before any PIN reaches the library.
//
// R14: the patron may name the card's library; the look-up then asks (library, number) only. Without
// a library every record with the number is asked, and several proved records are not a match: the
// patron is asked to name the library (lib/domain/card-choice.ts), never given the first silently.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cards, libraries } from '../../db/schema';
import { LibraryUnavailableError, NO_LIBRARY_SYSTEMS, type LibrarySystems } from '../library-systems/port';
import { normaliseCardNumber } from '../domain/card-number';
import { chooseCardRecord, namedLibrary, type PinAnswer } from '../domain/card-choice';
import { PIN_PER_CARD, PIN_PER_CLIENT, pinCeilingPolicy } from '../domain/throttle';
import { env } from '../env';
import { logger } from '../log';
import { dummyPinHash, hashPin, verifyPin } from './hash';
import { throttledAttempt, type AttemptOutcome, type ThrottleKey } from './throttle-store';

export type CardPinResult =
  | { ok: true; cardId: number; patronId: number; libraryId: number }
  | { ok: false; code: 'invalid' | 'throttled'; retryAfterSeconds?: number }
  /** R14: the PIN proves more than one record (no library named): the patron names the library. */
  | { ok: false; code: 'choose_library' }
  /** The card's linked library could not be asked (L4); the attempt does not count as a failure. */
  | { ok: false; code: 'library_unreachable'; libraryName: string };

export const cardPinInput = z.object({
  cardNumber: z.string().trim().min(4).max(40),
  pin: z.string().trim().regex(/^\d{4,8}$/),
  /** R14: the ISIL of the card's library, or empty/absent for "any library". */
  library: z.string().trim().max(64).optional(),
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
  /** The linked libraries (L5); without it every card is checked against its stored hash. */
  systems?: LibrarySystems;
}

type Candidate = { id: number; patronId: number; libraryId: number; pinHash: string | null; isil: string; libraryName: string; libraryPatronId: string };
type Outcome =
  | { kind: 'match'; card: Candidate }
  | { kind: 'choose_library' }
  | { kind: 'unreachable'; libraryName: string }
  | { kind: 'none' };

/**
 * Each candidate card: at its linked library's system, else against its stored hash. Every
 * candidate is asked (R14: a second proved record makes the answer ambiguous), then the domain chooses.
 */
async function checkCandidates(db: Db, candidates: Candidate[], pin: string, systems: LibrarySystems): Promise<Outcome> {
  const answers: { card: Candidate; answer: PinAnswer }[] = [];
  const upgrades: { card: Candidate; pinHash: string }[] = [];
  let hashed = false;
  for (const candidate of candidates) {
    const system = systems.forLibrary(candidate.isil);
    if (system) {
      try {
        const answer = await system.checkPin(candidate.libraryPatronId, pin);
        answers.push({ card: candidate, answer: answer.pinValid ? 'match' : 'no_match' });
      } catch (error) {
        if (!LibraryUnavailableError.is(error)) throw error;
        logger().warn({ isil: candidate.isil, reason: error.reason }, 'PIN check: library system unavailable');
        answers.push({ card: candidate, answer: 'unreachable' });
      }
      continue;
    }
    if (!candidate.pinHash) {
      answers.push({ card: candidate, answer: 'no_match' });
      continue;
    }
    hashed = true;
    const check = await verifyPin(candidate.pinHash, pin);
    answers.push({ card: candidate, answer: check.ok ? 'match' : 'no_match' });
    if (check.ok && check.upgrade) upgrades.push({ card: candidate, pinHash: candidate.pinHash });
  }
  // The same work whether or not a card with a PIN exists, so timing tells nothing.
  if (!hashed) await verifyPin(await dummyPinHash(), pin);
  // A right PIN is a right PIN, whichever record is chosen: its hash is upgraded all the same.
  for (const upgrade of upgrades) await upgradePinHash(db, upgrade.card.id, upgrade.pinHash, pin);
  const choice = chooseCardRecord(answers);
  if (choice.kind === 'unreachable') return { kind: 'unreachable', libraryName: choice.card.libraryName };
  return choice;
}

export async function verifyCardPin(
  db: Db,
  raw: { cardNumber: string; pin: string; library?: string; clientAddress: string },
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
  const library = namedLibrary(parsed.data.library);
  const systems = options.systems ?? NO_LIBRARY_SYSTEMS;
  const result = await throttledAttempt<Outcome>(db, keys, now, async (): Promise<AttemptOutcome<Outcome>> => {
    // A card number is unique per library, not in the network: old cards may share one.
    const candidates = await db
      .select({
        id: cards.id,
        patronId: cards.patronId,
        libraryId: cards.libraryId,
        pinHash: cards.pinHash,
        isil: libraries.isil,
        libraryName: libraries.name,
        sourceNumber: cards.sourceNumber,
      })
      .from(cards)
      .innerJoin(libraries, eq(libraries.id, cards.libraryId))
      .where(library === null ? eq(cards.number, number) : and(eq(cards.number, number), eq(libraries.isil, library)))
      .orderBy(cards.id)
      .limit(5);
    const outcome = await checkCandidates(
      db,
      candidates.map(({ sourceNumber, ...c }) => ({ ...c, libraryPatronId: sourceNumber ?? number })),
      pin,
      systems,
    );
    if (outcome.kind === 'unreachable') {
      // Not the patron's failure: the counted attempt is given back (nothing was learnt).
      return { ok: true, value: outcome };
    }
    if (outcome.kind === 'none') return { ok: false, value: outcome };
    // R14: a right PIN but not yet one record; the attempt stays counted until the patron names the library.
    if (outcome.kind === 'choose_library') return { ok: true, value: outcome, keep: [cardKey, clientKey] };
    return options.countEveryAttempt
      ? { ok: true, value: outcome, keep: [cardKey, clientKey] }
      : { ok: true, value: outcome, clear: [cardKey] };
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
  const outcome = result.value;
  if (outcome.kind === 'unreachable') return { ok: false, code: 'library_unreachable', libraryName: outcome.libraryName };
  if (outcome.kind === 'choose_library') return { ok: false, code: 'choose_library' };
  if (outcome.kind !== 'match') return { ok: false, code: 'invalid' };
  const match = outcome.card;
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
