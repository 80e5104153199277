// The demo network: two regions of the samenwerkingsgroep-3 example (Zottegem-Oosterzele, 3b, and
// Herzele-Sint-Lievens-Houtem, 3a), a library in no region (Brakel) and three Dutch libraries for
// national lending (Bedum, Bellingwolde, Blijham). Every date is relative to `today`, so the demo
// never goes stale; the same `today` always gives the same document. It is written through the
// importer (db/import), with the same validation as any other document.
//
// Its parts are in db/seed/demo/: the structure (libraries.ts), the accounts and activations the
// README and the e2e tests use (accounts.ts: keep them stable), the builder (builder.ts), the
// patrons by group (patrons-*.ts), the spare copies (shelves.ts) and the move to another day
// (stale-rows.ts).
import { todayInBrussels, type IsoDate } from '../../lib/domain/dates';
import type { Db } from '../client';
import { importNetwork, type ImportResult } from '../import/import-network';
import type { NetworkDocument } from '../import/schema';
import type { FullDocument } from './network';
import { addDemoAccounts } from './demo/accounts';
import { DemoBuilder } from './demo/builder';
import { addNetworkSkeleton } from './demo/libraries';
import { miekeClaeys, pieterWouters } from './demo/patrons-activate-link';
import { daanVisser, keesMulder, sanneBakker } from './demo/patrons-guests';
import { fatimaElAmrani, larsDeBacker, marcDeClercq, sofieClaes, wimDeVos } from './demo/patrons-without-account';
import { anPeeters, elsVermeulen, inesMaes, janDeWilde, lotteGoossens, tomDesmet } from './demo/patrons-zottegem-oosterzele';
import { addSpareCopies } from './demo/shelves';
import { removeStaleDemoRows, type RemovedDemoRows } from './demo/stale-rows';

export {
  AN_PEETERS_EID,
  DEMO_ACCOUNTS,
  DEMO_ACTIVATIONS,
  DEMO_PASSWORD,
  type DemoAccount,
  type DemoActivation,
} from './demo/accounts';
export { DEMO_LIBRARIES, DEMO_REGIONS, demoSubscriptionType } from './demo/libraries';

/**
 * The demo network as an import document; a pure function of `today`. The order of the calls is
 * part of the document: item barcodes are numbered per library in the order the items are made.
 */
export function buildDemoNetwork(today: string): NetworkDocument {
  const b = new DemoBuilder(today);
  addNetworkSkeleton(b.doc);
  // The account holders (DEMO_ACCOUNTS) and the records of DEMO_ACTIVATIONS, a–j.
  for (const add of [
    anPeeters, janDeWilde, elsVermeulen, tomDesmet, lotteGoossens,
    sanneBakker, daanVisser, keesMulder, miekeClaeys, pieterWouters, inesMaes,
  ])
    add(b);
  // Other patrons of the network (no account): the reservations and copies the rules need.
  for (const add of [sofieClaes, marcDeClercq, larsDeBacker, fatimaElAmrani, wimDeVos]) add(b);
  addSpareCopies(b);
  addDemoAccounts(b.doc);
  return b.doc;
}

export interface SeedDemoResult {
  today: IsoDate;
  counts: Extract<ImportResult, { ok: true }>['counts'];
  /** Rows of an earlier seed on another day that this run removed (see seedDemo). */
  removed: RemovedDemoRows;
}

/**
 * Imports the demo network through the importer; throws with the importer's error list if the
 * document is refused (a bug here). Idempotent: a second run on the same day changes nothing.
 * A run on a later day moves the demo to that day: first the demo patrons' loans, reservations and
 * fees that the new document does not list (they carry the old dates) are deleted, with the
 * renewal log and change log of those loans and reservations, so that the demo looks exactly as a fresh seed of that day instead
 * of piling up history (the importer never deletes: absent records are left alone; demo/stale-rows.ts).
 */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<SeedDemoResult> {
  const today = options.today ?? todayInBrussels(new Date());
  const doc = buildDemoNetwork(today) as FullDocument;
  const removed = await removeStaleDemoRows(db, doc);
  const result = await importNetwork(db, doc, { today });
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
    throw new Error(`the demo network was refused by the importer (a bug in db/seed/demo.ts):\n${lines}`);
  }
  return { today, counts: result.counts, removed };
}
