import { beforeAll, expect, it } from 'vitest';
import { FIXTURE_PINS, networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from '../../db/import/import-network';
import { describeOnDatabases } from '../../test/db';
import { authenticate } from './authenticate';
import { verifyCardPin } from './card-pin';

const AN_CARD = '2000123456789';

describeOnDatabases('P1/P2 card + PIN throttle holds against parallel guesses (%s)', (t) => {
  beforeAll(async () => {
    expect(await importNetwork(t.db, networkFixture())).toMatchObject({ ok: true });
  });

  const now = new Date(Date.UTC(2026, 10, 23, 9, 0));

  it('40 wrong PINs sent at once: only 3 are checked, the rest wait for the lock', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => String(1000 + i).padStart(4, '0')).filter((p) => p !== FIXTURE_PINS.anCard);
    const results = await Promise.all(
      guesses.map((pin, i) => verifyCardPin(t.db, { cardNumber: AN_CARD, pin, clientAddress: `203.0.113.${i}` }, now)),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'invalid')).toHaveLength(3);
    expect(codes.filter((c) => c === 'throttled')).toHaveLength(guesses.length - 3);
    // Even the right PIN waits out the lock.
    expect(await verifyCardPin(t.db, { cardNumber: AN_CARD, pin: FIXTURE_PINS.anCard, clientAddress: '203.0.113.200' }, now)).toMatchObject({
      ok: false,
      code: 'throttled',
    });
  });

  it('sign-in: 20 wrong passwords at once for one account, only 5 checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(t.db, { login: 'an.peeters', password: `wrong-guess-${i}`, clientAddress: `198.51.100.${i}` }, now),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'invalid')).toHaveLength(5);
    expect(codes.filter((c) => c === 'throttled')).toHaveLength(15);
  });
});
