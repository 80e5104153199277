// Patrons, their memberships (ordinary and guest) and their cards.
import { inArray } from 'drizzle-orm';
import { cards, memberships, patrons } from '../schema';
import { classifyCardNumber } from '../../lib/domain/card-number';
import { reconcileHistorySetting } from '../../lib/domain/import-reconcile';
import type { StandingChange } from './portal-changes';
import { cardNumber } from './references';
import { cardPinColumns, mapLimited, type StoredPin } from './secrets';
import { HASH_CONCURRENCY, k, need, resolve, upsertCounted, type WriteContext } from './write-shared';
import type { StructureIds } from './write-structure';

/** R15: a Dutch guest membership starts with 125 free loan strips. */
export const DEFAULT_LOAN_STRIPS = 125;

/**
 * Patrons. The history setting is the patron's once the patron exists: the document sets it
 * only for a new patron; a standing history change is confirmed when the document shows it.
 * Returns natural key → id for every patron the document names.
 */
export async function writePatrons(ctx: WriteContext): Promise<Map<string, number>> {
  const { db, doc, changes } = ctx;
  ctx.at('patrons');
  const patronIds = await upsertCounted(
    ctx,
    'patrons',
    {
      table: patrons,
      keyOf: (r) => String(r.key),
      storedWhere: (chunk) => inArray(patrons.key, chunk.map((r) => r.key)),
      columns: ['givenName', 'familyName', 'birthDate', 'email', 'historyEnabled'],
      target: [patrons.key],
      prepare: async (chunk, stored) => {
        const existing = chunk.flatMap((p) => {
          const before = stored.get(p.key);
          return before ? [before.id] : [];
        });
        const standing = existing.length > 0
          ? await changes.standing('patronId', existing, ['history_enabled', 'history_disabled'])
          : new Map<number, StandingChange[]>();
        return chunk.map(({ at: i, ...patron }) => {
          const before = stored.get(patron.key);
          if (!before) return patron;
          const portalValue = before.historyEnabled as boolean;
          const list = standing.get(before.id) ?? [];
          const outcome = reconcileHistorySetting(portalValue, patron.historyEnabled);
          if (list.length > 0) {
            if (outcome.action === 'keep') changes.keep(`patrons[${i}].historyEnabled`, list.at(-1)!);
            else for (const change of list) changes.settle(change, outcome);
          }
          return { ...patron, historyEnabled: portalValue };
        });
      },
    },
    // `at`: the patron's position in the document, for the report; prepare strips it.
    doc.patrons.map((p, i) => ({
      at: i,
      key: p.key,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate ?? null,
      email: p.email ?? null,
      historyEnabled: p.historyEnabled,
    })),
  );
  return resolve(
    patronIds,
    [
      ...doc.accounts.flatMap((a) => a.patrons),
      ...doc.loans.map((l) => l.patron),
      ...doc.reservations.map((r) => r.patron),
      ...doc.fees.map((f) => f.patron),
    ],
    (chunk) => db.select({ key: patrons.key, id: patrons.id }).from(patrons).where(inArray(patrons.key, chunk)),
  );
}

/** Memberships, ordinary and guest (R10–R12, R15): one per patron and library. */
export async function writeMemberships(ctx: WriteContext, ids: StructureIds, patronIds: Map<string, number>): Promise<void> {
  ctx.at('patrons[].memberships');
  await upsertCounted(
    ctx,
    'memberships',
    {
      table: memberships,
      keyOf: (r) => k(r.patronId, r.libraryId),
      storedWhere: (chunk) => inArray(memberships.patronId, chunk.map((r) => r.patronId)),
      columns: [
        'subscriptionTypeId', 'kind', 'startOn', 'endOn', 'autoRenew', 'stoppedOn', 'registeredOn',
        'homeIsil', 'homeCardNumber', 'homeValidUntil', 'homeCheckedOn', 'loanStrips',
      ],
      target: [memberships.patronId, memberships.libraryId],
      // R15: strips are used up by lending; a document without loanStrips keeps the stored count.
      prepare: async (chunk, stored) =>
        chunk.map((m) => {
          if (m.kind !== 'guest' || m.loanStrips !== undefined) return m;
          const before = stored.get(k(m.patronId, m.libraryId));
          const strips = before?.kind === 'guest' ? (before.loanStrips as number | null) : null;
          return { ...m, loanStrips: strips ?? DEFAULT_LOAN_STRIPS };
        }),
    },
    membershipDrafts(ctx, ids, patronIds),
  );
}

function membershipDrafts({ doc }: WriteContext, { libraryIds, typeIds, typeKey }: StructureIds, patronIds: Map<string, number>) {
  return doc.patrons.flatMap((p) => {
    const patronId = need(patronIds, p.key, 'patron');
    const ordinary = p.memberships.map((m) => ({
      patronId,
      libraryId: need(libraryIds, m.library, 'library'),
      subscriptionTypeId: need(typeIds, typeKey(m.library, m.type), 'subscription type'),
      kind: 'ordinary' as const,
      startOn: m.start,
      endOn: m.end,
      autoRenew: m.autoRenew,
      stoppedOn: m.stoppedOn ?? null,
      registeredOn: null,
      homeIsil: null,
      homeCardNumber: null,
      homeValidUntil: null,
      homeCheckedOn: null,
      loanStrips: null as number | null | undefined,
    }));
    const guest = p.guestMemberships.map((m) => ({
      patronId,
      libraryId: need(libraryIds, m.library, 'library'),
      subscriptionTypeId: need(typeIds, typeKey(m.library, m.type), 'subscription type'),
      kind: 'guest' as const,
      // R11: a guest membership runs from registration; its end follows the home membership.
      startOn: m.registeredOn,
      endOn: null,
      autoRenew: false,
      stoppedOn: null,
      registeredOn: m.registeredOn,
      homeIsil: m.homeIsil,
      homeCardNumber: cardNumber(m.homeCardNumber),
      homeValidUntil: m.homeValidUntil ?? null,
      homeCheckedOn: m.homeCheckedOn ?? null,
      loanStrips: m.loanStrips as number | null | undefined,
    }));
    return [...ordinary, ...guest];
  });
}

/**
 * Cards: the kind follows from the number; a plain PIN is stored only as a peppered hash, a PIN
 * hash from the library as given until its first right PIN (secrets.ts, cardPinColumns).
 * L5: a linked library's system checks its own PINs; the portal keeps none of them.
 */
export async function writeCards(
  ctx: WriteContext,
  { libraryIds }: StructureIds,
  patronIds: Map<string, number>,
  linkedIsils: ReadonlySet<string>,
): Promise<void> {
  ctx.at('patrons[].cards');
  await upsertCounted(
    ctx,
    'cards',
    {
      table: cards,
      keyOf: (r) => k(r.libraryId, r.number),
      storedWhere: (chunk) => inArray(cards.number, chunk.map((r) => r.number)),
      columns: ['patronId', 'kind', 'pinHash', 'pinSource', 'sourceNumber'],
      target: [cards.libraryId, cards.number],
      prepare: (chunk, stored) =>
        mapLimited(chunk, HASH_CONCURRENCY, async ({ pin, pinHash, ...card }) => ({
          ...card,
          ...(await cardPinColumns(stored.get(k(card.libraryId, card.number)) as StoredPin | undefined, { pin, pinHash })),
        })),
    },
    ctx.doc.patrons.flatMap((p) =>
      p.cards.map((c) => ({
        patronId: need(patronIds, p.key, 'patron'),
        libraryId: need(libraryIds, c.library, 'library'),
        number: cardNumber(c.number),
        sourceNumber: c.number.trim(),
        kind: classifyCardNumber(c.number),
        pin: linkedIsils.has(c.library.toUpperCase()) ? null : c.pin,
        pinHash: linkedIsils.has(c.library.toUpperCase()) ? null : c.pinHash,
      })),
    ),
  );
}
