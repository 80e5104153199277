// A network@1 scenario with one *linked* library: "Bibliotheek Referentie" (BE-REF01)
// is served by the reference SIP2 server (../shared/sip2-reference-server), whose sample patrons
// `djfiander` and `miker` are its card numbers and whose sample items are its items. Its region
// partner BE-IMP01 stays import-only, so a renew-all mixes the two kinds. Demo data for the
// reference server: `npm run demo:sip2` (scripts/demo-sip2.ts) and `npm run bench` import it, and the
// integration tests and e2e specs reach it through test/scenarios/linked-library.ts. It lives in
// db/seed because scripts and bench must never import test/. Relative imports: scripts run it under
// plain tsx, without the `@/` alias.
import type { LibrarySystemsConfig } from '../../lib/library-systems/config';
import type { NetworkDocument } from '../import/schema';

export const LINKED_ISIL = 'BE-REF01';
export const IMPORT_ONLY_ISIL = 'BE-IMP01';
export const LINKED_PASSWORD = 'linked-scenario-password';
export const LINKED_REGION_SLUG = 'ref';

/** The reference server's sample items (its README). */
export const SAMPLE_ITEMS = {
  perl: '1565921879',
  alibi: '0440242746',
  potter: '660',
} as const;

/** An import-only loan of the same patron, in the partner library. */
export const IMPORT_ONLY_ITEM = '3900000000001';

/** The configuration that links BE-REF01 to a reference server on `port`. */
/** `idleTimeoutMs` is short: the reference server serves one connection at a time, and a test's desk client must get its turn. */
export function linkedLibraryConfig(port: number, timeoutMs = 10_000, idleTimeoutMs = 500): LibrarySystemsConfig {
  return {
    refreshAfterMinutes: 15,
    // Tests refresh again within seconds; a deployment keeps the default 30.
    refreshIntervalSeconds: 1,
    libraries: {
      [LINKED_ISIL]: {
        protocol: 'sip2',
        host: '127.0.0.1',
        port,
        tls: false,
        login: { user: 'scclient', password: 'clientpwd', locationCode: 'PORTAL' },
        institutionId: 'UWOLS',
        charset: 'ascii',
        timeoutMs,
        maxConnections: 1,
        idleTimeoutMs,
      },
    },
  };
}

export interface LinkedScenarioOptions {
  /** "Today" of the scenario (memberships and the import-only loan are placed around it). */
  today: string;
  /** Loans of BE-REF01 as the library's last export had them, when the test wants them imported. */
  linkedLoans?: { item: string; patron: 'david' | 'mike'; dueOn: string }[];
  /** Usernames, so that e2e runs can import the scenario more than once. */
  suffix?: string;
}

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function linkedLibraryScenario(options: LinkedScenarioOptions): NetworkDocument {
  const { today } = options;
  const suffix = options.suffix ?? '';
  const membership = (library: string) => ({ library, type: 'VOLW', start: shift(today, -200), end: shift(today, 300) });
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: 'REF', name: 'Regio Referentie', kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [{ code: 'VOLW', name: 'Volwassene', region: 'REF', loanPeriodDays: 28, maxRenewals: 10, maxLoans: 40 }],
    libraries: [
      { isil: LINKED_ISIL, name: 'Bibliotheek Referentie', country: 'BE', region: 'REF', branches: [{ code: 'CENTRAL', name: 'Centraal' }, { code: 'STACKS', name: 'Magazijn' }] },
      { isil: IMPORT_ONLY_ISIL, name: 'Bibliotheek Importstad', country: 'BE', region: 'REF', branches: [{ code: '9999', name: 'Importstad' }] },
    ],
    patrons: [
      {
        key: `david${suffix}`, givenName: 'David', familyName: 'Fiander',
        memberships: [membership(LINKED_ISIL), membership(IMPORT_ONLY_ISIL)],
        // The reference system's own spelling: SIP2 patron identifiers are case-sensitive.
        cards: [{ library: LINKED_ISIL, number: 'djfiander', pin: null }],
      },
      {
        key: `mike${suffix}`, givenName: 'Mike', familyName: 'Rylander',
        memberships: [membership(LINKED_ISIL)],
        cards: [{ library: LINKED_ISIL, number: 'miker', pin: null }],
      },
    ],
    accounts: [
      { username: `david.fiander${suffix}`, email: `david${suffix}@example.be`, password: LINKED_PASSWORD, patrons: [`david${suffix}`] },
    ],
    titles: [
      { key: 'perl', title: 'Perl 5 desktop reference', material: 'book' },
      { key: 'alibi', title: 'The deep blue alibi', material: 'book' },
      { key: 'potter', title: 'Harry Potter y el cáliz de fuego', material: 'book' },
      { key: 'import', title: 'Een boek van Importstad', material: 'book' },
    ],
    items: [
      { barcode: SAMPLE_ITEMS.perl, title: 'perl', library: LINKED_ISIL, branch: 'CENTRAL' },
      { barcode: SAMPLE_ITEMS.alibi, title: 'alibi', library: LINKED_ISIL, branch: 'CENTRAL' },
      { barcode: SAMPLE_ITEMS.potter, title: 'potter', library: LINKED_ISIL, branch: 'CENTRAL' },
      { barcode: IMPORT_ONLY_ITEM, title: 'import', library: IMPORT_ONLY_ISIL, branch: '9999' },
    ],
    loans: [
      { item: IMPORT_ONLY_ITEM, patron: `david${suffix}`, library: IMPORT_ONLY_ISIL, branch: '9999', lentOn: shift(today, -20), dueOn: shift(today, 3), renewals: 0, returnedOn: null },
      ...(options.linkedLoans ?? []).map((l) => ({
        item: l.item, patron: `${l.patron}${suffix}`, library: LINKED_ISIL, branch: 'CENTRAL',
        lentOn: shift(l.dueOn, -14) < today ? shift(l.dueOn, -14) : today, dueOn: l.dueOn, renewals: 0, returnedOn: null,
      })),
    ],
  };
}
