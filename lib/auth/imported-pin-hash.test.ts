// PIN hashes a library system exports (argon2id PHC strings, bcrypt) are recognised
// strictly, verify the right PIN only, and always ask to be upgraded to the portal's peppered hash.
import { hash as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardSchema } from '../../db/import/schema';
import { hashPin, hashSecret, verifyPin } from './hash';
import { importedPinHashKind, pinHashProblem } from './pin-hash-format';

const PIN = '4821';
/** bcryptjs writes $2b$; $2a$ and $2y$ name the same computation for a PIN (shorter than 255 bytes). */
const bcryptAs = async (minor: 'a' | 'b' | 'y', pin: string, cost: number) => (await bcrypt.hash(pin, cost)).replace(/^\$2b\$/, `$2${minor}$`);
const ARGON2ID = 2;
const salt22 = 'abcdefghijklmnopqrstuv'; // 22 characters of bcrypt's alphabet
const hash31 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
const b64Salt = 'c29tZXNhbHRzb21lc2FsdA'; // 16 bytes, unpadded
const b64Hash = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80'; // 32 bytes, unpadded

describe('issue 13 §7: the format of an imported pinHash', () => {
  const valid: [string, string, 'argon2id' | 'bcrypt'][] = [
    ['argon2id, OWASP parameters', `$argon2id$v=19$m=19456,t=2,p=1$${b64Salt}$${b64Hash}`, 'argon2id'],
    ['argon2id, libsodium moderate (256 MiB)', `$argon2id$v=19$m=262144,t=3,p=1$${b64Salt}$${b64Hash}`, 'argon2id'],
    ['argon2id, 8-byte salt, 16-byte hash', `$argon2id$v=19$m=65536,t=1,p=4$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg`, 'argon2id'],
    ['bcrypt $2a$', `$2a$10$${salt22}${hash31}`, 'bcrypt'],
    ['bcrypt $2b$', `$2b$12$${salt22}${hash31}`, 'bcrypt'],
    ['bcrypt $2y$ (PHP)', `$2y$04$${salt22}${hash31}`, 'bcrypt'],
    ['bcrypt, cost 14 (the highest accepted)', `$2b$14$${salt22}${hash31}`, 'bcrypt'],
  ];
  it.each(valid)('accepts %s', (_, value, kind) => {
    expect(pinHashProblem(value)).toBeNull();
    expect(importedPinHashKind(value)).toBe(kind);
    expect(cardSchema.safeParse({ library: 'BE-ZOT01', number: '1', pinHash: value }).success).toBe(true);
  });

  const invalid: [string, string, RegExp][] = [
    ['a plain PIN', '4821', /argon2id PHC string .* or a bcrypt hash/],
    ['empty', '', /argon2id PHC string/],
    ['argon2i (not id)', `$argon2i$v=19$m=19456,t=2,p=1$${b64Salt}$${b64Hash}`, /argon2id PHC string/],
    ['argon2d', `$argon2d$v=19$m=19456,t=2,p=1$${b64Salt}$${b64Hash}`, /argon2id PHC string/],
    ['argon2id version 16', `$argon2id$v=16$m=19456,t=2,p=1$${b64Salt}$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id without version', `$argon2id$m=19456,t=2,p=1$${b64Salt}$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id, parameters in another order', `$argon2id$v=19$t=2,m=19456,p=1$${b64Salt}$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id with a keyid field', `$argon2id$v=19$m=19456,t=2,p=1,keyid=AAAA$${b64Salt}$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id, padded base64', `$argon2id$v=19$m=19456,t=2,p=1$${b64Salt}==$${b64Hash}=`, /\$argon2id\$v=19/],
    ['argon2id, URL-safe base64', `$argon2id$v=19$m=19456,t=2,p=1$${b64Salt.replace('c', '-')}$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id, salt too short', `$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id, hash too short', `$argon2id$v=19$m=19456,t=2,p=1$${b64Salt}$c2FsdA`, /\$argon2id\$v=19/],
    ['argon2id, impossible base64 length', `$argon2id$v=19$m=19456,t=2,p=1$${b64Salt}$${b64Hash}AA`, /not valid unpadded base64/],
    ['argon2id, leading zero in m', `$argon2id$v=19$m=019456,t=2,p=1$${b64Salt}$${b64Hash}`, /\$argon2id\$v=19/],
    ['argon2id, m above 256 MiB', `$argon2id$v=19$m=4194304,t=2,p=1$${b64Salt}$${b64Hash}`, /m must be at most 262144/],
    ['argon2id, m below 8 × p', `$argon2id$v=19$m=16,t=2,p=4$${b64Salt}$${b64Hash}`, /at least 8 × p/],
    ['argon2id, t above 16', `$argon2id$v=19$m=19456,t=100,p=1$${b64Salt}$${b64Hash}`, /t must be at most 16/],
    ['argon2id, p above 16', `$argon2id$v=19$m=19456,t=2,p=64$${b64Salt}$${b64Hash}`, /p must be at most 16/],
    ['argon2id with trailing space', `$argon2id$v=19$m=19456,t=2,p=1$${b64Salt}$${b64Hash} `, /\$argon2id\$v=19/],
    ['the portal\'s own peppered hash', `pep1$$argon2id$v=19$m=19456,t=2,p=1$${b64Salt}$${b64Hash}`, /argon2id PHC string .* or a bcrypt hash/],
    ['bcrypt $2x$', `$2x$10$${salt22}${hash31}`, /argon2id PHC string .* or a bcrypt hash/],
    ['bcrypt $2$ (original)', `$2$10$${salt22}${hash31}`, /argon2id PHC string .* or a bcrypt hash/],
    ['bcrypt, one character short', `$2b$10$${salt22}${hash31.slice(1)}`, /53 characters/],
    ['bcrypt, one character too many', `$2b$10$${salt22}${hash31}x`, /53 characters/],
    ['bcrypt, character outside its alphabet', `$2b$10$${salt22}${hash31.slice(1)}+`, /53 characters/],
    ['bcrypt, one-digit cost', `$2b$9$${salt22}${hash31}`, /two-digit cost/],
    ['bcrypt, cost 03', `$2b$03$${salt22}${hash31}`, /cost must be 04–14/],
    ['bcrypt, cost 15', `$2b$15$${salt22}${hash31}`, /cost must be 04–14/],
    ['bcrypt, cost 31', `$2b$31$${salt22}${hash31}`, /cost must be 04–14/],
  ];
  it.each(invalid)('refuses %s', (_, value, message) => {
    expect(pinHashProblem(value)).toMatch(message);
    expect(importedPinHashKind(value)).toBeNull();
    const parsed = cardSchema.safeParse({ library: 'BE-ZOT01', number: '1', pinHash: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['pinHash']);
  });

  it('refuses pin and pinHash on one card; null counts as absent', () => {
    const both = cardSchema.safeParse({ library: 'BE-ZOT01', number: '1', pin: PIN, pinHash: `$2b$10$${salt22}${hash31}` });
    expect(both.success).toBe(false);
    expect(both.error?.issues).toEqual([expect.objectContaining({ path: ['pinHash'], message: 'give either pin or pinHash, not both' })]);
    expect(cardSchema.safeParse({ library: 'BE-ZOT01', number: '1', pin: null, pinHash: `$2b$10$${salt22}${hash31}` }).success).toBe(true);
    expect(cardSchema.safeParse({ library: 'BE-ZOT01', number: '1', pin: PIN, pinHash: null }).success).toBe(true);
  });
});

describe('issue 13 §7: verifyPin with an imported hash', () => {
  const cases: { name: string; make: () => Promise<string> }[] = [
    { name: 'argon2id without pepper (@node-rs/argon2)', make: () => argon2Hash(PIN, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }) },
    { name: 'argon2id, other parameters (m=8 MiB, t=3, p=2)', make: () => argon2Hash(PIN, { algorithm: ARGON2ID, memoryCost: 8_192, timeCost: 3, parallelism: 2 }) },
    { name: 'bcrypt $2a$ (bcryptjs)', make: () => bcryptAs('a', PIN, 6) },
    { name: 'bcrypt $2b$ (bcryptjs)', make: () => bcryptAs('b', PIN, 6) },
    { name: 'bcrypt $2y$ (PHP\'s name for $2b$)', make: () => bcryptAs('y', PIN, 6) },
  ];
  const hashes = new Map<string, string>();
  beforeAll(async () => {
    for (const c of cases) hashes.set(c.name, await c.make());
  });

  it.each(cases.map((c) => c.name))('%s: the right PIN matches and asks for an upgrade; a wrong one does not', async (name) => {
    const stored = hashes.get(name)!;
    expect(importedPinHashKind(stored)).not.toBeNull(); // the import would accept it
    expect(stored.slice(0, 4)).toBe(name.startsWith('bcrypt') ? `$2${/\$2(.)\$/.exec(name)![1]}$` : '$arg');
    expect(await verifyPin(stored, PIN)).toEqual({ ok: true, upgrade: true });
    expect(await verifyPin(stored, '4822')).toEqual({ ok: false, upgrade: false });
    expect(await verifyPin(stored, '48210')).toEqual({ ok: false, upgrade: false });
  });

  it('the portal\'s own peppered hash needs no upgrade', async () => {
    expect(await verifyPin(await hashPin(PIN), PIN)).toEqual({ ok: true, upgrade: false });
  });

  it('a bcrypt hash outside the accepted format (cost 15, $2x$) never matches, even with the right PIN', async () => {
    const b = await bcryptAs('b', PIN, 4);
    expect(await verifyPin(b.replace(/^\$2b\$04\$/, '$2x$04$'), PIN)).toEqual({ ok: false, upgrade: false });
    expect(await verifyPin(b.replace(/^\$2b\$04\$/, '$2b$15$'), PIN)).toEqual({ ok: false, upgrade: false });
  });

  it('garbage never matches and never throws', async () => {
    for (const stored of ['', 'x', '$2b$', '$argon2id$', await hashSecret(PIN) + 'x']) {
      expect(await verifyPin(stored, PIN)).toEqual({ ok: false, upgrade: false });
    }
  });
});
