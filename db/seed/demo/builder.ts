// The demo's builder: every date relative to `today`, item barcodes numbered per library in the
// order the items are made (so the same calls in the same order give the same document).
import { addDays, type IsoDate } from '../../../lib/domain/dates';
import { emptyDocument, type FeeDoc, type FullDocument, type PatronDoc, type ReservationDoc } from '../network';
import { demoSubscriptionType, LIBRARY_SPECS } from './libraries';

export interface OpenLoan {
  title: string;
  /** Where it is lent (library, branch); the item belongs there unless `owner` says otherwise. */
  at: [isil: string, branch: string];
  owner?: [isil: string, branch: string];
  /** Days from today to the due date (negative: overdue). */
  dueIn: number;
  renewals?: number;
  /** The subscription type whose loan period sets lentOn; default VOLW of the lending library. */
  type?: string;
}

export interface PastLoan {
  title: string;
  at: [isil: string, branch: string];
  /** Days before today it was lent, and how many days it was out. */
  lentAgo: number;
  days: number;
  /** Days past the due date it came back (0: on time). */
  late?: number;
}

/** Builds the demo document: items with barcodes per library, loans, reservations and fees by days from today. */
export class DemoBuilder {
  readonly doc: FullDocument = emptyDocument();
  private readonly seq = new Map<string, number>();

  constructor(readonly today: IsoDate) {}

  d(days: number): IsoDate {
    return addDays(this.today, days);
  }

  item(title: string, [isil, branch]: [string, string]): string {
    const spec = LIBRARY_SPECS.find((l) => l.isil === isil);
    if (!spec) throw new Error(`no demo library ${isil}`);
    const n = (this.seq.get(isil) ?? 0) + 1;
    this.seq.set(isil, n);
    const barcode = `3000${spec.barcodeBlock}${String(n).padStart(7, '0')}`;
    this.doc.items.push({ barcode, title, library: isil, branch });
    return barcode;
  }

  patron(p: PatronDoc): string {
    this.doc.patrons.push({ historyEnabled: false, memberships: [], guestMemberships: [], cards: [], ...p });
    return p.key;
  }

  open(patron: string, loans: OpenLoan[]): string[] {
    return loans.map((l) => {
      const barcode = this.item(l.title, l.owner ?? l.at);
      const renewals = l.renewals ?? 0;
      const period = demoSubscriptionType(l.at[0], l.type ?? 'VOLW').loanPeriodDays;
      const dueOn = this.d(l.dueIn);
      this.doc.loans.push({
        item: barcode,
        patron,
        library: l.at[0],
        branch: l.at[1],
        lentOn: addDays(dueOn, -period * (renewals + 1)),
        dueOn,
        renewals,
        returnedOn: null,
      });
      return barcode;
    });
  }

  past(patron: string, loans: PastLoan[]): void {
    for (const l of loans) {
      const barcode = this.item(l.title, l.at);
      const lentOn = this.d(-l.lentAgo);
      const dueOn = addDays(lentOn, Math.max(l.days - (l.late ?? 0), 0));
      this.doc.loans.push({
        item: barcode,
        patron,
        library: l.at[0],
        branch: l.at[1],
        lentOn,
        dueOn,
        renewals: 0,
        returnedOn: addDays(lentOn, l.days),
      });
    }
  }

  reserve(r: Omit<ReservationDoc, 'placedOn' | 'readyUntil'> & { placedAgo: number; readyFor?: number }): void {
    const { placedAgo, readyFor, ...rest } = r;
    this.doc.reservations.push({
      ...rest,
      placedOn: this.d(-placedAgo),
      readyUntil: readyFor === undefined ? null : this.d(readyFor),
    });
  }

  fee(f: Omit<FeeDoc, 'createdOn' | 'paidOn'> & { createdAgo: number; paidAgo?: number }): void {
    const { createdAgo, paidAgo, ...rest } = f;
    this.doc.fees.push({
      ...rest,
      createdOn: this.d(-createdAgo),
      paidOn: paidAgo === undefined ? null : this.d(-paidAgo),
    });
  }

  membership(library: string, type: string, startAgo: number, endIn: number, extra: { autoRenew?: boolean; stoppedAgo?: number } = {}) {
    return {
      library,
      type,
      start: this.d(-startAgo),
      end: this.d(endIn),
      autoRenew: extra.autoRenew ?? false,
      stoppedOn: extra.stoppedAgo === undefined ? null : this.d(-extra.stoppedAgo),
    };
  }
}
