// The membership-advice scenario (R5/R7/R8 and R12), as a network@1 document for the importer,
// relative to a "today" so that the e2e spec (e2e/membership-advice.spec.ts) can use the real date
// and the integration tests (lib/data/membership-advice.db.test.ts) a fixed one. In a region of
// three libraries (only Noordhout licenses the e-books):
//  - account `advies-<s>` (patron Kim): VOLW at Noordhout ending at the end of this month
//    (expiring), VOLW at Zuidhout running on for a year (continuing) — the documents' case of one
//    expiring and one continuing membership; and a guest membership at a lone Dutch library,
//    registered 30 days ago while the home membership (outside the network) had ended 45 days ago
//    (R12: it should have been refused);
//  - account `dubbel-<s>` (patron Dirk): VOLW at Noordhout and at Zuidhout, both renewed
//    automatically (R5: one contribution, one membership is enough).
// Codes, ISILs, keys and usernames carry the suffix so that copies can live side by side.
import type { NetworkDocument } from '../../db/import/schema';
import { addDays, addMonths, type IsoDate } from '../../lib/domain/dates';

export const ADVICE_TODAY = '2026-11-23';
export const ADVICE_PASSWORD = 'advice-scenario-password';

/** The last day of `today`'s month. */
export function monthEndOf(today: IsoDate): IsoDate {
  return addDays(addMonths(`${today.slice(0, 8)}01`, 1), -1);
}

export interface AdviceScenario {
  document: NetworkDocument;
  users: { kim: string; dirk: string };
  names: { region: string; noordhout: string; zuidhout: string; westhout: string; guestLibrary: string; ebooks: string };
  isils: { noordhout: string; zuidhout: string; guestLibrary: string; home: string };
  /** Last days of Kim's memberships. */
  dates: { expiringEnd: IsoDate; continuingEnd: IsoDate; registeredOn: IsoDate; homeValidUntil: IsoDate };
}

export function adviceScenario(today: IsoDate = ADVICE_TODAY, suffix = ''): AdviceScenario {
  const s = suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 5);
  const low = s.toLowerCase();
  const tag = s ? ` ${s}` : '';
  const region = `ADV${s}`;
  const names = {
    region: `Regio Advies${tag}`,
    noordhout: `Bibliotheek Noordhout${tag}`,
    zuidhout: `Bibliotheek Zuidhout${tag}`,
    westhout: `Bibliotheek Westhout${tag}`,
    guestLibrary: `Bibliotheek Gastland${tag}`,
    ebooks: `E-boeken Advies${tag}`,
  };
  const isils = { noordhout: `BE-ADVN${s}`, zuidhout: `BE-ADVZ${s}`, westhout: `BE-ADVW${s}`, guestLibrary: `NL-ADVG${s}`, home: `NL-ADVH${s}` };
  const dates = {
    expiringEnd: monthEndOf(today),
    continuingEnd: addDays(addMonths(today, 12), -1),
    registeredOn: addDays(today, -30),
    homeValidUntil: addDays(today, -45),
  };
  const users = { kim: `advies-${low || 'kim'}`, dirk: `dubbel-${low || 'dirk'}` };
  const ebooks = `adv-ebooks-${low}`;
  const volw = (library: string, end: IsoDate, autoRenew = false) => ({ library, type: 'VOLW', start: addMonths(today, -11), end, autoRenew });
  const document: NetworkDocument = {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: region, name: names.region, kind: '3b', feeBlockThresholdCents: 500 }],
    digitalCollections: [{ code: ebooks, name: names.ebooks }],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'GAST', name: 'Gast (Landelijk lenen)', library: isils.guestLibrary, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      { isil: isils.noordhout, name: names.noordhout, country: 'BE', region, digitalCollections: [ebooks], branches: [{ code: '9400', name: `Noordhout${tag}` }] },
      { isil: isils.zuidhout, name: names.zuidhout, country: 'BE', region, branches: [{ code: '9401', name: `Zuidhout${tag}` }] },
      { isil: isils.westhout, name: names.westhout, country: 'BE', region, branches: [{ code: '9402', name: `Westhout${tag}` }] },
      { isil: isils.guestLibrary, name: names.guestLibrary, country: 'NL', branches: [{ code: 'CENTR', name: `Centrale${tag}` }] },
    ],
    patrons: [
      {
        key: `adv-kim-${low}`, givenName: 'Kim', familyName: 'Advies',
        memberships: [volw(isils.noordhout, dates.expiringEnd), volw(isils.zuidhout, dates.continuingEnd)],
        guestMemberships: [
          {
            library: isils.guestLibrary, type: 'GAST', registeredOn: dates.registeredOn,
            homeIsil: isils.home, homeCardNumber: `H${s}0001`,
            homeValidUntil: dates.homeValidUntil, homeCheckedOn: addDays(today, -1),
          },
        ],
        cards: [],
      },
      {
        key: `adv-dirk-${low}`, givenName: 'Dirk', familyName: 'Dubbel',
        memberships: [volw(isils.noordhout, addDays(today, 200), true), volw(isils.zuidhout, addDays(today, 100), true)],
        guestMemberships: [],
        cards: [],
      },
    ],
    accounts: [
      { username: users.kim, email: `${users.kim}@example.be`, password: ADVICE_PASSWORD, patrons: [`adv-kim-${low}`] },
      { username: users.dirk, email: `${users.dirk}@example.be`, password: ADVICE_PASSWORD, patrons: [`adv-dirk-${low}`] },
    ],
  };
  return { document, users, names, isils, dates };
}
