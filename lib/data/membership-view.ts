import 'server-only';
// Info lidmaatschap as plain view objects: the rows getMembershipsRows reads (their shape is
// defined here) with the rules applied.
// Pure (no I/O), so it is unit-tested with plain rows. Rule ids: R2 cards, R6 conflicting types,
// R7 status and renewal advice, R8 digital access, R9 activity, R11 guest validity, R13 home
// library by ISIL, R15 loan strips. R6–R9 are rules about one patron: an account may link the
// records of several people, so they are applied per patron record within each card.
import { z } from 'zod';
import { groupMembershipsIntoCards, type CardLibrary } from '@/lib/domain/card-label';
import { asCardKind, cardNeedsReplacement, maskCardNumber, type CardKind } from '@/lib/domain/card-number';
import { compareDates, todayInBrussels, type IsoDate } from '@/lib/domain/dates';
import { digitalAccess } from '@/lib/domain/digital-access';
import { conflictingSubscriptionTypes } from '@/lib/domain/governing-membership';
import type { GuestValidityReason } from '@/lib/domain/guest-validity';
import { guestRegisteredWithInvalidHome, judgeMembership, type MembershipFacts } from '@/lib/domain/home-membership';
import { loanStripsState, type LoanStripsState } from '@/lib/domain/loan-strips';
import { regionActivity } from '@/lib/domain/patron-activity';
import type { MembershipStatus } from '@/lib/domain/membership-status';
import { renewalAdviceView, type RenewalAdviceView } from './renewal-advice';

export type { RenewalAdviceView };

const date = z.string().nullable();

const membershipRow = z.object({
  id: z.number(),
  patronId: z.number(),
  libraryId: z.number(),
  kind: z.enum(['ordinary', 'guest']),
  subscriptionTypeCode: z.string(),
  subscriptionTypeName: z.string(),
  startOn: z.string(),
  endOn: date,
  autoRenew: z.boolean(),
  stoppedOn: date,
  registeredOn: date,
  homeIsil: z.string().nullable(),
  homeValidUntil: date,
  homeCheckedOn: date,
  loanStrips: z.number().nullable(),
  /** R13: a guest's home library in the network (accountScope's `home_library_id`), else null. */
  homeLibrary: z.object({ id: z.number(), name: z.string() }).nullable(),
});

const libraryRow = z.object({
  id: z.number(),
  isil: z.string(),
  name: z.string(),
  region: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  collections: z.array(z.object({ id: z.number(), name: z.string() })),
});

const patronRow = z.object({
  id: z.number(),
  givenName: z.string(),
  familyName: z.string(),
  /** When (an instant, ISO) and how the record was linked to this account (P2). */
  linkedAt: z.string(),
  linkedBy: z.enum(['activation', 'card_pin', 'import']),
  cards: z.array(z.object({ id: z.number(), libraryId: z.number(), number: z.string(), kind: z.string() })),
});

export const membershipsRows = z.object({
  patrons: z.array(patronRow),
  memberships: z.array(membershipRow),
  /** Every library of each region the patron belongs to, each lone library with a membership, and the libraries of the patrons' cards. */
  libraries: z.array(libraryRow),
});

export type MembershipsRows = z.infer<typeof membershipsRows>;

export interface GuestView {
  homeIsil: string;
  /** R13: the home library's name when the ISIL (or its system prefix) is a library we know. */
  homeLibraryName: string | null;
  registeredOn: IsoDate;
  reason: GuestValidityReason;
  valid: boolean;
  validUntil: IsoDate | null;
  /** R15: loan strips left. */
  loanStrips: number | null;
  /** R15: whether to warn (few or none left); null without strips. */
  loanStripsState: LoanStripsState | null;
  /** R12: registered while the home membership was not valid (the patron should contact the home library). */
  homeInvalidAtRegistration: boolean;
}

/** One of the patron's cards at a library: its kind and the masked number. */
export interface CardNumberView {
  masked: string;
  kind: CardKind;
  /** An old card without a unique barcode: the desk replaces it by a new regional card. */
  needsReplacement: boolean;
}

export interface MembershipView {
  id: number;
  patronId: number;
  patronName: string;
  libraryName: string;
  libraryIsil: string;
  regionName: string | null;
  kind: 'ordinary' | 'guest';
  subscriptionType: string;
  /** R7 (R11 for guests). */
  status: MembershipStatus;
  startOn: IsoDate;
  /** Last day in force; null when open-ended or unknown. */
  endOn: IsoDate | null;
  autoRenew: boolean;
  stoppedOn: IsoDate | null;
  /** The patron's cards at this library (kind, number masked but for the last four characters). */
  cards: CardNumberView[];
  guest: GuestView | null;
}

export interface DigitalView {
  name: string;
  access: boolean;
  /** Where the access comes from (access) … */
  viaLibraries: string[];
  /** … or where to renew a lapsed membership / join to get it (R8). */
  renewAt: string[];
  joinAt: string[];
}

/**
 * The rules about one patron (R6–R9) for one patron record of the card. An account may link the
 * records of several people (a family), so these are never computed over the whole card.
 */
export interface PersonView {
  patronId: number;
  patronName: string;
  /** R9: inactive only when none of this patron's memberships in the region is active. */
  active: boolean;
  /** R6: this patron's active memberships of different subscription types in the region (type names). */
  conflictingTypes: string[] | null;
  /** R5/R7: an expiring membership beside another active one, or duplicate auto-renewals. */
  renewalAdvice: RenewalAdviceView | null;
  /** R8: the region's digital collections, with this patron's own access. */
  digital: DigitalView[];
}

export interface CardView {
  key: string;
  /** R2: region name before library name. */
  label: string;
  regionName: string | null;
  /** Some patron of the card is active in the region (each patron's own R9 is in `people`). */
  active: boolean;
  /** Every linked patron's memberships on the card. */
  memberships: MembershipView[];
  /** Per patron record with a membership on the card, by name: R6–R9. One entry for one person. */
  people: PersonView[];
}

export interface PatronView {
  id: number;
  name: string;
  libraries: string[];
  cards: { masked: string; libraryName: string }[];
  /** The day (Europe/Brussels) the record was linked to this account, and by which means. */
  linkedOn: IsoDate;
  linkedBy: 'activation' | 'card_pin' | 'import';
}

export interface MembershipsView {
  cards: CardView[];
  /** The linked patron records, for unlinking (P2: never the last). */
  patrons: PatronView[];
}

type Row = MembershipsRows['memberships'][number];
type Library = MembershipsRows['libraries'][number];

/** The R7/R11 facts of a row (R11 follows the same patron's membership at the R13 home library). */
const factsOf = (m: Row): MembershipFacts => ({
  id: m.id,
  patronId: m.patronId,
  libraryId: m.libraryId,
  kind: m.kind,
  startOn: m.startOn,
  endOn: m.endOn,
  autoRenew: m.autoRenew,
  stoppedOn: m.stoppedOn,
  registeredOn: m.registeredOn,
  homeValidUntil: m.homeValidUntil,
  homeCheckedOn: m.homeCheckedOn,
  homeLibraryId: m.kind === 'guest' ? (m.homeLibrary?.id ?? null) : null,
});

const byName = (a: string, b: string) => a.localeCompare(b, 'nl');

const cardNumberView = (c: { number: string; kind: string }): CardNumberView => {
  const kind = asCardKind(c.kind);
  return { masked: maskCardNumber(c.number), kind, needsReplacement: cardNeedsReplacement(kind) };
};

export function buildMembershipsView(rows: MembershipsRows, today: IsoDate): MembershipsView {
  const libraries = new Map(rows.libraries.map((l) => [l.id, l]));
  const patrons = new Map(rows.patrons.map((p) => [p.id, p]));
  const nameOf = (id: number) => libraries.get(id)?.name ?? '';
  const patronName = (id: number) => {
    const p = patrons.get(id);
    return p ? `${p.givenName} ${p.familyName}` : '';
  };
  const cardLibrary = (l: Library): CardLibrary => ({
    id: l.id,
    isil: l.isil,
    name: l.name,
    region: l.region ? { code: l.region.code, name: l.region.name } : null,
  });

  const facts = rows.memberships.map(factsOf);
  const enriched = rows.memberships.flatMap((m, index) => {
    const library = libraries.get(m.libraryId);
    if (!library) return [];
    // R7, R11 (lib/domain/home-membership): the same judgement as every card view.
    const eff = judgeMembership(facts[index]!, facts, today);
    const view: MembershipView = {
      id: m.id,
      patronId: m.patronId,
      patronName: patronName(m.patronId),
      libraryName: library.name,
      libraryIsil: library.isil,
      regionName: library.region?.name ?? null,
      kind: m.kind,
      subscriptionType: m.subscriptionTypeName,
      status: eff.status,
      startOn: m.kind === 'guest' && m.registeredOn ? m.registeredOn : m.startOn,
      endOn: eff.endOn,
      autoRenew: m.kind === 'ordinary' && m.autoRenew,
      stoppedOn: m.stoppedOn,
      cards: (patrons.get(m.patronId)?.cards ?? []).filter((c) => c.libraryId === m.libraryId).map(cardNumberView),
      guest:
        m.kind === 'guest' && eff.guest && m.homeIsil && m.registeredOn
          ? {
              homeIsil: m.homeIsil,
              homeLibraryName: m.homeLibrary?.name ?? null,
              registeredOn: m.registeredOn,
              reason: eff.guest.reason,
              valid: eff.guest.valid,
              validUntil: eff.guest.validUntil,
              loanStrips: m.loanStrips,
              loanStripsState: m.loanStrips === null ? null : loanStripsState(m.loanStrips),
              homeInvalidAtRegistration: guestRegisteredWithInvalidHome(facts[index]!, facts),
            }
          : null,
    };
    return [
      {
        id: m.id,
        library: cardLibrary(library),
        active: eff.active,
        startOn: view.startOn,
        endOn: eff.endOn,
        libraryId: m.libraryId,
        status: eff.status,
        subscriptionTypeCode: m.subscriptionTypeCode,
        subscriptionTypeName: m.subscriptionTypeName,
        kind: m.kind,
        autoRenew: m.autoRenew,
        libraryName: library.name,
        view,
      },
    ];
  });

  const cards: CardView[] = groupMembershipsIntoCards(enriched).map((card) => {
    // The collections of the card: every library of the region, or the lone library (R8).
    const cardLibraries = card.region
      ? rows.libraries.filter((l) => l.region?.code === card.region?.code)
      : rows.libraries.filter((l) => l.id === card.mainLibrary.id);
    const collectionNames = new Map<number, string>();
    const licensed = new Map<number, number[]>();
    for (const l of cardLibraries) {
      for (const c of l.collections) {
        collectionNames.set(c.id, c.name);
        licensed.set(c.id, [...(licensed.get(c.id) ?? []), l.id]);
      }
    }
    const collections = [...licensed]
      .map(([id, libraryIds]) => ({ id, libraryIds }))
      .sort((a, b) => byName(collectionNames.get(a.id) ?? '', collectionNames.get(b.id) ?? ''));
    const names = (ids: readonly number[]) => [...new Set(ids)].map(nameOf).sort(byName);
    const membershipLibrary = (id: number) => card.memberships.find((m) => m.id === id)?.libraryId ?? 0;

    // R6–R9 are rules about one patron: an account may link the records of several people (a
    // family), so each rule runs on one patron record's memberships of the card, never on all.
    const byPatron = new Map<number, (typeof card.memberships)[number][]>();
    for (const m of card.memberships) byPatron.set(m.view.patronId, [...(byPatron.get(m.view.patronId) ?? []), m]);

    const people = [...byPatron].map(([patronId, own]): PersonView => {
      const digital = digitalAccess(collections, own).map(
        (d): DigitalView =>
          d.access
            ? { name: collectionNames.get(d.collectionId) ?? '', access: true, viaLibraries: names(d.viaLibraryIds), renewAt: [], joinAt: [] }
            : {
                name: collectionNames.get(d.collectionId) ?? '',
                access: false,
                viaLibraries: [],
                renewAt: names(d.renewLibraryIds),
                joinAt: names(d.joinLibraryIds),
              },
      );

      const conflict = conflictingSubscriptionTypes(own.map((m) => ({ ...m, regionId: null })));
      const typeName = (code: string) => own.find((m) => m.subscriptionTypeCode === code)?.view.subscriptionType ?? code;

      const renewalAdvice = renewalAdviceView(own, collections, (id) => collectionNames.get(id) ?? '');

      return {
        patronId,
        patronName: patronName(patronId),
        active: regionActivity(own) === 'active',
        conflictingTypes: conflict.conflict ? conflict.types.map((t) => typeName(t.subscriptionTypeCode)) : null,
        renewalAdvice,
        digital,
      };
    });

    return {
      key: card.key,
      label: card.label,
      regionName: card.region?.name ?? null,
      active: card.active,
      memberships: [...card.memberships]
        .sort((a, b) => byName(a.view.libraryName, b.view.libraryName) || compareDates(a.startOn, b.startOn) || a.id - b.id)
        .map((m) => m.view),
      people: people.sort((a, b) => byName(a.patronName, b.patronName) || a.patronId - b.patronId),
    };
  });

  const patronViews: PatronView[] = rows.patrons.map((p) => ({
    id: p.id,
    name: `${p.givenName} ${p.familyName}`,
    libraries: distinctNames(rows.memberships.filter((m) => m.patronId === p.id).map((m) => nameOf(m.libraryId))),
    cards: p.cards.map((c) => ({ masked: maskCardNumber(c.number), libraryName: nameOf(c.libraryId) })),
    linkedOn: todayInBrussels(new Date(p.linkedAt)),
    linkedBy: p.linkedBy,
  }));

  return { cards, patrons: patronViews };
}

function distinctNames(list: string[]): string[] {
  return [...new Set(list)].filter(Boolean).sort(byName);
}
