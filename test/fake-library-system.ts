// A test double of a linked library's system (lib/library-systems/port.ts): answers from maps the
// test fills, records every call, and can be made slow, hanging or unreachable. Only for the
// refresh tests; the reference-server tests of the SIP2 adapter exercise the real protocol.
import {
  LibraryUnavailableError,
  type LibraryItem,
  type LibraryPatronSnapshot,
  type LibrarySystem,
  type LibrarySystems,
} from '@/lib/library-systems/port';

export type FakeMode = 'ok' | 'unreachable' | 'hang';

export class FakeLibrarySystem implements LibrarySystem {
  readonly calls: { method: string; arg: string }[] = [];
  readonly patrons = new Map<string, LibraryPatronSnapshot>();
  readonly items = new Map<string, LibraryItem>();
  mode: FakeMode = 'ok';
  /** Make getItem fail for these barcodes only (an outage in the middle of a refresh). */
  readonly failingItems = new Set<string>();
  delayMs = 0;

  constructor(readonly isil: string) {}

  callsOf(method: string): string[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.arg);
  }

  private async answer<T>(method: string, arg: string, value: () => T): Promise<T> {
    this.calls.push({ method, arg });
    if (this.mode === 'hang') return new Promise<T>(() => {});
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.mode === 'unreachable') throw new LibraryUnavailableError(this.isil, 'unreachable');
    return value();
  }

  getPatron(patron: string): Promise<LibraryPatronSnapshot> {
    return this.answer('getPatron', patron, () => {
      const snapshot = this.patrons.get(patron);
      if (!snapshot) throw new LibraryUnavailableError(this.isil, 'protocol');
      return structuredClone(snapshot);
    });
  }

  getItem(itemBarcode: string): Promise<LibraryItem> {
    return this.answer('getItem', itemBarcode, () => {
      if (this.failingItems.has(itemBarcode)) throw new LibraryUnavailableError(this.isil, 'timeout');
      return this.items.get(itemBarcode) ?? { itemBarcode, title: null, dueOn: null, location: null };
    });
  }

  checkPin(): Promise<never> {
    return Promise.reject(new Error('not used by the refresh'));
  }
  renew(): Promise<never> {
    return Promise.reject(new Error('not used by the refresh'));
  }
  cancelHold(): Promise<never> {
    return Promise.reject(new Error('not used by the refresh'));
  }
  changePickup(): Promise<never> {
    return Promise.reject(new Error('not used by the refresh'));
  }
  describe(): Promise<never> {
    return Promise.reject(new Error('not used by the refresh'));
  }
  async close(): Promise<void> {}
}

export function fakeSystems(...systems: FakeLibrarySystem[]): LibrarySystems {
  const byIsil = new Map(systems.map((s) => [s.isil.toUpperCase(), s]));
  return {
    forLibrary: (isil) => byIsil.get(isil.toUpperCase()) ?? null,
    linkedIsils: () => [...byIsil.keys()],
  };
}
