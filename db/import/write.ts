// Writes a validated document, table by table in dependency order, by natural key (upsert.ts).
// Call it inside one transaction, after validate.ts found no errors: it trusts the references.
// References to records of an earlier import are resolved to ids in batches, like everything else.
// One file per section: write-structure.ts (regions … subscription types), write-patrons.ts
// (patrons, memberships, cards), write-accounts.ts (accounts and their links), write-catalogue.ts
// (titles, items), write-lending.ts (loans, reservations, fees); shared helpers in write-shared.ts.
import type { Executor } from '../client';
import { NOTE_NO_EXPORTED_AT } from '../../lib/domain/import-reconcile';
import { PortalChangeReconciler, type KeptRecord } from './portal-changes';
import type { ParsedNetworkDocument } from './schema';
import { writeAccounts } from './write-accounts';
import { writeCatalogue } from './write-catalogue';
import { writeLending } from './write-lending';
import { writeCards, writeMemberships, writePatrons } from './write-patrons';
import type { TableCounts, WriteContext } from './write-shared';
import { writeStructure } from './write-structure';

export { DEFAULT_LOAN_STRIPS } from './write-patrons';
export type { TableCounts } from './write-shared';

/** Which part of the document is being written, so that a database error can name it. */
export interface WriteProgress {
  section: string;
}

/** What the import kept of the portal's changes, and what it settled. */
export interface WriteReport {
  kept: KeptRecord[];
  notes: string[];
  portalChanges: { confirmed: number; rejected: number };
}

export const emptyWriteReport = (): WriteReport => ({ kept: [], notes: [], portalChanges: { confirmed: 0, rejected: 0 } });

export async function writeNetwork(
  db: Executor,
  doc: ParsedNetworkDocument,
  progress: WriteProgress = { section: '' },
  linkedIsils: ReadonlySet<string> = new Set(),
  report: WriteReport = emptyWriteReport(),
): Promise<TableCounts> {
  // A portal change stands when unconfirmed, or made after the export.
  const exportedAt = doc.exportedAt != null ? new Date(doc.exportedAt) : null;
  if (exportedAt === null) report.notes.push(NOTE_NO_EXPORTED_AT);
  const ctx: WriteContext = {
    db,
    doc,
    counts: {},
    at: (section) => (progress.section = section),
    changes: new PortalChangeReconciler(db, exportedAt),
  };

  const structure = await writeStructure(ctx);
  const patronIds = await writePatrons(ctx);
  await writeMemberships(ctx, structure, patronIds);
  await writeCards(ctx, structure, patronIds, linkedIsils);
  await writeAccounts(ctx, patronIds);
  const catalogue = await writeCatalogue(ctx, structure);
  await writeLending(ctx, { structure, catalogue, patronIds });

  ctx.at('portal_changes');
  report.kept.push(...ctx.changes.kept);
  report.portalChanges = await ctx.changes.flush();
  return ctx.counts;
}
