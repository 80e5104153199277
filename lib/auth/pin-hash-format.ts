// Imported PIN hashes: the PIN hashes a library system may export instead of plain PINs (`pinHash` on a
// card of a network@1 document), recognised strictly. Pure: the importer's schema validates with
// it and lib/auth/hash.ts picks the verifier with it.
//
// - argon2id as a PHC string: `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>`, salt and
//   hash in unpadded standard base64 (the PHC string format; what libsodium, argon2-cffi and
//   @node-rs/argon2 write). Only version 19 (argon2 1.3) and no optional keyid/data fields.
// - bcrypt: `$2a$`, `$2b$` or `$2y$`, a two-digit cost, `$`, then 22 salt and 31 hash characters in
//   bcrypt's own base64 alphabet (`./A-Za-z0-9`). `$2y$` is PHP's name for `$2b$`.
//
// The cost parameters are bounded: a PIN check verifies the hash on the portal's servers, and a
// hash with absurd parameters (m = 4 GiB, bcrypt cost 31) would make each check a denial of
// service. The bounds sit well above what library systems use (OWASP: argon2id m=19 MiB t=2 p=1;
// bcrypt cost 10–12).

export type ImportedPinHashKind = 'argon2id' | 'bcrypt';

export const ARGON2ID_LIMITS = { maxMemoryKiB: 262_144, maxTime: 16, maxParallelism: 16 } as const;
export const BCRYPT_LIMITS = { minCost: 4, maxCost: 14 } as const;

const ARGON2ID_PHC = /^\$argon2id\$v=19\$m=([1-9][0-9]{0,8}),t=([1-9][0-9]{0,2}),p=([1-9][0-9]{0,2})\$([A-Za-z0-9+/]{11,64})\$([A-Za-z0-9+/]{22,86})$/;
const BCRYPT = /^\$2[aby]\$([0-9]{2})\$[./A-Za-z0-9]{53}$/;

/** A regular expression for the JSON Schema (its bounds on numbers are checked in code only). */
export const PIN_HASH_PATTERN =
  '^(\\$argon2id\\$v=19\\$m=[1-9][0-9]*,t=[1-9][0-9]*,p=[1-9][0-9]*\\$[A-Za-z0-9+/]{11,64}\\$[A-Za-z0-9+/]{22,86}|\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53})$';

export const PIN_HASH_DESCRIPTION =
  'an argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash) or a bcrypt hash ($2a$, $2b$ or $2y$, ' +
  `cost ${String(BCRYPT_LIMITS.minCost).padStart(2, '0')}–${BCRYPT_LIMITS.maxCost}, 53 characters)`;

/** Which kind of imported hash `value` is, or null when it is neither (or out of bounds). */
export function importedPinHashKind(value: string): ImportedPinHashKind | null {
  return pinHashProblem(value) === null ? (value.startsWith('$argon2id$') ? 'argon2id' : 'bcrypt') : null;
}

/** Why `value` is not an acceptable imported PIN hash, or null when it is one. */
export function pinHashProblem(value: string): string | null {
  if (value.startsWith('$argon2id$')) {
    const m = ARGON2ID_PHC.exec(value);
    if (!m) return `must be an argon2id PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash (unpadded base64 salt of 8–48 bytes and hash of 16–64 bytes)`;
    const [memory, time, lanes] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const salt = m[4]!;
    const hash = m[5]!;
    // Unpadded base64 never leaves one character over.
    if (salt.length % 4 === 1 || hash.length % 4 === 1) return 'argon2id: the salt or hash is not valid unpadded base64';
    if (lanes > ARGON2ID_LIMITS.maxParallelism) return `argon2id: p must be at most ${ARGON2ID_LIMITS.maxParallelism}`;
    if (time > ARGON2ID_LIMITS.maxTime) return `argon2id: t must be at most ${ARGON2ID_LIMITS.maxTime}`;
    if (memory < 8 * lanes) return 'argon2id: m must be at least 8 × p KiB';
    if (memory > ARGON2ID_LIMITS.maxMemoryKiB) return `argon2id: m must be at most ${ARGON2ID_LIMITS.maxMemoryKiB} KiB (256 MiB)`;
    return null;
  }
  if (/^\$2[aby]\$/.test(value)) {
    const m = BCRYPT.exec(value);
    if (!m) return 'must be a bcrypt hash: $2a$, $2b$ or $2y$, a two-digit cost, $, and 53 characters of ./A-Za-z0-9';
    const cost = Number(m[1]);
    if (cost < BCRYPT_LIMITS.minCost || cost > BCRYPT_LIMITS.maxCost) {
      return `bcrypt: the cost must be ${String(BCRYPT_LIMITS.minCost).padStart(2, '0')}–${BCRYPT_LIMITS.maxCost}`;
    }
    return null;
  }
  return `must be ${PIN_HASH_DESCRIPTION}`;
}
