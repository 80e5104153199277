// The secret that signs and encrypts session JWTs. Production with a real database refuses to
// run without one; everywhere else a generated one is kept in .data so sessions survive restarts.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, MIN_SECRET_LENGTH } from '../env';

export const GENERATED_SECRET_FILE = '.data/auth-secret';

export class MissingSecretError extends Error {
  constructor() {
    super('NEXTAUTH_SECRET (or AUTH_SECRET) must be set in production when DATABASE_URL is set.');
  }
}

export class ShortSecretError extends Error {
  constructor(where: string) {
    super(`${where} holds a session secret shorter than ${MIN_SECRET_LENGTH} characters. Delete it to have a new one generated, or set NEXTAUTH_SECRET.`);
  }
}

/** The configured secret, or null when none is set (lib/env.ts refuses one under 32 characters). */
export function configuredSecret(): string | null {
  const e = env();
  return e.NEXTAUTH_SECRET ?? e.AUTH_SECRET ?? null;
}

/** True when the app must refuse to start for want of a real secret. */
export function secretRequired(): boolean {
  const e = env();
  return e.NODE_ENV === 'production' && !!e.DATABASE_URL;
}

/** The secret to use: configured, or generated once into .data (with a loud warning). */
export function authSecret(): string {
  const configured = configuredSecret();
  if (configured) return configured;
  if (secretRequired()) throw new MissingSecretError();
  return generatedSecret();
}

export function generatedSecret(file = GENERATED_SECRET_FILE): string {
  const abs = path.resolve(file);
  if (existsSync(abs)) {
    const stored = readFileSync(abs, 'utf8').trim();
    if (stored.length < MIN_SECRET_LENGTH) throw new ShortSecretError(file);
    return stored;
  }
  mkdirSync(path.dirname(abs), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(abs, secret + '\n', { mode: 0o600 });
  chmodSync(abs, 0o600);
  console.warn(
    `\n⚠  No NEXTAUTH_SECRET set: generated one in ${file}. Fine for a demo on this machine; ` +
      'set NEXTAUTH_SECRET for any real deployment.\n',
  );
  return secret;
}
