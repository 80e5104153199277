// WAL positions compare as numbers, not as text ('9/0' is below '10/0'); the router's decisions
// against a real replica are in test/replica.db.test.ts.
import { describe, expect, it } from 'vitest';
import { parseLsn } from './replica-routing';

describe('parseLsn', () => {
  it.each([
    ['0/0', 0n],
    ['0/1', 1n],
    ['1/0', 1n << 32n],
    ['16/B374D848', (0x16n << 32n) | 0xb374d848n],
    ['FFFFFFFF/FFFFFFFF', (1n << 64n) - 1n],
  ])('%s', (text, value) => expect(parseLsn(text)).toBe(value));

  it.each(['', '0', '0/', '/0', '1/2/3', 'G/0', '123456789/0', ' 0/0'])('refuses %j', (text) => expect(parseLsn(text)).toBeNull());

  it('orders by value: 9/0 is below 10/0 although "9" sorts after "1"', () => {
    expect(parseLsn('9/0')! < parseLsn('10/0')!).toBe(true);
    expect(parseLsn('0/FFFFFFFF')! < parseLsn('1/0')!).toBe(true);
  });
});
