// Validation of a whole document before anything is written: first the shape (zod), then
// uniqueness, the rules between fields, and every reference — against the document and, for what
// the document lacks, against the database (records of an earlier import). All errors are
// collected, not just the first. Run it inside the writer's transaction so that the database
// cannot change between the checks and the writes.
import type { Executor } from '../client';
import { ErrorList, fromZodIssues, zodMessage, type ImportError } from './errors';
import { branchKey, emptyWanted, findExisting, scopeKey, type Existing } from './existing-records';
import { cardNumber, collectReferences, type Reference } from './references';
import { networkDocumentSchema, type ParsedNetworkDocument } from './schema';

export type ShapeResult = { ok: true; doc: ParsedNetworkDocument } | { ok: false; errors: ImportError[] };

/** The shape only: types, required fields, enums, dates, unknown keys. No database needed. */
export function parseNetworkDocument(input: unknown): ShapeResult {
  const parsed = networkDocumentSchema.safeParse(input, { error: zodMessage });
  if (parsed.success) return { ok: true, doc: parsed.data };
  const errors = new ErrorList();
  fromZodIssues(parsed.error.issues, errors);
  return { ok: false, errors: errors.list() };
}

/**
 * Everything but the shape. Returns [] when the document can be written. References that the
 * document does not resolve are looked up in the database, in batches.
 */
export async function checkNetworkDocument(db: Executor, doc: ParsedNetworkDocument): Promise<ImportError[]> {
  const errors = new ErrorList();
  const index = indexDocument(doc, errors);
  const refs = collectReferences(doc);
  const existing = await findExisting(db, wantedFromDatabase(doc, index, refs));
  checkReferences(refs, index, existing, errors);
  checkRules(doc, errors);
  checkAgainstDatabase(doc, existing, errors);
  return errors.list();
}

interface DocumentIndex {
  regions: Set<string>;
  collections: Set<string>;
  /** ISIL → region code of the document's libraries. */
  libraries: Map<string, string | null>;
  branches: Set<string>;
  subscriptionTypes: Set<string>;
  patrons: Set<string>;
  titles: Set<string>;
  items: Set<string>;
  /** [path, ISIL] of the subscription types a library owns (via `library`). */
  typeOwners: [string, string][];
}

/** Indexes the document's own records and reports duplicates of their natural keys. */
function indexDocument(doc: ParsedNetworkDocument, errors: ErrorList): DocumentIndex {
  const unique = <T>(what: string, entries: { path: string; key: T; label: string }[]): Set<T> => {
    const seen = new Map<T, string>();
    for (const { path, key, label } of entries) {
      const first = seen.get(key);
      if (first !== undefined) errors.add(path, `duplicate ${what} ${label} (also at ${first})`);
      else seen.set(key, path.replace(/\.[^.[]+$/, ''));
    }
    return new Set(seen.keys());
  };
  const q = JSON.stringify;

  const regions = unique(
    'region code',
    doc.regions.map((r, i) => ({ path: `regions[${i}].code`, key: r.code, label: q(r.code) })),
  );
  const collections = unique(
    'digital collection code',
    doc.digitalCollections.map((c, i) => ({ path: `digitalCollections[${i}].code`, key: c.code, label: q(c.code) })),
  );
  unique(
    'ISIL',
    doc.libraries.map((l, i) => ({ path: `libraries[${i}].isil`, key: l.isil, label: q(l.isil) })),
  );
  const libraries = new Map(doc.libraries.map((l) => [l.isil, l.region ?? null] as const));
  const branches = unique(
    'branch code',
    doc.libraries.flatMap((l, i) =>
      l.branches.map((b, j) => ({
        path: `libraries[${i}].branches[${j}].code`,
        key: branchKey(l.isil, b.code),
        label: `${q(b.code)} in library ${q(l.isil)}`,
      })),
    ),
  );
  const subscriptionTypes = unique(
    'subscription type code',
    doc.subscriptionTypes.flatMap((t, i) => {
      // A type with neither or both scopes is reported in checkRules; it has no scope to be unique in.
      if ((t.region === undefined) === (t.library === undefined)) return [];
      const scope = t.region !== undefined ? scopeKey({ region: t.region }) : scopeKey({ library: t.library ?? '' });
      const where = t.region !== undefined ? `region ${q(t.region)}` : `library ${q(t.library)}`;
      return [{ path: `subscriptionTypes[${i}].code`, key: `${scope}\u0000${t.code}`, label: `${q(t.code)} in ${where}` }];
    }),
  );
  const patrons = unique(
    'patron key',
    doc.patrons.map((p, i) => ({ path: `patrons[${i}].key`, key: p.key, label: q(p.key) })),
  );
  unique(
    'card number',
    doc.patrons.flatMap((p, i) =>
      p.cards.map((c, j) => ({
        path: `patrons[${i}].cards[${j}].number`,
        key: branchKey(c.library, cardNumber(c.number)),
        label: `${q(c.number)} in library ${q(c.library)}`,
      })),
    ),
  );
  unique(
    'username',
    doc.accounts.map((a, i) => ({
      path: `accounts[${i}].username`,
      key: a.username.toLowerCase(),
      label: `${q(a.username)} (usernames ignore case)`,
    })),
  );
  unique(
    'linked patron',
    doc.accounts.flatMap((a, i) =>
      a.patrons.map((key, j) => ({
        path: `accounts[${i}].patrons[${j}]`,
        key,
        label: `${q(key)}: a patron is linked to at most one account`,
      })),
    ),
  );
  const titles = unique(
    'title key',
    doc.titles.map((t, i) => ({ path: `titles[${i}].key`, key: t.key, label: q(t.key) })),
  );
  const items = unique(
    'barcode',
    doc.items.map((it, i) => ({ path: `items[${i}].barcode`, key: it.barcode, label: q(it.barcode) })),
  );
  unique(
    'loan',
    doc.loans.map((l, i) => ({
      path: `loans[${i}].lentOn`,
      key: `${l.item}\u0000${l.lentOn}`,
      label: `of item ${q(l.item)} lent on ${l.lentOn}`,
    })),
  );
  unique(
    'reservation',
    doc.reservations.map((r, i) => ({
      path: `reservations[${i}].placedOn`,
      key: `${r.patron}\u0000${r.title}\u0000${r.placedOn}`,
      label: `of title ${q(r.title)} by patron ${q(r.patron)} placed on ${r.placedOn}`,
    })),
  );
  unique(
    'fee',
    doc.fees.map((f, i) => ({
      path: `fees[${i}].description`,
      key: [f.patron, f.library, f.kind, f.createdOn, f.description].join('\u0000'),
      label: `(same patron, library, kind, createdOn and description)`,
    })),
  );
  const typeOwners = doc.subscriptionTypes.flatMap((t, i): [string, string][] =>
    t.library !== undefined && t.region === undefined ? [[`subscriptionTypes[${i}].library`, t.library]] : [],
  );
  return { regions, collections, libraries, branches, subscriptionTypes, patrons, titles, items, typeOwners };
}

/** The scope a library's subscription types live in: its region, or the library itself (R2). */
function typeScope(isil: string, region: string | null): string {
  return region !== null ? scopeKey({ region }) : scopeKey({ library: isil });
}

/** What to look up in the database: references the document does not resolve, and cross-checks. */
function wantedFromDatabase(doc: ParsedNetworkDocument, index: DocumentIndex, refs: Reference[]) {
  const wanted = emptyWanted();
  for (const ref of refs) {
    switch (ref.kind) {
      case 'region':
        if (!index.regions.has(ref.key)) wanted.regions.add(ref.key);
        break;
      case 'collection':
        if (!index.collections.has(ref.key)) wanted.collections.add(ref.key);
        break;
      case 'library':
        if (!index.libraries.has(ref.key)) wanted.libraries.add(ref.key);
        break;
      case 'branch':
        if (!index.branches.has(branchKey(ref.library, ref.key))) wanted.branchesOf.add(ref.library);
        break;
      case 'subscriptionType': {
        const region = index.libraries.get(ref.library);
        const inDocument = region !== undefined && index.subscriptionTypes.has(`${typeScope(ref.library, region)}\u0000${ref.key}`);
        if (!inDocument) wanted.subscriptionTypeCodes.add(ref.key);
        break;
      }
      case 'patron':
        if (!index.patrons.has(ref.key)) wanted.patrons.add(ref.key);
        break;
      case 'title':
        if (!index.titles.has(ref.key)) wanted.titles.add(ref.key);
        break;
      case 'item':
        if (!index.items.has(ref.key)) wanted.items.add(ref.key);
        break;
    }
  }
  for (const p of doc.patrons) for (const c of p.cards) wanted.cardNumbers.add(cardNumber(c.number));
  for (const a of doc.accounts) for (const key of a.patrons) wanted.linkedPatrons.add(key);
  wanted.exportedAt = doc.exportedAt != null ? new Date(doc.exportedAt) : null;
  for (const l of doc.loans) if (l.returnedOn == null) wanted.openLoanItems.add(l.item);
  return wanted;
}

function checkReferences(refs: Reference[], index: DocumentIndex, existing: Existing, errors: ErrorList): void {
  const q = JSON.stringify;
  // The document's own value wins over the stored one: it is about to be written.
  const libraryRegion = (isil: string): string | null | undefined =>
    index.libraries.has(isil) ? index.libraries.get(isil) : existing.libraries.get(isil);

  for (const ref of refs) {
    switch (ref.kind) {
      case 'region':
        if (!index.regions.has(ref.key) && !existing.regions.has(ref.key))
          errors.add(ref.path, `no region with code ${q(ref.key)}`);
        break;
      case 'collection':
        if (!index.collections.has(ref.key) && !existing.collections.has(ref.key))
          errors.add(ref.path, `no digital collection with code ${q(ref.key)}`);
        break;
      case 'library':
        if (libraryRegion(ref.key) === undefined) errors.add(ref.path, `no library with ISIL ${q(ref.key)}`);
        break;
      case 'branch': {
        // An unknown library is reported at its own path; its branch says nothing more.
        if (libraryRegion(ref.library) === undefined) break;
        const key = branchKey(ref.library, ref.key);
        if (!index.branches.has(key) && !existing.branches.has(key))
          errors.add(ref.path, `library ${q(ref.library)} has no branch with code ${q(ref.key)}`);
        break;
      }
      case 'subscriptionType': {
        const region = libraryRegion(ref.library);
        if (region === undefined) break;
        const key = `${typeScope(ref.library, region)}\u0000${ref.key}`;
        if (!index.subscriptionTypes.has(key) && !existing.subscriptionTypes.has(key)) {
          const where = region !== null ? `region ${q(region)}` : `library ${q(ref.library)} (in no region)`;
          errors.add(ref.path, `no subscription type ${q(ref.key)} in ${where}`);
        }
        break;
      }
      case 'patron':
        if (!index.patrons.has(ref.key) && !existing.patrons.has(ref.key))
          errors.add(ref.path, `no patron with key ${q(ref.key)}`);
        break;
      case 'title':
        if (!index.titles.has(ref.key) && !existing.titles.has(ref.key))
          errors.add(ref.path, `no title with key ${q(ref.key)}`);
        break;
      case 'item':
        if (!index.items.has(ref.key) && !existing.items.has(ref.key))
          errors.add(ref.path, `no item with barcode ${q(ref.key)}`);
        break;
    }
  }

  // A library in a region uses the region's types (all libraries of a region share them).
  for (const [path, isil] of index.typeOwners) {
    const region = libraryRegion(isil);
    if (region != null) errors.add(path, `library ${q(isil)} belongs to region ${q(region)}; its subscription types are the region's`);
  }
}

/** Rules between fields of one record or of records of the document among themselves. */
function checkRules(doc: ParsedNetworkDocument, errors: ErrorList): void {
  const q = JSON.stringify;
  doc.subscriptionTypes.forEach((t, i) => {
    if ((t.region === undefined) === (t.library === undefined))
      errors.add(`subscriptionTypes[${i}]`, 'needs exactly one of region (a region’s type) or library (a lone library’s type)');
  });
  doc.libraries.forEach((l, i) => {
    const seen = new Set<string>();
    l.digitalCollections?.forEach((c, j) => {
      if (seen.has(c)) errors.add(`libraries[${i}].digitalCollections[${j}]`, `digital collection ${q(c)} is listed twice`);
      seen.add(c);
    });
  });
  doc.patrons.forEach((p, i) => {
    // One membership per patron and library, ordinary or guest (the database holds both in one table).
    const libraries = new Map<string, string>();
    const once = (path: string, isil: string) => {
      const first = libraries.get(isil);
      if (first !== undefined) errors.add(path, `patron already has a membership at library ${q(isil)} (${first})`);
      else libraries.set(isil, path.replace(/\.library$/, ''));
    };
    p.memberships.forEach((m, j) => {
      const at = `patrons[${i}].memberships[${j}]`;
      once(`${at}.library`, m.library);
      if (m.end < m.start) errors.add(`${at}.end`, `ends (${m.end}) before it starts (${m.start})`);
      if (m.stoppedOn != null && m.stoppedOn < m.start)
        errors.add(`${at}.stoppedOn`, `stopped (${m.stoppedOn}) before it starts (${m.start})`);
    });
    p.guestMemberships.forEach((m, j) => {
      const at = `patrons[${i}].guestMemberships[${j}]`;
      once(`${at}.library`, m.library);
      if (m.homeIsil === m.library) errors.add(`${at}.homeIsil`, 'the home library cannot be the guest library itself (R10)');
    });
    p.cards.forEach((c, j) => {
      if (cardNumber(c.number) === '') errors.add(`patrons[${i}].cards[${j}].number`, 'has no letters or digits');
    });
  });
  doc.loans.forEach((l, i) => {
    if (l.dueOn < l.lentOn) errors.add(`loans[${i}].dueOn`, `is before lentOn (${l.lentOn})`);
    if (l.returnedOn != null && l.returnedOn < l.lentOn) errors.add(`loans[${i}].returnedOn`, `is before lentOn (${l.lentOn})`);
  });
  // An item has at most one open loan.
  const open = new Map<string, number>();
  doc.loans.forEach((l, i) => {
    if (l.returnedOn != null) return;
    const first = open.get(l.item);
    if (first !== undefined) errors.add(`loans[${i}].item`, `item ${q(l.item)} already has an open loan (loans[${first}]); an item has at most one`);
    else open.set(l.item, i);
  });
  doc.reservations.forEach((r, i) => {
    if (r.status === 'ready' && r.readyUntil == null) errors.add(`reservations[${i}].readyUntil`, 'required when status is "ready"');
    if (r.readyUntil != null && r.readyUntil < r.placedOn) errors.add(`reservations[${i}].readyUntil`, `is before placedOn (${r.placedOn})`);
  });
  doc.fees.forEach((f, i) => {
    if (f.paidOn != null && f.paidOn < f.createdOn) errors.add(`fees[${i}].paidOn`, `is before createdOn (${f.createdOn})`);
  });
}

/** Rules that span the document and what is stored. */
function checkAgainstDatabase(doc: ParsedNetworkDocument, existing: Existing, errors: ErrorList): void {
  const q = JSON.stringify;
  doc.patrons.forEach((p, i) =>
    p.cards.forEach((c, j) => {
      const owner = existing.cardOwners.get(branchKey(c.library, cardNumber(c.number)));
      if (owner !== undefined && owner !== p.key)
        errors.add(`patrons[${i}].cards[${j}].number`, `card ${q(c.number)} of library ${q(c.library)} belongs to patron ${q(owner)}`);
    }),
  );
  // P3/R14: an import never moves a patron from one account to another. A link the patron ended in
  // the portal (a standing portal change) is not re-added, so a document that still lists it is not refused for it.
  doc.accounts.forEach((a, i) =>
    a.patrons.forEach((key, j) => {
      const linked = existing.patronAccounts.get(key);
      if (existing.unlinkedInPortal.has(`${key}\u0000${a.username.toLowerCase()}`)) return;
      if (linked !== undefined && linked !== a.username.toLowerCase())
        errors.add(`accounts[${i}].patrons[${j}]`, `patron ${q(key)} is already linked to another account; unlink it there first`);
    }),
  );
  // The partial unique index allows one open loan per item; a stored open loan from another day
  // must be closed by this document (the same loan with returnedOn) or the write would fail.
  const closedHere = new Set(doc.loans.filter((l) => l.returnedOn != null).map((l) => `${l.item}\u0000${l.lentOn}`));
  doc.loans.forEach((l, i) => {
    if (l.returnedOn != null) return;
    const storedLentOn = existing.openLoans.get(l.item);
    if (storedLentOn === undefined || storedLentOn === l.lentOn) return;
    if (closedHere.has(`${l.item}\u0000${storedLentOn}`)) return;
    errors.add(
      `loans[${i}].item`,
      `item ${q(l.item)} already has an open loan since ${storedLentOn} in the database; list that loan with its returnedOn first`,
    );
  });
}
