// The port to a library's own system (DOMAIN "Library systems", L1–L5). The portal keeps a copy
// of what each library knows; for a *linked* library, writes go to that system first and the copy
// follows its answer. SIP2 is the first adapter (./sip2-adapter.ts); an NCIP or vendor REST
// adapter implements the same interface. Import-only libraries have no LibrarySystem at all.
import type { IsoDate } from '@/lib/domain/dates';

/**
 * How the portal names a patron to a library system: that library's card number, spelled exactly
 * as the library spells it (SIP2 patron identifiers are case-sensitive: `djfiander`).
 */
export type LibraryPatronId = string;

/** A loan as the library system reports it. */
export interface LibraryLoan {
  itemBarcode: string;
  /** Null when the system did not say (the portal then keeps the due date it had). */
  dueOn: IsoDate | null;
  title: string | null;
}

/** A hold as the library system reports it: on an item, or on a title. */
export interface LibraryHold {
  itemBarcode: string | null;
  title: string | null;
  /** Ready for pick-up (SIP2 "available hold items"). */
  ready: boolean;
  pickupLocation: string | null;
}

export interface LibraryFee {
  description: string;
  /** Integer cents; null when the system gives no amount per fee. */
  amountCents: number | null;
}

/** Everything the portal copies about one patron at one library. */
export interface LibraryPatronSnapshot {
  loans: LibraryLoan[];
  holds: LibraryHold[];
  fees: LibraryFee[];
  /** The system's total of outstanding fees, integer cents, when it reports one. */
  totalFeeCents: number | null;
  /**
   * False when the system does not know the card number (a card replaced at the desk): the portal
   * then reconciles nothing rather than reading "no loans" as "everything returned".
   */
  patronKnown?: boolean;
}

export interface LibraryItem {
  itemBarcode: string;
  title: string | null;
  dueOn: IsoDate | null;
  /** The system's location code of the item's branch, when it reports one. */
  location: string | null;
}

/** A refusal carries the library's own words (L1); null when it gave none. */
export type LibraryAnswer<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string | null };

export interface PinCheck {
  patronKnown: boolean;
  pinValid: boolean;
}

/** What `library:check` reports about a system. */
export interface LibrarySystemDescription {
  protocol: string;
  online: boolean;
  supported: string[];
  institutionId: string | null;
  screenMessages: string[];
}

/**
 * Every method either answers or throws LibraryUnavailableError (unreachable, too slow, or an
 * answer the portal cannot read): callers turn that into "Bibliotheek X cannot be reached right
 * now; nothing was changed" (L4). A method never changes the portal's database.
 */
export interface LibrarySystem {
  readonly isil: string;
  checkPin(patron: LibraryPatronId, pin: string): Promise<PinCheck>;
  getPatron(patron: LibraryPatronId): Promise<LibraryPatronSnapshot>;
  getItem(itemBarcode: string): Promise<LibraryItem>;
  /** `dueOn` null: renewed, but the system did not say until when (the next refresh will). */
  renew(patron: LibraryPatronId, itemBarcode: string): Promise<LibraryAnswer<{ dueOn: IsoDate | null }>>;
  cancelHold(patron: LibraryPatronId, hold: { itemBarcode: string | null; title: string | null }): Promise<LibraryAnswer>;
  changePickup(
    patron: LibraryPatronId,
    hold: { itemBarcode: string | null; title: string | null },
    pickupLocation: string,
  ): Promise<LibraryAnswer>;
  describe(): Promise<LibrarySystemDescription>;
  close(): Promise<void>;
}

/** Which libraries are linked. `forLibrary` answers null for an import-only library. */
export interface LibrarySystems {
  forLibrary(isil: string): LibrarySystem | null;
  linkedIsils(): string[];
}

/**
 * A brand rather than `instanceof`: the systems are built once per process and shared through
 * globalThis, while Next.js may bundle this module more than once (one copy per server bundle), so
 * an error made by one copy's class is not an instance of another copy's.
 */
const UNAVAILABLE = Symbol.for('mijn-bibliotheek.LibraryUnavailableError');

export class LibraryUnavailableError extends Error {
  readonly [UNAVAILABLE] = true;

  /** True for a LibraryUnavailableError made by any copy of this module. */
  static is(error: unknown): error is LibraryUnavailableError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[UNAVAILABLE] === true;
  }

  constructor(
    readonly isil: string,
    /** Why; the underlying error, if any, is the standard `cause`. */
    /**
     * `unconfirmed`: a change was sent and no answer came in time — the library may have made it;
     * the next refresh tells. The others: nothing reached the library, or nothing it said can be read.
     */
    readonly reason: 'unreachable' | 'timeout' | 'protocol' | 'unconfirmed',
    options?: { cause?: unknown },
  ) {
    super(`library system ${isil} unavailable: ${reason}`, options);
    this.name = 'LibraryUnavailableError';
  }
}

/** No library is linked: every library is import-only (the default, and most unit tests). */
export const NO_LIBRARY_SYSTEMS: LibrarySystems = {
  forLibrary: () => null,
  linkedIsils: () => [],
};
