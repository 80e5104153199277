// Edge cases of renewing at a linked library that the reference server cannot produce on demand
// (L1, L4, RN7), with a scripted ACS of our own (test/support/fake-sip-acs.ts) and a system whose
// adapter fails unexpectedly; on both databases.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import { accounts, items, libraryClaims, loans, renewalRequests } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { todayInBrussels, addDays } from '@/lib/domain/dates';
import type { LibrarySystem, LibrarySystems } from '@/lib/library-systems/port';
import { createLibrarySystems } from '@/lib/library-systems/systems';
import { describeOnDatabases } from '@/test/db';
import { startFakeAcs, type FakeAcs } from '@/test/support/fake-sip-acs';
import { LINKED_ISIL, LINKED_REGION_SLUG, SAMPLE_ITEMS, linkedLibraryConfig, linkedLibraryScenario } from '@/test/scenarios/linked-library';
import { renewLoansForAccount } from './renew-loans-core';

const today = todayInBrussels(new Date());

describeOnDatabases('renewal at a linked library, edge cases, on %s', (t) => {
  let david: SignedInAccount;
  let silent: FakeAcs;
  const loanOf = async () =>
    (
      await t.db
        .select({ id: loans.id, dueOn: loans.dueOn, renewals: loans.renewals })
        .from(loans)
        .innerJoin(items, eq(items.id, loans.itemId))
        .where(eq(items.barcode, SAMPLE_ITEMS.perl))
    )[0]!;

  beforeAll(async () => {
    // Logs in, then never answers a renewal: the request went out, the answer never came.
    silent = await startFakeAcs((m) => m.body.startsWith('29'));
    const doc = linkedLibraryScenario({ today, linkedLoans: [{ item: SAMPLE_ITEMS.perl, patron: 'david', dueOn: addDays(today, 5) }] });
    const imported = await importNetwork(t.db, doc);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const [row] = await t.db.select().from(accounts).where(eq(accounts.username, 'david.fiander'));
    david = { accountId: row!.id, sessionVersion: row!.sessionVersion };
  }, 120_000);
  afterAll(async () => {
    await silent?.close();
  });

  it('L1: sent but unanswered — "it may have been renewed", never "nothing was changed"; the copy waits for a refresh', async () => {
    const systems = createLibrarySystems(linkedLibraryConfig(silent.port, 400));
    const before = await loanOf();
    try {
      const result = await renewLoansForAccount(t.db, david, { requestKey: randomUUID(), loanIds: [before.id] }, today, systems);
      expect(result).toMatchObject({
        ok: true,
        data: { items: [{ loanId: before.id, outcome: 'refused', reason: 'library_unconfirmed', libraryName: 'Bibliotheek Referentie' }] },
      });
    } finally {
      await systems.closeAll();
    }
    expect(await loanOf()).toEqual(before);
    expect((await t.db.select().from(libraryClaims)).every((c) => c.releasedAt !== null)).toBe(true);
  });

  it('L4: an unexpected failure in the adapter is an answer too: claims released, the answer stored, no exception', async () => {
    const broken: LibrarySystem = {
      isil: LINKED_ISIL,
      renew: async () => {
        throw new TypeError('a bug, not an outage');
      },
    } as unknown as LibrarySystem;
    const systems: LibrarySystems = { forLibrary: (isil) => (isil === LINKED_ISIL ? broken : null), linkedIsils: () => [LINKED_ISIL] };
    const before = await loanOf();
    const key = randomUUID();
    const result = await renewLoansForAccount(t.db, david, { requestKey: key, cardSlug: LINKED_REGION_SLUG, all: true }, today, systems);
    expect(result.ok && result.data.items.find((i) => i.loanId === before.id)).toMatchObject({ outcome: 'refused', reason: 'library_unreachable' });
    expect(await loanOf()).toEqual(before);
    expect((await t.db.select().from(libraryClaims)).every((c) => c.releasedAt !== null)).toBe(true);
    const [stored] = await t.db.select().from(renewalRequests).where(eq(renewalRequests.requestKey, key));
    expect(stored?.response).toHaveProperty('items');
  });
});
