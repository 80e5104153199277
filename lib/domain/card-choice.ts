// R14 one actor, P1/P2: which patron record a card number + PIN proves. A card number is unique per
// library, not in the network: a guest library registers a guest under the home card number (R10),
// so the guest record and the home record of one person can share number and PIN, and old cards
// of different people can share a number. The look-up asks (library, number) when the patron named
// the library; without a library every record with the number is asked, and the answer must be
// one record — never the first of several picked silently.

/** What one record's check of the PIN said: right, wrong (or no PIN), or its library could not be asked (L4). */
export type PinAnswer = 'match' | 'no_match' | 'unreachable';

export type CardChoice<T> =
  /** Exactly one record is proved: that one. */
  | { kind: 'match'; card: T }
  /**
   * More than one record may be the patron's: the PIN is right at several, or right at one while
   * another could not be asked. The patron names the library; nothing is linked meanwhile.
   */
  | { kind: 'choose_library' }
  /** No record is proved and a library could not be asked: try again later (nothing learnt). */
  | { kind: 'unreachable'; card: T }
  /** Nothing proved: wrong PIN, unknown card, or no such card at the named library (one refusal). */
  | { kind: 'none' };

/** R14: the record the answers prove, in the order the records were asked. */
export function chooseCardRecord<T>(answers: readonly { card: T; answer: PinAnswer }[]): CardChoice<T> {
  const matches = answers.filter((a) => a.answer === 'match');
  const unreachable = answers.filter((a) => a.answer === 'unreachable');
  if (matches.length === 1 && unreachable.length === 0) return { kind: 'match', card: matches[0]!.card };
  if (matches.length >= 1) return { kind: 'choose_library' };
  if (unreachable.length > 0) return { kind: 'unreachable', card: unreachable[0]!.card };
  return { kind: 'none' };
}

/**
 * R14: the library the patron named in a card form, or null for "any library". The form's select
 * posts an ISIL, or the empty string for "I don't know / any".
 */
export function namedLibrary(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
