// Every natural-key reference in a document, with the JSON path it sits at, so that one resolver
// can check them all against the document and, for what the document lacks, the database.
import { normaliseCardNumber } from '../../lib/domain/card-number';
import type { ParsedNetworkDocument } from './schema';

export type Reference =
  | { path: string; kind: 'region' | 'collection' | 'library' | 'patron' | 'title' | 'item'; key: string }
  | { path: string; kind: 'branch'; library: string; key: string }
  | { path: string; kind: 'subscriptionType'; library: string; key: string };

export function collectReferences(doc: ParsedNetworkDocument): Reference[] {
  const refs: Reference[] = [];
  const add = (ref: Reference) => refs.push(ref);

  doc.subscriptionTypes.forEach((t, i) => {
    if (t.region !== undefined) add({ path: `subscriptionTypes[${i}].region`, kind: 'region', key: t.region });
    if (t.library !== undefined) add({ path: `subscriptionTypes[${i}].library`, kind: 'library', key: t.library });
  });
  doc.libraries.forEach((l, i) => {
    if (l.region != null) add({ path: `libraries[${i}].region`, kind: 'region', key: l.region });
    l.digitalCollections?.forEach((c, j) =>
      add({ path: `libraries[${i}].digitalCollections[${j}]`, kind: 'collection', key: c }),
    );
  });
  doc.patrons.forEach((p, i) => {
    p.memberships.forEach((m, j) => {
      const at = `patrons[${i}].memberships[${j}]`;
      add({ path: `${at}.library`, kind: 'library', key: m.library });
      add({ path: `${at}.type`, kind: 'subscriptionType', library: m.library, key: m.type });
    });
    p.guestMemberships.forEach((m, j) => {
      const at = `patrons[${i}].guestMemberships[${j}]`;
      add({ path: `${at}.library`, kind: 'library', key: m.library });
      add({ path: `${at}.type`, kind: 'subscriptionType', library: m.library, key: m.type });
    });
    p.cards.forEach((c, j) => add({ path: `patrons[${i}].cards[${j}].library`, kind: 'library', key: c.library }));
  });
  doc.accounts.forEach((a, i) =>
    a.patrons.forEach((key, j) => add({ path: `accounts[${i}].patrons[${j}]`, kind: 'patron', key })),
  );
  doc.items.forEach((it, i) => {
    add({ path: `items[${i}].title`, kind: 'title', key: it.title });
    add({ path: `items[${i}].library`, kind: 'library', key: it.library });
    add({ path: `items[${i}].branch`, kind: 'branch', library: it.library, key: it.branch });
  });
  doc.loans.forEach((l, i) => {
    add({ path: `loans[${i}].item`, kind: 'item', key: l.item });
    add({ path: `loans[${i}].patron`, kind: 'patron', key: l.patron });
    add({ path: `loans[${i}].library`, kind: 'library', key: l.library });
    add({ path: `loans[${i}].branch`, kind: 'branch', library: l.library, key: l.branch });
  });
  doc.reservations.forEach((r, i) => {
    add({ path: `reservations[${i}].title`, kind: 'title', key: r.title });
    add({ path: `reservations[${i}].patron`, kind: 'patron', key: r.patron });
    add({ path: `reservations[${i}].pickupLibrary`, kind: 'library', key: r.pickupLibrary });
    add({ path: `reservations[${i}].pickupBranch`, kind: 'branch', library: r.pickupLibrary, key: r.pickupBranch });
  });
  doc.fees.forEach((f, i) => {
    add({ path: `fees[${i}].patron`, kind: 'patron', key: f.patron });
    add({ path: `fees[${i}].library`, kind: 'library', key: f.library });
  });
  return refs;
}

/** Card numbers are stored normalised (spaces, dots, dashes removed), as the portal looks them up. */
export const cardNumber = normaliseCardNumber;
