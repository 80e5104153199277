// Write-through (L1, L4, RN7): renewals at a linked library are decided by its system — here
// the independent reference SIP2 server — on both databases. The test set-up lends items over SIP
// (message 11), as a desk would; the portal's copy comes from the library's export (the importer).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { importNetwork } from '@/db/import/import-network';
import { accounts, items, libraryClaims, loans, renewalLog } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { createLibrarySystems } from '@/lib/library-systems/systems';
import { sipDueDate } from '@/lib/library-systems/sip2-adapter';
import { todayInBrussels } from '@/lib/domain/dates';
import { describeOnDatabases } from '@/test/db';
import { atDesk, deskClient } from '@/test/support/sip2-desk';
import { useSip2ReferenceServer } from '@/test/support/use-sip2-reference-server';
import {
  IMPORT_ONLY_ITEM,
  LINKED_REGION_SLUG,
  SAMPLE_ITEMS,
  linkedLibraryConfig,
  linkedLibraryScenario,
} from '@/test/scenarios/linked-library';
import { renewLoansForAccount, type RenewLoansResponse } from './renew-loans-core';

const today = todayInBrussels(new Date());

const server = useSip2ReferenceServer();

/** The desk: lends `item` to `patron` at the reference library and returns the due date it gives. */
async function lendAtDesk(patron: string, item: string): Promise<string> {
  return atDesk(server(), async (desk) => {
    const answer = await desk.checkout(patron, item);
    expect(answer.ok, `checkout of ${item}: ${answer.screenMessages.join(' ')}`).toBe(true);
    return sipDueDate(answer.dueDate)!;
  });
}

function ok(result: Awaited<ReturnType<typeof renewLoansForAccount>>): RenewLoansResponse {
  if (!result.ok) throw new Error(`renewal failed: ${result.code}`);
  return result.data;
}

describeOnDatabases('renewal at a linked library (reference SIP2 server) on %s', (t) => {
  let david: SignedInAccount;
  let loanOf: (barcode: string) => Promise<{ id: number; dueOn: string; renewals: number }>;
  const systems = () => createLibrarySystems(linkedLibraryConfig(server().port));

  beforeAll(async () => {
    await server().restart();
    const perlDue = await lendAtDesk('djfiander', SAMPLE_ITEMS.perl);
    const alibiDue = await lendAtDesk('djfiander', SAMPLE_ITEMS.alibi);
    const imported = await importNetwork(
      t.db,
      linkedLibraryScenario({
        today,
        linkedLoans: [
          { item: SAMPLE_ITEMS.perl, patron: 'david', dueOn: perlDue },
          { item: SAMPLE_ITEMS.alibi, patron: 'david', dueOn: alibiDue },
        ],
      }),
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const [row] = await t.db.select().from(accounts).where(eq(accounts.username, 'david.fiander'));
    david = { accountId: row!.id, sessionVersion: row!.sessionVersion };
    loanOf = async (barcode) => {
      const [loan] = await t.db
        .select({ id: loans.id, dueOn: loans.dueOn, renewals: loans.renewals })
        .from(loans)
        .innerJoin(items, eq(items.id, loans.itemId))
        .where(eq(items.barcode, barcode));
      return loan!;
    };
  }, 120_000);

  it('L1: renew all — the library decides, and the due date stored is the one its item information gives', async () => {
    const linked = systems();
    try {
      const before = await loanOf(SAMPLE_ITEMS.perl);
      const result = ok(await renewLoansForAccount(t.db, david, { requestKey: randomUUID(), cardSlug: LINKED_REGION_SLUG, all: true }, today, linked));
      expect(result.items).toHaveLength(3);
      // The reference server serves one connection at a time: the portal's pool lets go first.
      await linked.closeAll();
      const desk = deskClient(server());
      try {
        for (const barcode of [SAMPLE_ITEMS.perl, SAMPLE_ITEMS.alibi]) {
          const loan = await loanOf(barcode);
          const atLibrary = sipDueDate((await desk.itemInformation(barcode)).dueDate);
          expect(result.items.find((i) => i.loanId === loan.id)).toEqual({ loanId: loan.id, outcome: 'renewed', newDueOn: atLibrary });
          expect(loan.dueOn).toBe(atLibrary);
          expect(loan.renewals).toBe(before.renewals + 1);
        }
      } finally {
        await desk.close();
      }
      // The import-only library's loan is renewed by the portal's own rules, as before.
      const imported = await loanOf(IMPORT_ONLY_ITEM);
      expect(result.items.find((i) => i.loanId === imported.id)?.outcome).toBe('renewed');
      // Every claim is released (and remembered for refreshes that started before, L2).
      expect((await t.db.select().from(libraryClaims)).filter((c) => c.releasedAt === null)).toEqual([]);
    } finally {
      await linked.closeAll();
    }
  });

  it('L1: a hold placed at the library makes it refuse, in its own words; nothing changes in the copy', async () => {
    const desk = deskClient(server());
    try {
      const hold = await desk.hold('+', 'miker', { itemId: SAMPLE_ITEMS.perl, pickupLocation: 'CENTRAL' });
      expect(hold.ok).toBe(true);
    } finally {
      await desk.close();
    }
    const linked = systems();
    try {
      const before = await loanOf(SAMPLE_ITEMS.perl);
      const result = ok(await renewLoansForAccount(t.db, david, { requestKey: randomUUID(), loanIds: [before.id] }, today, linked));
      expect(result.items).toEqual([
        { loanId: before.id, outcome: 'refused', reason: 'library_refused', libraryName: 'Bibliotheek Referentie', libraryMessage: 'Item has outstanding holds' },
      ]);
      expect(await loanOf(SAMPLE_ITEMS.perl)).toEqual(before);
      const logged = await t.db.select().from(renewalLog).where(eq(renewalLog.loanId, before.id));
      expect(logged.at(-1)).toMatchObject({ result: 'refused', reason: 'library_refused' });
    } finally {
      await linked.closeAll();
    }
  });

  it('L4: the library down — its loans "cannot be reached; nothing was changed", the other library renews; back up — it works', async () => {
    const alibiBefore = await loanOf(SAMPLE_ITEMS.alibi);
    const importedBefore = await loanOf(IMPORT_ONLY_ITEM);
    await server().stop();
    const linked = systems();
    try {
      const result = ok(await renewLoansForAccount(t.db, david, { requestKey: randomUUID(), loanIds: [alibiBefore.id, importedBefore.id] }, today, linked));
      expect(result.items[0]).toEqual({ loanId: alibiBefore.id, outcome: 'refused', reason: 'library_unreachable', libraryName: 'Bibliotheek Referentie' });
      expect(await loanOf(SAMPLE_ITEMS.alibi)).toEqual(alibiBefore);
      // Every claim is released (and remembered for refreshes that started before, L2).
      expect((await t.db.select().from(libraryClaims)).filter((c) => c.releasedAt === null)).toEqual([]);
    } finally {
      await linked.closeAll();
    }

    // Started again (the sample system starts from its sample data): lend it again, then renew.
    await server().restart();
    const due = await lendAtDesk('djfiander', SAMPLE_ITEMS.alibi);
    const again = systems();
    try {
      const result = ok(await renewLoansForAccount(t.db, david, { requestKey: randomUUID(), loanIds: [alibiBefore.id] }, today, again));
      await again.closeAll();
      const desk = deskClient(server());
      const atLibrary = sipDueDate((await desk.itemInformation(SAMPLE_ITEMS.alibi)).dueDate);
      await desk.close();
      expect(due).toBeTruthy();
      expect(result.items[0]).toEqual({ loanId: alibiBefore.id, outcome: 'renewed', newDueOn: atLibrary });
      expect((await loanOf(SAMPLE_ITEMS.alibi)).renewals).toBe(alibiBefore.renewals + 1);
    } finally {
      await again.closeAll();
    }
  });

  it('RN7: twenty concurrent renewals of one loan send one renewal to the library', async () => {
    const linked = systems();
    const loan = await loanOf(SAMPLE_ITEMS.alibi);
    let sent = 0;
    // The library answers only once the other nineteen requests have answered (or after 20 s), so
    // all twenty overlap however slowly a loaded machine starts them: a request that started after
    // the first had finished would be a new renewal, not a concurrent one.
    let othersAnswered = 0;
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
      setTimeout(resolve, 20_000).unref();
    });
    const counting = {
      ...linked,
      forLibrary: (isil: string) => {
        const system = linked.forLibrary(isil);
        if (!system) return null;
        return new Proxy(system, {
          get(target, prop, receiver) {
            if (prop === 'renew') {
              return async (...args: Parameters<typeof target.renew>) => {
                sent += 1;
                await gate;
                return target.renew(...args);
              };
            }
            return Reflect.get(target, prop, receiver);
          },
        });
      },
    };
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          renewLoansForAccount(t.db, david, { requestKey: randomUUID(), loanIds: [loan.id] }, today, counting).then((result) => {
            if (ok(result).items[0]?.outcome === 'refused' && (othersAnswered += 1) === 19) openGate();
            return result;
          }),
        ),
      );
      expect(sent).toBe(1);
      const outcomes = results.map((r) => ok(r).items[0]!);
      expect(outcomes.filter((o) => o.outcome === 'renewed')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'refused' && o.reason === 'in_progress')).toHaveLength(19);
      expect((await loanOf(SAMPLE_ITEMS.alibi)).renewals).toBe(loan.renewals + 1);
    } finally {
      await linked.closeAll();
    }
  });

  it('RN7: a repeated request (same key) is answered from the first, without a second call', async () => {
    const linked = systems();
    const loan = await loanOf(SAMPLE_ITEMS.alibi);
    const key = randomUUID();
    try {
      const [a, b] = await Promise.all([
        renewLoansForAccount(t.db, david, { requestKey: key, loanIds: [loan.id] }, today, linked),
        renewLoansForAccount(t.db, david, { requestKey: key, loanIds: [loan.id] }, today, linked),
      ]);
      const items = [ok(a), ok(b)];
      expect(items.map((r) => r.replayed).sort()).toEqual([false, true]);
      expect(items[0]!.items).toEqual(items[1]!.items);
      expect((await loanOf(SAMPLE_ITEMS.alibi)).renewals).toBe(loan.renewals + 1);
    } finally {
      await linked.closeAll();
    }
  });
});
