import 'server-only';
// R5/R7/R8 renewal advice as both Info lidmaatschap and the overview show it: one patron record's
// memberships in one card (region or lone library) with the card's digital collections, named.
// Pure (no I/O); the callers read the rows in their own single statement (P4).
import type { IsoDate } from '@/lib/domain/dates';
import type { RegionDigitalCollection } from '@/lib/domain/digital-access';
import { regionRenewalAdvice, type AdviceMembership } from '@/lib/domain/region-renewal-advice';

export interface RenewalAdviceView {
  /** The expiring memberships, soonest end first; `monthEnd`: it lapses at the end of the month. */
  expiring: { library: string; endOn: IsoDate | null; monthEnd: boolean }[];
  /** Libraries that keep the patron borrowing in the region without renewing any expiring one. */
  continuingLibraries: string[];
  /** Expiring memberships that are the only way to keep a digital collection (R8). */
  neededForDigital: { library: string; collections: string[] }[];
  /** R5: auto-renewing memberships of one subscription type at several libraries; one is enough. */
  duplicateAutoRenew: { subscriptionType: string; libraries: string[] }[];
}

export interface AdviceInput extends AdviceMembership {
  libraryName: string;
  subscriptionTypeName: string;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'nl');

/** The R5/R7 advice for one patron record's memberships of one card; null when there is nothing to explain. */
export function renewalAdviceView(
  own: readonly AdviceInput[],
  collections: readonly RegionDigitalCollection[],
  collectionName: (id: number) => string,
): RenewalAdviceView | null {
  const advice = regionRenewalAdvice(own, collections);
  if (!advice) return null;
  const byId = new Map(own.map((m) => [m.id, m]));
  const library = (id: number) => byId.get(id)?.libraryName ?? '';
  const names = (ids: readonly number[]) => [...new Set(ids.map(library))].sort(byName);
  return {
    expiring: advice.expiring.map((e) => ({ library: library(e.membershipId), endOn: e.endOn, monthEnd: e.monthEnd })),
    continuingLibraries: names(advice.continuingMembershipIds),
    neededForDigital: advice.neededForDigital.map((id) => ({
      library: library(id),
      collections: advice.digital
        .filter((d) => d.membershipIds.length === 1 && d.membershipIds[0] === id)
        .map((d) => collectionName(d.collectionId))
        .sort(byName),
    })),
    duplicateAutoRenew: advice.duplicateAutoRenew.map((ids) => ({
      subscriptionType: byId.get(ids[0]!)?.subscriptionTypeName ?? '',
      libraries: names(ids),
    })),
  };
}
