// The accounts the demo shows, and the cards that activate or link. DEMO_ACCOUNTS and
// DEMO_ACTIVATIONS are what the README and the e2e tests show and use: keep them stable. Each entry
// names the rules it demonstrates (ids of ../shared/DOMAIN.md).
import { nationalRegisterNumber, wiseCardNumber, type FullDocument } from '../network';
import { DEMO_LIBRARIES as L } from './libraries';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  /** Patron keys linked to the account. */
  readonly patrons: readonly string[];
  /** Rule ids of ../shared/DOMAIN.md this account demonstrates. */
  readonly rules: readonly string[];
  readonly en: string;
  readonly nl: string;
}

/** The one password of every demo account (≥ 8 characters, not a common one). */
export const DEMO_PASSWORD = 'bibliotheek-demo';

export const DEMO_ACCOUNTS = [
  {
    username: 'an.peeters',
    password: DEMO_PASSWORD,
    patrons: ['an-peeters'],
    rules: ['R1', 'R2', 'R3', 'R5', 'R8', 'F1', 'H1', 'P4', 'RN8'],
    en: 'Member in Zottegem and Oosterzele (one regional card) and in Brakel (second card): loans from several branches, one due within 3 days, one overdue, a reservation ready for pick-up, small fees, lending history.',
    nl: 'Lid in Zottegem en Oosterzele (één regiokaart) en in Brakel (tweede kaart): uitleningen uit meerdere vestigingen, één binnen 3 dagen terug, één te laat, een reservering klaar om af te halen, kleine openstaande bedragen, leenhistoriek.',
  },
  {
    username: 'jan.dewilde',
    password: DEMO_PASSWORD,
    patrons: ['jan-de-wilde'],
    rules: ['R6'],
    en: 'Active memberships of different types in one region (Volwassene in Zottegem, Leerkracht in Oosterzele): the portal warns that one should be stopped.',
    nl: 'Actieve lidmaatschappen van verschillende types in één regio (Volwassene in Zottegem, Leerkracht in Oosterzele): het portaal waarschuwt dat er één gestopt moet worden.',
  },
  {
    username: 'els.vermeulen',
    password: DEMO_PASSWORD,
    patrons: ['els-vermeulen'],
    rules: ['RN5', 'F1', 'R1'],
    en: 'Outstanding fees in the region (€6.50) reach the block threshold (€5.00): renewals are refused.',
    nl: 'Openstaande bedragen in de regio (€ 6,50) bereiken de blokkeringsgrens (€ 5,00): verlengen wordt geweigerd.',
  },
  {
    username: 'tom.desmet',
    password: DEMO_PASSWORD,
    patrons: ['tom-desmet'],
    rules: ['RN2', 'RN3', 'R8'],
    en: 'One loan at the maximum number of renewals, one whose title another patron reserved with no copy available, one that renews normally; no e-books in Oosterzele (join Zottegem).',
    nl: 'Eén uitlening op het maximum aantal verlengingen, één waarvan de titel door iemand anders gereserveerd is zonder vrij exemplaar, één die gewoon verlengt; geen e-boeken in Oosterzele (word lid in Zottegem).',
  },
  {
    username: 'lotte.goossens',
    password: DEMO_PASSWORD,
    patrons: ['lotte-goossens'],
    rules: ['R7', 'R8', 'RN6'],
    en: 'Two memberships in one region both expiring within 30 days (only one needs renewing, but Zottegem gives the e-books); renewals capped at, or refused by, the membership end date.',
    nl: 'Twee lidmaatschappen in één regio die binnen 30 dagen vervallen (slechts één moet verlengd worden, maar Zottegem geeft toegang tot e-boeken); verlengen begrensd of geweigerd door de einddatum van het lidmaatschap.',
  },
  {
    username: 'sanne.bakker',
    password: DEMO_PASSWORD,
    patrons: ['sanne-bakker'],
    rules: ['R10', 'R11', 'R13', 'R15'],
    en: 'Dutch guest in Bedum whose home membership in Bellingwolde ends within 30 days: the guest membership ends with it; 118 loan strips left.',
    nl: 'Nederlandse gastlener in Bedum van wie het thuislidmaatschap in Bellingwolde binnen 30 dagen afloopt: het gastlidmaatschap loopt mee af; nog 118 leenstrips.',
  },
  {
    username: 'daan.visser',
    password: DEMO_PASSWORD,
    patrons: ['daan-visser'],
    rules: ['R10', 'R11', 'R15'],
    en: 'Registered as guest in Blijham today: on the first day the guest membership is valid for three months; 125 loan strips.',
    nl: 'Vandaag ingeschreven als gastlener in Blijham: op de eerste dag is het gastlidmaatschap drie maanden geldig; 125 leenstrips.',
  },
  {
    username: 'kees.mulder',
    password: DEMO_PASSWORD,
    patrons: ['kees-mulder'],
    rules: ['R11', 'R12'],
    en: 'Guest in Blijham whose home membership in Bellingwolde has expired: the guest membership is no longer valid; contact your own library.',
    nl: 'Gastlener in Blijham van wie het thuislidmaatschap in Bellingwolde verlopen is: het gastlidmaatschap is niet meer geldig; neem contact op met je eigen bibliotheek.',
  },
  {
    username: 'pieter.wouters',
    password: DEMO_PASSWORD,
    patrons: ['pieter-wouters'],
    rules: ['P2', 'R14', 'R2'],
    en: 'Member in Sint-Lievens-Houtem; his record in Brakel is not linked yet: link it with the Brakel card and PIN (see the activation table).',
    nl: 'Lid in Sint-Lievens-Houtem; zijn klantrecord in Brakel is nog niet gekoppeld: koppel het met de pas en pincode van Brakel (zie de activatietabel).',
  },
  {
    username: 'ines.maes',
    password: DEMO_PASSWORD,
    patrons: ['ines-maes'],
    rules: ['R9', 'RN4', 'R7'],
    en: 'Every membership in region Zottegem-Oosterzele has ended (inactive there, an overdue loan cannot be renewed) while Herzele is active.',
    nl: 'Alle lidmaatschappen in regio Zottegem-Oosterzele zijn afgelopen (daar inactief, een te late uitlening kan niet verlengd worden) terwijl Herzele actief is.',
  },
] as const satisfies readonly DemoAccount[];

export interface DemoActivation {
  readonly purpose: 'activate' | 'link';
  readonly patron: string;
  readonly library: string;
  readonly libraryName: string;
  readonly cardNumber: string;
  readonly pin: string;
  /** For `link`: the account that links this record. */
  readonly account: string | null;
  readonly rules: readonly string[];
  readonly en: string;
  readonly nl: string;
}

export const DEMO_ACTIVATIONS = [
  {
    purpose: 'activate',
    patron: 'mieke-claeys',
    library: L.herzele,
    libraryName: 'Bibliotheek Herzele',
    cardNumber: wiseCardNumber(21_000_017),
    pin: '4321',
    account: null,
    rules: ['P1'],
    en: 'A member of Herzele without an account: activate one with this card number and PIN.',
    nl: 'Een lid van Herzele zonder inlogaccount: activeer er een met dit pasnummer en deze pincode.',
  },
  {
    purpose: 'link',
    patron: 'pieter-wouters-brakel',
    library: L.brakel,
    libraryName: 'Bibliotheek Brakel',
    cardNumber: wiseCardNumber(31_000_037),
    pin: '2468',
    account: 'pieter.wouters',
    rules: ['P2', 'R14'],
    en: "Pieter Wouters' second record, in Brakel: sign in as pieter.wouters and link it with this card number and PIN.",
    nl: 'Het tweede klantrecord van Pieter Wouters, in Brakel: log in als pieter.wouters en koppel het met dit pasnummer en deze pincode.',
  },
] as const satisfies readonly DemoActivation[];

/** An Peeters' eID card at Oosterzele (a national register number with valid check digits). */
export const AN_PEETERS_EID = nationalRegisterNumber('1985-04-12', 123);

/** The demo accounts, each with the e-mail address of its first patron. */
export function addDemoAccounts(doc: FullDocument): void {
  const emails = new Map(doc.patrons.map((p) => [p.key, p.email]));
  for (const a of DEMO_ACCOUNTS)
    doc.accounts.push({ username: a.username, email: emails.get(a.patrons[0]) ?? `${a.username}@example.be`, password: a.password, patrons: [...a.patrons] });
}
