// Password and PIN hashing: argon2id (OWASP's first choice) via @node-rs/argon2, which ships
// prebuilt binaries and needs no compiler.
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is a const enum; 2 is Argon2id.
const ARGON2ID = 2;

// OWASP's minimum for argon2id: m=19 MiB, t=2, p=1.
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(plain: string): Promise<string> {
  return hash(plain, options);
}

/** False for a wrong secret and for a malformed hash; never throws on bad input. */
export async function verifySecret(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when there is no account or card, so that the response time
// does not tell whether one exists.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashSecret('not-a-real-secret-only-for-equal-timing');
  return dummy;
}
