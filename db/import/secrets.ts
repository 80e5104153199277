// PINs and passwords arrive in plain text and leave this module only as argon2id hashes.
// A fresh hash has a fresh salt, so re-hashing an unchanged secret would rewrite the row on every
// import; instead the stored hash is kept when the plain secret still verifies against it.
import { createHash } from 'node:crypto';
import { hashPin, hashSecret, isPeppered, verifyPin, verifySecret } from '../../lib/auth/hash';

/** The hash to store for `plain`: the stored one when it still matches, else a new one; null for none. */
export async function keepOrHash(stored: string | null | undefined, plain: string | null | undefined): Promise<string | null> {
  if (plain == null) return null;
  if (stored && (await verifySecret(stored, plain))) return stored;
  return hashSecret(plain);
}

/**
 * The same for a PIN, always with the server's pepper (lib/auth/pepper.ts): a stored hash is kept
 * only when it is peppered and still matches; one from before the pepper is replaced.
 */
export async function keepOrHashPin(stored: string | null | undefined, plain: string | null | undefined): Promise<string | null> {
  if (plain == null) return null;
  if (stored && isPeppered(stored) && (await verifyPin(stored, plain)).ok) return stored;
  return hashPin(plain);
}

/** A card's PIN columns as stored. */
export interface StoredPin {
  pinHash: string | null;
  pinSource: string | null;
}

/** What `pin_source` holds for a document's pinHash: the SHA-256 (hex) of the string. */
export function pinSourceOf(pinHash: string): string {
  return createHash('sha256').update(pinHash, 'utf8').digest('hex');
}

/**
 * A card's PIN columns from the document's `pin` or `pinHash`.
 *
 * - `pinHash` (argon2id PHC or bcrypt, validated by schema.ts) is stored as given: it cannot be
 *   peppered, since that needs the PIN. verifyPin accepts it and asks for an upgrade, so the first
 *   right PIN replaces it with a peppered argon2id hash. `pin_source` remembers which document hash
 *   it came from: when a re-import brings the same string, whatever is stored stays (the upgraded
 *   hash, or the library's one still) and nothing is hashed or verified — a nightly re-import of
 *   100 000 unchanged cards costs no argon2 or bcrypt work at all. A different string replaces it.
 * - `pin` (plain): the stored peppered hash is kept when the PIN still verifies, else hashed anew.
 * - neither: no PIN.
 */
export async function cardPinColumns(
  stored: StoredPin | undefined,
  given: { pin?: string | null; pinHash?: string | null },
): Promise<StoredPin> {
  if (given.pinHash != null) {
    const pinSource = pinSourceOf(given.pinHash);
    if (stored && stored.pinSource === pinSource) return { pinHash: stored.pinHash, pinSource };
    return { pinHash: given.pinHash, pinSource };
  }
  return { pinHash: await keepOrHashPin(stored?.pinHash, given.pin), pinSource: null };
}

/**
 * Runs `work` over `values` with at most `limit` in flight. argon2 runs on libuv's thread pool;
 * queueing a whole chunk at once would only hold more memory, not finish sooner.
 */
export async function mapLimited<T, R>(values: readonly T[], limit: number, work: (value: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const i = next++;
      out[i] = await work(values[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return out;
}
