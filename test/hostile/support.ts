// Shared by the hostile-input suites: the payloads, the scenario, and the
// comparison of database snapshots.
//
// The scenario: the card scenario (test/scenarios/cards.ts, suffix "h": accounts family, solo and
// mallory) plus the identity scenario (test/scenarios/identity.ts: an.peeters, eva.other,
// cards with PINs). The hostile caller is signed in as mallory; "another account's ids" are the
// family's loans, reservations, patrons and cards.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { snapshotDatabase, type Snapshot } from '@/test/support/snapshot';
import { accountPatrons, branches, loans, patrons, portalChanges, reservations } from '@/db/schema';
import { importIdentityScenario } from '@/test/scenarios/identity';
import { importCardScenario, type ImportedCardScenario } from '@/test/scenarios/cards-imported';

export const ONE_MB = 'x'.repeat(1024 * 1024);

/** Deeply nested junk: 2 000 levels of objects and arrays. */
export function deeplyNested(levels = 2000): unknown {
  let value: unknown = 'junk';
  for (let i = 0; i < levels; i += 1) value = { a: [value] };
  return value;
}

export function formData(fields: Record<string, string | string[] | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}

/** Payloads that are junk for every action, whatever its schema. */
export function genericJunk(): [string, unknown][] {
  return [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', 'hello'],
    ['a boolean', true],
    ['an empty array', []],
    ['an array of junk', [1, 'a', null, { b: 2 }]],
    ['an empty object', {}],
    ['only unknown keys', { evil: 1, $where: 'sleep(10)', "'; drop table loans; --": 1 }],
    ['prototype-polluting keys', JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')],
    ['a 1 MB string', ONE_MB],
    ['a 1 MB object', { blob: ONE_MB }],
    ['deeply nested junk', deeplyNested()],
    ['a Date', new Date()],
    ['empty FormData', new FormData()],
    ['FormData with a 1 MB value', formData({ x: ONE_MB })],
    ['FormData with a file', formData({ file: new Blob(['%PDF-1.4 junk']) })],
  ];
}

/**
 * Junk for one field of an otherwise well-formed input: the field missing, null, the wrong type,
 * 1 MB long, an array where a scalar belongs, nested junk, negative and out-of-range numbers.
 */
export function fieldJunk(base: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [['base with an unknown key', { ...base, isAdmin: true, accountId: 1 }]];
  for (const field of Object.keys(base)) {
    const { [field]: _drop, ...without } = base;
    out.push(
      [`${field} missing`, without],
      [`${field} null`, { ...base, [field]: null }],
      [`${field} a 1 MB string`, { ...base, [field]: ONE_MB }],
      [`${field} an array`, { ...base, [field]: [base[field], base[field]] }],
      [`${field} an object`, { ...base, [field]: { nested: { junk: [1, 2, 3] } } }],
      [`${field} a boolean`, { ...base, [field]: true }],
      [`${field} negative`, { ...base, [field]: -1 }],
      [`${field} huge`, { ...base, [field]: 2 ** 53 }],
      [`${field} fractional`, { ...base, [field]: 1.5 }],
      [`${field} SQL`, { ...base, [field]: "1 or 1=1; drop table loans; --" }],
      [`${field} NUL bytes`, { ...base, [field]: 'a\u0000b' }],
    );
  }
  return out;
}

export function asFormData(value: unknown): FormData | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof FormData) return null;
  const data = new FormData();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    for (const item of Array.isArray(v) ? v : [v]) data.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  return data;
}

export interface HostileScenario extends ImportedCardScenario {
  victim: {
    openLoanIds: number[];
    reservationIds: number[];
    patronIds: number[];
    branchIds: number[];
    /** Notices: a rejected change of the family's, whose notice it has not dismissed. */
    changeIds: number[];
  };
  malloryPatronIds: number[];
}

export async function importHostileScenario(db: Db): Promise<HostileScenario> {
  const cards = await importCardScenario(db, 'h');
  await importIdentityScenario(db);
  const patronIdsOf = async (accountId: number) =>
    (await db.select({ id: accountPatrons.patronId }).from(accountPatrons).where(eq(accountPatrons.accountId, accountId))).map((r) => r.id);
  const familyPatrons = await patronIdsOf(cards.family.accountId);
  const openLoanIds = (await db.select({ id: loans.id, returnedOn: loans.returnedOn }).from(loans).where(inArray(loans.patronId, familyPatrons)))
    .filter((l) => l.returnedOn === null)
    .map((l) => l.id);
  const reservationIds = (await db.select({ id: reservations.id }).from(reservations).where(inArray(reservations.patronId, familyPatrons))).map((r) => r.id);
  const branchIds = (await db.select({ id: branches.id }).from(branches)).map((b) => b.id);
  if (openLoanIds.length === 0 || reservationIds.length === 0) throw new Error('hostile scenario: the family has no loans or reservations');
  void patrons;
  const [change] = await db
    .insert(portalChanges)
    .values({
      accountId: cards.family.accountId, patronId: familyPatrons[0]!, kind: 'renewal', loanId: openLoanIds[0]!,
      status: 'rejected', resolvedAt: new Date('2026-11-20T02:00:00Z'), resolvedBy: 'import', rejectedReason: 'loan_returned',
    })
    .returning({ id: portalChanges.id });
  return {
    ...cards,
    victim: { openLoanIds, reservationIds, patronIds: familyPatrons, branchIds, changeIds: [change!.id] },
    malloryPatronIds: await patronIdsOf(cards.mallory.accountId),
  };
}

/** Two snapshots equal but for the named tables (each exclusion is explained where it is used). */
export function withoutTables(snapshot: Snapshot, tables: readonly string[]): Snapshot {
  const copy = { ...snapshot };
  for (const t of tables) {
    if (!(t in copy)) throw new Error(`no table ${t} in the snapshot`);
    copy[t] = [];
  }
  return copy;
}

export { snapshotDatabase };
