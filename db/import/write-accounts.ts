// Accounts (P1) and their links to patron records (P2).
import { inArray, sql } from 'drizzle-orm';
import { accountPatrons, accounts } from '../schema';
import { KEPT_ACCOUNT, reconcileMembershipLink } from '../../lib/domain/import-reconcile';
import { chunked, inChunks } from './chunks';
import type { PortalChangeReconciler, StandingChange } from './portal-changes';
import { keepOrHash, mapLimited } from './secrets';
import { zeroCounts, type Counts } from './upsert';
import { HASH_CONCURRENCY, k, need, upsertCounted, type WriteContext } from './write-shared';

/**
 * Accounts (P1), by lower(username). A new account gets the document's address (the library's
 * record of it, so it counts as verified) and its password, hashed. An existing
 * account is the patron's: its e-mail, verification, password and sessions are
 * never written — the document's password is not even hashed — and a different address is
 * reported as kept. Then the accounts' links.
 */
export async function writeAccounts(ctx: WriteContext, patronIds: Map<string, number>): Promise<void> {
  const { changes } = ctx;
  ctx.at('accounts');
  const accountIds = await upsertCounted(
    ctx,
    'accounts',
    {
      table: accounts,
      keyOf: (r) => String(r.username).toLowerCase(),
      storedWhere: (chunk) =>
        inArray(sql`lower(${accounts.username})`, chunk.map((a) => a.username.toLowerCase())),
      columns: ['username', 'email', 'emailVerified', 'passwordHash'],
      target: [accounts.id],
      conflictOnId: true,
      prepare: (chunk, stored) =>
        mapLimited(chunk, HASH_CONCURRENCY, async ({ password, at: i, ...account }) => {
          const before = stored.get(account.username.toLowerCase());
          if (!before) return { ...account, passwordHash: await keepOrHash(null, password) };
          if (before.email !== account.email) changes.keepWith(`accounts[${i}]`, KEPT_ACCOUNT);
          return { ...account, email: before.email, emailVerified: before.emailVerified, passwordHash: before.passwordHash };
        }),
    },
    ctx.doc.accounts.map((a, i) => ({ at: i, username: a.username, email: a.email, emailVerified: true, password: a.password })),
  );

  ctx.at('accounts[].patrons');
  ctx.counts.accountPatrons = await writeAccountLinks(ctx, accountIds, patronIds);
}

/**
 * P1/P2 links. Only added, never removed: patrons link and unlink in the portal, and an import
 * must not undo that. A link to another account was refused by validation (P3, R14). A
 * standing unlink is not undone either (the link is not re-added, and reported as kept)
 * until the document's account no longer lists the patron; a standing link is confirmed when it
 * does.
 */
async function writeAccountLinks(
  { db, doc, changes }: WriteContext,
  accountIds: Map<string, number>,
  patronIds: Map<string, number>,
): Promise<Counts> {
  const counts = zeroCounts();
  const listedAccounts = doc.accounts.map((a, i) => ({
    at: i,
    accountId: need(accountIds, a.username.toLowerCase(), 'account'),
    patronIds: a.patrons.map((p) => need(patronIds, p, 'patron')),
  }));
  const wanted = listedAccounts.flatMap((a) =>
    a.patronIds.map((patronId, j) => ({ accountId: a.accountId, patronId, path: `accounts[${a.at}].patrons[${j}]` })),
  );
  const stored = await inChunks(
    wanted.map((w) => w.patronId),
    (chunk) => db.select().from(accountPatrons).where(inArray(accountPatrons.patronId, chunk)),
  );
  const have = new Set(stored.map((r) => k(r.accountId, r.patronId)));

  const keptLinks = await standingUnlinksKept(changes, listedAccounts);

  const toInsert = wanted
    .filter((w) => !have.has(k(w.accountId, w.patronId)) && !keptLinks.has(k(w.accountId, w.patronId)))
    .map(({ accountId, patronId }) => ({ accountId, patronId, linkedBy: 'import' as const }));
  counts.inserted = toInsert.length;
  counts.unchanged = wanted.length - toInsert.length;
  for (const chunk of chunked(toInsert)) await db.insert(accountPatrons).values(chunk);
  return counts;
}

/**
 * Standing portal changes, for the links of the listed accounts: decides every standing link and unlink, and
 * returns the links (account, patron) that stay as the portal left them, i.e. are not re-added.
 */
async function standingUnlinksKept(
  changes: PortalChangeReconciler,
  listedAccounts: { at: number; accountId: number; patronIds: number[] }[],
): Promise<Set<string>> {
  const standing = await changes.standing(
    'accountId',
    listedAccounts.map((a) => a.accountId),
    ['membership_linked', 'membership_unlinked'],
  );
  const keptLinks = new Set<string>();
  for (const account of listedAccounts) {
    const byPatron = new Map<number, StandingChange[]>();
    for (const change of standing.get(account.accountId) ?? []) {
      if (change.patronId === null) continue;
      byPatron.set(change.patronId, [...(byPatron.get(change.patronId) ?? []), change]);
    }
    for (const [patronId, list] of byPatron) {
      const j = account.patronIds.indexOf(patronId);
      const decided = changes.decide(
        list,
        (c) => reconcileMembershipLink(c.kind as 'membership_linked' | 'membership_unlinked', j >= 0),
        `accounts[${account.at}].patrons[${j}]`,
      );
      if (decided?.outcome.action === 'keep') keptLinks.add(k(account.accountId, patronId));
    }
  }
  return keptLinks;
}
