// PINs and passwords arrive in plain text and leave this module only as argon2id hashes.
// A fresh hash has a fresh salt, so re-hashing an unchanged secret would rewrite the row on every
// import; instead the stored hash is kept when the plain secret still verifies against it.
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
