// The card scenario (test/scenarios/cards.ts, shared with the e2e specs) imported into a test
// database with the importer; returns the accounts as SignedInAccount values.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importNetwork } from '@/db/import/import-network';
import { accounts } from '@/db/schema';
import type { SignedInAccount } from '@/lib/auth/session';
import { cardScenario, type CardScenario } from './cards';

export const TODAY = '2026-11-20';

export interface ImportedCardScenario extends CardScenario {
  family: SignedInAccount;
  solo: SignedInAccount;
  mallory: SignedInAccount;
}

export async function importCardScenario(db: Db, suffix = ''): Promise<ImportedCardScenario> {
  const scenario = cardScenario(suffix, TODAY);
  const result = await importNetwork(db, scenario.document);
  if (!result.ok) throw new Error(`scenario import failed: ${JSON.stringify(result.errors)}`);
  const account = async (username: string): Promise<SignedInAccount> => {
    const [row] = await db.select({ id: accounts.id, sv: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, username));
    if (!row) throw new Error(`no account ${username}`);
    return { accountId: row.id, sessionVersion: row.sv };
  };
  return {
    ...scenario,
    family: await account(scenario.users.family),
    solo: await account(scenario.users.solo),
    mallory: await account(scenario.users.mallory),
  };
}
