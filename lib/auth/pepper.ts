// The PIN pepper: a server-side secret mixed into every PIN hash (argon2's `secret` input), so that
// a copy of the database alone does not let anyone try the 10 000 four-digit PINs offline against
// the hashes. Configured as PIN_PEPPER; production with a real database refuses to run without
// one (every instance and every import must share it); elsewhere one is generated once into .data,
// as the session secret is (lib/auth/secret.ts). Losing it makes every peppered PIN unusable until
// the library system imports the PINs again.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '../env';

export const GENERATED_PEPPER_FILE = '.data/pin-pepper';

export class MissingPepperError extends Error {
  constructor() {
    super('PIN_PEPPER must be set in production when DATABASE_URL is set.');
  }
}

/** True when PIN_PEPPER must be configured (the serve script checks it before starting). */
export function pepperRequired(): boolean {
  const e = env();
  return e.NODE_ENV === 'production' && !!e.DATABASE_URL && !e.PIN_PEPPER;
}

let cached: Buffer | undefined;

/** The pepper as bytes: configured, or generated once into .data (with a warning). */
export function pinPepper(): Buffer {
  if (cached) return cached;
  const configured = env().PIN_PEPPER;
  if (configured) return (cached = Buffer.from(configured, 'utf8'));
  if (pepperRequired()) throw new MissingPepperError();
  return (cached = Buffer.from(generatedPepper(), 'utf8'));
}

export function generatedPepper(file = GENERATED_PEPPER_FILE): string {
  const abs = path.resolve(/* turbopackIgnore: true */ file);
  if (existsSync(abs)) return readFileSync(abs, 'utf8').trim();
  mkdirSync(path.dirname(abs), { recursive: true });
  const pepper = randomBytes(32).toString('base64url');
  writeFileSync(abs, pepper + '\n', { mode: 0o600 });
  chmodSync(abs, 0o600);
  console.warn(
    `\n⚠  No PIN_PEPPER set: generated one in ${file}. Fine for a demo on this machine; ` +
      'set PIN_PEPPER (the same everywhere) for any real deployment.\n',
  );
  return pepper;
}

/** For tests that change PIN_PEPPER between cases. */
export function resetPepperForTests(): void {
  cached = undefined;
}
