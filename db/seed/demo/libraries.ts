// The demo network's structure: two regions of the samenwerkingsgroep-3 example, a library in no
// region and three Dutch libraries, with their branches and subscription types.
import type { FullDocument } from '../network';
import { TITLES } from '../titles';

export const DEMO_REGIONS = {
  ZO: { code: 'ZO', name: 'Regio Zottegem-Oosterzele', kind: '3b', feeBlockThresholdCents: 500 },
  HS: { code: 'HS', name: 'Regio Herzele-Sint-Lievens-Houtem', kind: '3a', feeBlockThresholdCents: 1000 },
} as const;

export const DEMO_LIBRARIES = {
  zottegem: 'BE-ZTG00',
  oosterzele: 'BE-OZL00',
  herzele: 'BE-HZL00',
  sintLievensHoutem: 'BE-SLH00',
  brakel: 'BE-BRK00',
  bedum: 'NL-0702881037',
  bellingwolde: 'NL-0702881045',
  blijham: 'NL-0702881046',
} as const;

const L = DEMO_LIBRARIES;

/** The short names the demo's patrons use. */
export const { zottegem: ZTG, oosterzele: OZL, herzele: HZL, sintLievensHoutem: SLH, brakel: BRK, bedum: BED, bellingwolde: BWE, blijham: BLH } =
  DEMO_LIBRARIES;

export interface LibrarySpec {
  isil: string;
  name: string;
  country: 'BE' | 'NL';
  region?: 'ZO' | 'HS';
  collections: string[];
  branches: [code: string, name: string][];
  /** Two digits in this library's item barcodes. */
  barcodeBlock: number;
}

export const LIBRARY_SPECS: LibrarySpec[] = [
  {
    isil: L.zottegem,
    name: 'Bibliotheek Zottegem',
    country: 'BE',
    region: 'ZO',
    // R8: in region ZO only Zottegem holds a licence for digital collections.
    collections: ['ebooks', 'luisterboeken'],
    branches: [
      ['3550', 'Zottegem'],
      ['3551', 'Strijpen'],
      ['3552', 'Velzeke'],
    ],
    barcodeBlock: 11,
  },
  {
    isil: L.oosterzele,
    name: 'Bibliotheek Oosterzele',
    country: 'BE',
    region: 'ZO',
    collections: [],
    branches: [
      ['3560', 'Oosterzele'],
      ['3561', 'Balegem'],
      ['3562', 'Scheldewindeke'],
    ],
    barcodeBlock: 12,
  },
  {
    isil: L.herzele,
    name: 'Bibliotheek Herzele',
    country: 'BE',
    region: 'HS',
    collections: ['ebooks'],
    branches: [
      ['3570', 'Herzele'],
      ['3571', 'Sint-Lievens-Esse'],
    ],
    barcodeBlock: 21,
  },
  {
    isil: L.sintLievensHoutem,
    name: 'Bibliotheek Sint-Lievens-Houtem',
    country: 'BE',
    region: 'HS',
    collections: ['luisterboeken'],
    branches: [
      ['3580', 'Sint-Lievens-Houtem'],
      ['3581', 'Vlierzele'],
    ],
    barcodeBlock: 22,
  },
  {
    isil: L.brakel,
    name: 'Bibliotheek Brakel',
    country: 'BE',
    collections: ['ebooks'],
    branches: [
      ['3590', 'Brakel'],
      ['3591', 'Opbrakel'],
    ],
    barcodeBlock: 31,
  },
  { isil: L.bedum, name: 'Bibliotheek Bedum', country: 'NL', collections: [], branches: [['BED', 'Bedum']], barcodeBlock: 41 },
  {
    isil: L.bellingwolde,
    name: 'Bibliotheek Bellingwolde',
    country: 'NL',
    collections: [],
    branches: [['BWE', 'Bellingwolde']],
    barcodeBlock: 42,
  },
  { isil: L.blijham, name: 'Bibliotheek Blijham', country: 'NL', collections: [], branches: [['BLH', 'Blijham']], barcodeBlock: 43 },
];

/** Subscription types: [code, name, loanPeriodDays, maxRenewals, maxLoans]. */
type TypeSpec = [code: string, name: string, loanPeriodDays: number, maxRenewals: number, maxLoans: number];

const REGION_TYPES: Record<'ZO' | 'HS', TypeSpec[]> = {
  ZO: [
    ['VOLW', 'Volwassene', 28, 2, 40],
    ['JEUGD', 'Jeugd', 21, 3, 20],
    ['LEERK', 'Leerkracht', 42, 1, 60],
  ],
  HS: [
    ['VOLW', 'Volwassene', 21, 2, 30],
    ['JEUGD', 'Jeugd', 21, 2, 15],
    ['LEERK', 'Leerkracht', 35, 1, 50],
  ],
};
const BRAKEL_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 28, 3, 25],
  ['JEUGD', 'Jeugd', 28, 3, 15],
];
const DUTCH_TYPES: TypeSpec[] = [
  ['VOLW', 'Volwassene', 21, 2, 20],
  ['GAST', 'Gastlener (Landelijk lenen)', 21, 1, 10],
];

/** The subscription type parameters of a library (its region's or its own), by code. */
export function demoSubscriptionType(isil: string, code: string): { loanPeriodDays: number; maxRenewals: number; maxLoans: number } {
  const spec = LIBRARY_SPECS.find((l) => l.isil === isil);
  if (!spec) throw new Error(`no demo library ${isil}`);
  const types = spec.region ? REGION_TYPES[spec.region] : spec.country === 'NL' ? DUTCH_TYPES : BRAKEL_TYPES;
  const t = types.find(([c]) => c === code);
  if (!t) throw new Error(`no type ${code} at ${isil}`);
  return { loanPeriodDays: t[2], maxRenewals: t[3], maxLoans: t[4] };
}

/** The network's skeleton: regions, digital collections, subscription types, libraries and titles. */
export function addNetworkSkeleton(doc: FullDocument): void {
  doc.regions.push(DEMO_REGIONS.ZO, DEMO_REGIONS.HS);
  doc.digitalCollections.push({ code: 'ebooks', name: 'E-boeken' }, { code: 'luisterboeken', name: 'Luisterboeken' });
  for (const region of ['ZO', 'HS'] as const)
    for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of REGION_TYPES[region])
      doc.subscriptionTypes.push({ code, name, region, loanPeriodDays, maxRenewals, maxLoans });
  for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of BRAKEL_TYPES)
    doc.subscriptionTypes.push({ code, name, library: BRK, loanPeriodDays, maxRenewals, maxLoans });
  for (const isil of [BED, BWE, BLH])
    for (const [code, name, loanPeriodDays, maxRenewals, maxLoans] of DUTCH_TYPES)
      doc.subscriptionTypes.push({ code, name, library: isil, loanPeriodDays, maxRenewals, maxLoans });
  for (const l of LIBRARY_SPECS)
    doc.libraries.push({
      isil: l.isil,
      name: l.name,
      country: l.country,
      region: l.region ?? null,
      digitalCollections: l.collections,
      branches: l.branches.map(([code, name]) => ({ code, name })),
    });
  doc.titles.push(...TITLES);
}
