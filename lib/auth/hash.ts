// Password and PIN hashing: argon2id (OWASP's first choice) via @node-rs/argon2, which ships
// prebuilt binaries and needs no compiler.
import { hash, verify } from '@node-rs/argon2';
import { pinPepper } from './pepper';
import { importedPinHashKind } from './pin-hash-format';

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

// PINs: a 4-digit PIN has 10 000 values, so its hash alone protects nothing once the database is
// copied. Hashed with the server's pepper (lib/auth/pepper.ts) as argon2's secret input, and marked
// with this prefix so that hashes made before the pepper (plain argon2id strings) still verify
// and can be recognised for upgrading. The `1` leaves room to rotate the pepper later.
export const PEPPERED_PREFIX = 'pep1$';

export async function hashPin(pin: string): Promise<string> {
  return PEPPERED_PREFIX + (await hash(pin, { ...options, secret: pinPepper() }));
}

export function isPeppered(stored: string): boolean {
  return stored.startsWith(PEPPERED_PREFIX);
}

/**
 * Whether the PIN matches; `upgrade` when it matched a hash that is not the portal's own peppered
 * argon2id (re-hash it): an old hash from before the pepper, or one a library system exported
 * (an imported pinHash: argon2id without our pepper, or bcrypt). Anything else never matches.
 */
export async function verifyPin(stored: string, pin: string): Promise<{ ok: boolean; upgrade: boolean }> {
  try {
    if (isPeppered(stored)) {
      return { ok: await verify(stored.slice(PEPPERED_PREFIX.length), pin, { secret: pinPepper() }), upgrade: false };
    }
    let ok = false;
    if (stored.startsWith('$2')) {
      // bcrypt: only the formats the import accepts (cost bounded). bcryptjs computes in slices on
      // the main thread, yielding between them; a card has such a hash only until its first right PIN.
      if (importedPinHashKind(stored) !== 'bcrypt') return { ok: false, upgrade: false };
      const { default: bcrypt } = await import('bcryptjs');
      ok = await bcrypt.compare(pin, stored);
    } else {
      // argon2id without pepper: our hashes from before the pepper, or a library's PHC string.
      ok = await verify(stored, pin);
    }
    return { ok, upgrade: ok };
  } catch {
    return { ok: false, upgrade: false };
  }
}

let dummyPin: Promise<string> | undefined;
/** A peppered PIN hash to verify against when there is no card: the same work as a real check. */
export function dummyPinHash(): Promise<string> {
  dummyPin ??= hashPin('00000000');
  return dummyPin;
}
