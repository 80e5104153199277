// The shape of Info lidmaatschap as this UI reads it. Declared here (components never import
// lib/data); the page hands over lib/data's MembershipsView, and TypeScript checks it fits.
export type MembershipStatus = 'not_started' | 'active' | 'expiring' | 'expired' | 'stopped';
export type GuestReason = 'not_registered' | 'first_day' | 'follows_home' | 'home_ended' | 'home_unknown';

export interface GuestProps {
  homeIsil: string;
  homeLibraryName: string | null;
  registeredOn: string;
  reason: GuestReason;
  valid: boolean;
  validUntil: string | null;
  loanStrips: number | null;
  loanStripsState: 'none' | 'few' | 'enough' | null;
  /** R12: registered while the home membership was not valid. */
  homeInvalidAtRegistration: boolean;
}

export interface CardNumberProps {
  masked: string;
  kind: 'wise' | 'eid' | 'uitpas' | 'akaart' | 'other';
  needsReplacement: boolean;
}

export interface MembershipProps {
  id: number;
  patronName: string;
  libraryName: string;
  libraryIsil: string;
  regionName: string | null;
  kind: 'ordinary' | 'guest';
  subscriptionType: string;
  status: MembershipStatus;
  startOn: string;
  endOn: string | null;
  autoRenew: boolean;
  stoppedOn: string | null;
  cards: CardNumberProps[];
  guest: GuestProps | null;
}

/** R5/R7/R8 advice for one patron record (lib/data/renewal-advice.ts returns this shape). */
export interface RenewalAdviceProps {
  expiring: { library: string; endOn: string | null; monthEnd: boolean }[];
  continuingLibraries: string[];
  neededForDigital: { library: string; collections: string[] }[];
  duplicateAutoRenew: { subscriptionType: string; libraries: string[] }[];
}

export interface DigitalProps {
  name: string;
  access: boolean;
  viaLibraries: string[];
  renewAt: string[];
  joinAt: string[];
}

/** R6–R9 for one patron record of the card (a family's account links several people). */
export interface PersonProps {
  patronId: number;
  patronName: string;
  active: boolean;
  conflictingTypes: string[] | null;
  renewalAdvice: RenewalAdviceProps | null;
  digital: DigitalProps[];
}

export interface CardProps {
  key: string;
  label: string;
  regionName: string | null;
  active: boolean;
  memberships: MembershipProps[];
  people: PersonProps[];
}

export interface PatronProps {
  id: number;
  name: string;
  libraries: string[];
  cards: { masked: string; libraryName: string }[];
  /** The day the record was linked to this account (YYYY-MM-DD) and by which means. */
  linkedOn: string;
  linkedBy: 'activation' | 'card_pin' | 'import';
}

export interface MembershipsProps {
  cards: CardProps[];
  patrons: PatronProps[];
}
