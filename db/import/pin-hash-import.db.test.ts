// Imported PIN hashes on both databases: a card imported with `pinHash` (bcrypt or argon2id from the
// library system) is stored as given; the first right PIN (activation, link) upgrades it to the
// portal's peppered hash; a re-import of the same document keeps the upgraded hash and does no PIN
// hashing or verifying at all; a different pinHash replaces it; a linked library keeps no PIN.
import { hash as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { describeOnDatabases } from '../../test/db';
import * as hashing from '../../lib/auth/hash';
import { verifyCardPin } from '../../lib/auth/card-pin';
import { activateAccount } from '@/test/support/identity-actions';
import { cards } from '../schema';
import { FIXTURE_PINS, networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from './import-network';
import { pinSourceOf } from './secrets';

// Every PIN hash and check goes through lib/auth/hash: wrapped, so the test can count them.
vi.mock('../../lib/auth/hash', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/auth/hash')>();
  return {
    ...real,
    hashPin: vi.fn(real.hashPin),
    verifyPin: vi.fn(real.verifyPin),
    hashSecret: vi.fn(real.hashSecret),
    verifySecret: vi.fn(real.verifySecret),
  };
});
const spies = [hashing.hashPin, hashing.verifyPin, hashing.hashSecret, hashing.verifySecret].map((f) => vi.mocked(f));
const hashingCalls = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);

const AN_CARD = '2000123456789'; // BE-ZOT01
const BERT_CARD = '85.07.30-033.28'; // BE-DEI01
const NEW_PIN = '5190';

/** The fixture network with the PINs as hashes, and without accounts (their passwords are hashed too). */
function hashedDocument(anHash: string, bertHash: string) {
  const doc = networkFixture();
  doc.accounts = [];
  for (const patron of doc.patrons) {
    for (const card of patron.cards ?? []) {
      if (card.number === AN_CARD) card.pinHash = anHash;
      if (card.number === BERT_CARD) card.pinHash = bertHash;
      if (card.pinHash) delete card.pin;
    }
  }
  return doc;
}

describeOnDatabases('issue 13 §7: cards imported with pinHash (%s)', (t) => {
  let anBcrypt: string;
  let bertArgon: string;
  let doc: ReturnType<typeof hashedDocument>;
  let clock = Date.UTC(2026, 10, 23, 9, 0);
  // Each check at a later time and from its own address, so that throttles never interfere.
  const check = (cardNumber: string, pin: string) =>
    verifyCardPin(t.db, { cardNumber, pin, clientAddress: `192.0.2.${(clock / 60_000) % 250}` }, new Date((clock += 3_600_000)));
  const stored = async (number: string) => {
    const [row] = await t.db.select({ pinHash: cards.pinHash, pinSource: cards.pinSource }).from(cards).where(eq(cards.sourceNumber, number));
    return row!;
  };

  beforeAll(async () => {
    anBcrypt = await bcrypt.hash(FIXTURE_PINS.anCard, 8); // $2b$
    bertArgon = await argon2Hash(FIXTURE_PINS.bertCard, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    doc = hashedDocument(anBcrypt, bertArgon);
  });
  beforeEach(() => spies.forEach((s) => s.mockClear()));

  it('stores the hashes as given, with the digest of their source, and hashes nothing', async () => {
    expect(await importNetwork(t.db, doc)).toMatchObject({ ok: true });
    expect(hashingCalls()).toBe(0);
    expect(await stored(AN_CARD)).toEqual({ pinHash: anBcrypt, pinSource: pinSourceOf(anBcrypt) });
    expect(await stored(BERT_CARD)).toEqual({ pinHash: bertArgon, pinSource: pinSourceOf(bertArgon) });
  });

  it('a wrong PIN is refused and changes nothing', async () => {
    expect(await check(AN_CARD, '0000')).toMatchObject({ ok: false, code: 'invalid' });
    expect((await stored(AN_CARD)).pinHash).toBe(anBcrypt);
  });

  it('the right PIN proves the card (bcrypt: activation; argon2id: the check linking uses) and upgrades the hash to the peppered one', async () => {
    const activated = await activateAccount(
      t.db,
      { cardNumber: AN_CARD, pin: FIXTURE_PINS.anCard, username: 'an.hash', email: 'an.hash@example.be', password: 'a long enough passphrase' },
      '192.0.2.1',
      { mailer: { kind: 'outbox' as const, send: async () => {} }, now: new Date((clock += 3_600_000)), baseUrl: 'https://portal.example.be' },
    );
    expect(activated).toMatchObject({ ok: true, data: { username: 'an.hash' } });
    expect(await check(BERT_CARD, FIXTURE_PINS.bertCard)).toMatchObject({ ok: true });
    for (const [number, pin] of [[AN_CARD, FIXTURE_PINS.anCard], [BERT_CARD, FIXTURE_PINS.bertCard]] as const) {
      const after = await stored(number);
      expect(hashing.isPeppered(after.pinHash!)).toBe(true);
      expect(await hashing.verifyPin(after.pinHash!, pin)).toEqual({ ok: true, upgrade: false });
    }
    // And the card still proves itself with the upgraded hash.
    expect(await check(AN_CARD, FIXTURE_PINS.anCard)).toMatchObject({ ok: true });
  });

  it('a re-import of the same document keeps the upgraded hashes and does no PIN hashing or verifying', async () => {
    const before = [await stored(AN_CARD), await stored(BERT_CARD)];
    spies.forEach((s) => s.mockClear());
    const result = await importNetwork(t.db, doc);
    expect(result).toMatchObject({ ok: true, counts: { cards: { inserted: 0, updated: 0 } } });
    expect(hashingCalls()).toBe(0);
    expect([await stored(AN_CARD), await stored(BERT_CARD)]).toEqual(before);
  });

  it('a different pinHash (the PIN changed at the library) replaces it: the old PIN fails, the new one works and upgrades', async () => {
    const newBcrypt = (await bcrypt.hash(NEW_PIN, 8)).replace(/^\$2b\$/, '$2y$'); // as PHP writes it
    const changed = hashedDocument(newBcrypt, bertArgon);
    const result = await importNetwork(t.db, changed);
    expect(result).toMatchObject({ ok: true, counts: { cards: { updated: 1 } } });
    expect(hashingCalls()).toBe(0);
    expect(await stored(AN_CARD)).toEqual({ pinHash: newBcrypt, pinSource: pinSourceOf(newBcrypt) });
    // Bert's document hash did not change: his upgraded hash stays.
    expect(hashing.isPeppered((await stored(BERT_CARD)).pinHash!)).toBe(true);
    expect(await check(AN_CARD, FIXTURE_PINS.anCard)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await check(AN_CARD, NEW_PIN)).toMatchObject({ ok: true });
    expect(hashing.isPeppered((await stored(AN_CARD)).pinHash!)).toBe(true);
  });

  it('a plain pin after a pinHash: hashed with the pepper, and the source forgotten', async () => {
    const plain = networkFixture();
    plain.accounts = [];
    const result = await importNetwork(t.db, plain);
    expect(result).toMatchObject({ ok: true });
    // The counting works: plain PINs are hashed (and a peppered stored one is verified first).
    expect(vi.mocked(hashing.hashPin).mock.calls.length).toBeGreaterThan(0);
    const an = await stored(AN_CARD);
    expect(an.pinSource).toBeNull();
    expect(await hashing.verifyPin(an.pinHash!, FIXTURE_PINS.anCard)).toEqual({ ok: true, upgrade: false });
  });

  it('L5: a linked library\'s card keeps no PIN, also when the document carries a pinHash', async () => {
    const result = await importNetwork(t.db, doc, { linkedIsils: ['BE-ZOT01'] });
    expect(result).toMatchObject({ ok: true });
    expect(await stored(AN_CARD)).toEqual({ pinHash: null, pinSource: null });
    expect((await stored(BERT_CARD)).pinHash).not.toBeNull();
  });

  it('refuses a malformed pinHash and pin together with pinHash, with their paths; nothing changes', async () => {
    const bad = hashedDocument('$2b$10$tooShort', bertArgon);
    const both = hashedDocument(anBcrypt, bertArgon);
    const bertCard = both.patrons.flatMap((p) => p.cards ?? []).find((c) => c.number === BERT_CARD)!;
    bertCard.pin = FIXTURE_PINS.bertCard;
    const a = await importNetwork(t.db, bad);
    const b = await importNetwork(t.db, both);
    expect(a.ok).toBe(false);
    expect(b.ok).toBe(false);
    if (a.ok || b.ok) return;
    expect(a.errors).toEqual([expect.objectContaining({ path: 'patrons[0].cards[0].pinHash', message: expect.stringMatching(/bcrypt hash/) })]);
    expect(b.errors).toEqual([expect.objectContaining({ path: 'patrons[1].cards[0].pinHash', message: 'give either pin or pinHash, not both' })]);
  });
});
