// A session secret shorter than 32 characters is refused at start, with a clear message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvForTests } from '../env';
import { authSecret, generatedSecret } from './secret';

const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, AUTH_SECRET: process.env.AUTH_SECRET };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
});

describe('session secret length', () => {
  const cases: [label: string, variables: Record<string, string>, expected: 'accepted' | RegExp][] = [
    ['NEXTAUTH_SECRET of 1 character', { NEXTAUTH_SECRET: 'x' }, /NEXTAUTH_SECRET must be at least 32 characters/],
    ['NEXTAUTH_SECRET of 31 characters', { NEXTAUTH_SECRET: 'a'.repeat(31) }, /NEXTAUTH_SECRET must be at least 32 characters/],
    ['NEXTAUTH_SECRET of 32 characters', { NEXTAUTH_SECRET: 'a'.repeat(32) }, 'accepted'],
    ['NEXTAUTH_SECRET from `openssl rand -base64 32`', { NEXTAUTH_SECRET: 'q0hD3Yq8b4mN0Zx1Jt6Vw9Rk2Lp5Sg7Fc1Ea3Ub4Hi=' }, 'accepted'],
    ['AUTH_SECRET of 12 characters', { AUTH_SECRET: 'correcthorse' }, /AUTH_SECRET must be at least 32 characters/],
    ['a long NEXTAUTH_SECRET does not excuse a short AUTH_SECRET', { NEXTAUTH_SECRET: 'a'.repeat(40), AUTH_SECRET: 'short' }, /AUTH_SECRET must be at least 32/],
  ];
  it.each(cases)('%s', (_label, variables, expected) => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    Object.assign(process.env, variables);
    resetEnvForTests();
    if (expected === 'accepted') {
      expect(() => env()).not.toThrow();
      expect(authSecret().length).toBeGreaterThanOrEqual(32);
    } else {
      expect(() => env()).toThrow(expected);
      expect(() => env()).toThrow(/openssl rand -base64 32/);
    }
  });

  it('the generated secret is long, and a short one on disk is refused', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-'));
    try {
      const fresh = path.join(dir, 'fresh');
      expect(generatedSecret(fresh).length).toBeGreaterThanOrEqual(43);
      const short = path.join(dir, 'short');
      writeFileSync(short, 'tooshort\n');
      expect(() => generatedSecret(short)).toThrow(/shorter than 32 characters/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
