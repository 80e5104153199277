import { afterEach, describe, expect, it } from 'vitest';
import { keepOrHashPin } from '../../db/import/secrets';
import { resetEnvForTests } from '../env';
import { hashPin, hashSecret, isPeppered, PEPPERED_PREFIX, verifyPin } from './hash';
import { resetPepperForTests } from './pepper';

const TEST_PEPPER = process.env.PIN_PEPPER;

function usePepper(value: string | undefined) {
  if (value === undefined) delete process.env.PIN_PEPPER;
  else process.env.PIN_PEPPER = value;
  resetEnvForTests();
  resetPepperForTests();
}

describe('issue 11 point 5: PIN hashes are peppered', () => {
  afterEach(() => usePepper(TEST_PEPPER));

  it('a new PIN hash is marked as peppered and verifies only the right PIN', async () => {
    const stored = await hashPin('4821');
    expect(stored.startsWith(PEPPERED_PREFIX)).toBe(true);
    expect(isPeppered(stored)).toBe(true);
    expect(await verifyPin(stored, '4821')).toEqual({ ok: true, upgrade: false });
    expect(await verifyPin(stored, '4822')).toEqual({ ok: false, upgrade: false });
  });

  it('the database alone is not enough: with another pepper no PIN verifies', async () => {
    const stored = await hashPin('4821');
    usePepper('another-pepper-that-an-attacker-might-guess-0000');
    expect(await verifyPin(stored, '4821')).toEqual({ ok: false, upgrade: false });
    // Without the mark, the argon2 string alone does not verify the PIN either.
    expect(await verifyPin(stored.slice(PEPPERED_PREFIX.length), '4821')).toEqual({ ok: false, upgrade: false });
  });

  it.each([
    ['an old hash without pepper, right PIN: accepted, to be upgraded', '4821', { ok: true, upgrade: true }],
    ['an old hash without pepper, wrong PIN: refused, nothing to upgrade', '0000', { ok: false, upgrade: false }],
  ] as const)('%s', async (_what, pin, expected) => {
    expect(await verifyPin(await hashSecret('4821'), pin)).toEqual(expected);
  });

  it.each([
    ['junk', 'not-a-hash'],
    ['a marked junk', `${PEPPERED_PREFIX}not-a-hash`],
    ['empty', ''],
  ])('a malformed stored hash (%s) is refused, never thrown', async (_what, stored) => {
    expect(await verifyPin(stored, '4821')).toEqual({ ok: false, upgrade: false });
  });

  it('the importer keeps a matching peppered hash, and replaces an old one or a changed PIN with a peppered one', async () => {
    const peppered = await hashPin('4821');
    expect(await keepOrHashPin(peppered, '4821')).toBe(peppered);
    const old = await hashSecret('4821');
    const upgraded = await keepOrHashPin(old, '4821');
    expect(upgraded).not.toBe(old);
    expect(await verifyPin(upgraded!, '4821')).toEqual({ ok: true, upgrade: false });
    const changed = await keepOrHashPin(peppered, '9999');
    expect(await verifyPin(changed!, '9999')).toEqual({ ok: true, upgrade: false });
    expect(await keepOrHashPin(peppered, null)).toBeNull();
  });
});
