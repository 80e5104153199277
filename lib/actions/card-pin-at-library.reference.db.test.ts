// PINs of linked libraries (L5, P1, P2): the card of a linked library is proved at that library's system —
// the independent reference SIP2 server — and the portal keeps no PIN of it; on both databases.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import { accountPatrons, accounts, cards, patrons } from '@/db/schema';
import { todayInBrussels } from '@/lib/domain/dates';
import { createLibrarySystems } from '@/lib/library-systems/systems';
import { describeOnDatabases } from '@/test/db';
import { useSip2ReferenceServer } from '@/test/support/use-sip2-reference-server';
import { LINKED_ISIL, linkedLibraryConfig, linkedLibraryScenario } from '@/test/scenarios/linked-library';
import { activateAccount } from '@/test/support/identity-actions';

const server = useSip2ReferenceServer();

/** The verification mail of a new account goes nowhere here: the PIN is what is tested. */
const noMail = { kind: 'outbox' as const, send: async () => {} };

const activation = (pin: string, username: string) => ({
  cardNumber: 'miker',
  pin,
  username,
  email: `${username}@example.be`,
  password: 'een-lang-en-goed-wachtwoord-42',
});

describeOnDatabases('card + PIN at a linked library (reference SIP2 server) on %s', (t) => {
  let address = 0;
  // A client address per attempt: the per-client throttle is not what is tested here.
  const client = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    await server().restart();
    const doc = linkedLibraryScenario({ today: todayInBrussels(new Date()) });
    // The library's export carries a PIN for miker's card; the portal must not keep it (L5).
    const mike = doc.patrons!.find((p) => p.key === 'mike')!;
    mike.cards = [{ library: LINKED_ISIL, number: 'miker', pin: '1111' }];
    const imported = await importNetwork(t.db, doc, { linkedIsils: [LINKED_ISIL] });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  }, 120_000);

  it('L5: the PIN of a linked library’s card is not kept from the import; the library’s spelling is', async () => {
    const [card] = await t.db.select().from(cards).where(eq(cards.sourceNumber, 'miker'));
    expect(card).toMatchObject({ number: 'MIKER', sourceNumber: 'miker', pinHash: null });
  });

  it('L5: the PIN the export carried does not work; a wrong one neither', async () => {
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      expect(await activateAccount(t.db, activation('1111', 'mike.a'), client(), { mailer: noMail }, systems)).toEqual({ ok: false, code: 'card_invalid' });
      expect(await activateAccount(t.db, activation('0000', 'mike.b'), client(), { mailer: noMail }, systems)).toEqual({ ok: false, code: 'card_invalid' });
    } finally {
      await systems.closeAll();
    }
    expect(await t.db.select().from(accounts).where(eq(accounts.username, 'mike.a'))).toEqual([]);
  });

  it('L4: the library down — "cannot be reached", no account, and the attempt does not count against the card', async () => {
    await server().stop();
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      for (let i = 0; i < 4; i++) {
        expect(await activateAccount(t.db, activation('6789', 'mike.c'), client(), { mailer: noMail }, systems)).toEqual({
          ok: false,
          code: 'library_unreachable',
          library: { name: 'Bibliotheek Referentie', message: null },
        });
      }
    } finally {
      await systems.closeAll();
      await server().restart();
    }
  });

  it('P1/L5: the PIN the library knows (6789) activates an account linked to miker’s record', async () => {
    const systems = createLibrarySystems(linkedLibraryConfig(server().port));
    try {
      const result = await activateAccount(t.db, activation('6789', 'mike.rylander'), client(), { mailer: noMail }, systems);
      expect(result).toMatchObject({ ok: true, data: { username: 'mike.rylander' } });
      const [linked] = await t.db
        .select({ key: patrons.key })
        .from(accountPatrons)
        .innerJoin(accounts, eq(accounts.id, accountPatrons.accountId))
        .innerJoin(patrons, eq(patrons.id, accountPatrons.patronId))
        .where(eq(accounts.username, 'mike.rylander'));
      expect(linked?.key).toBe('mike');
    } finally {
      await systems.closeAll();
    }
  });
});
