// The example of ../shared/IMPORT_FORMAT.md, as someone who read only that page would complete
// it (its guest membership names a Dutch library the example leaves out, so that library and its
// GAST type are added; its password placeholder is filled in). It must import, and re-import
// without change.
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/db';
import { importNetwork } from './import-network';
import { snapshotDatabase } from '@/test/support/snapshot';

const contractExample = {
  "format": "mijn-bibliotheek/network@1",
  "regions": [
    {
      "code": "ZO",
      "name": "Regio Zottegem-Oosterzele",
      "kind": "3b",
      "feeBlockThresholdCents": 500
    }
  ],
  "digitalCollections": [
    {
      "code": "ebooks",
      "name": "E-boeken"
    }
  ],
  "subscriptionTypes": [
    {
      "code": "VOLW",
      "name": "Volwassene",
      "region": "ZO",
      "loanPeriodDays": 28,
      "maxRenewals": 2,
      "maxLoans": 40
    },
    {
      "code": "GAST",
      "name": "Gast",
      "library": "NL-0702881037",
      "loanPeriodDays": 21,
      "maxRenewals": 2,
      "maxLoans": 10
    }
  ],
  "libraries": [
    {
      "isil": "BE-ZOT01",
      "name": "Bibliotheek Zottegem",
      "country": "BE",
      "region": "ZO",
      "digitalCollections": [
        "ebooks"
      ],
      "branches": [
        {
          "code": "3550",
          "name": "Zottegem"
        }
      ]
    },
    {
      "isil": "NL-0702881037",
      "name": "Bibliotheek Bedum",
      "country": "NL",
      "branches": [
        {
          "code": "BED",
          "name": "Bedum"
        }
      ]
    }
  ],
  "patrons": [
    {
      "key": "an",
      "givenName": "An",
      "familyName": "Peeters",
      "birthDate": "1985-04-12",
      "email": "an.peeters@example.be",
      "historyEnabled": true,
      "memberships": [
        {
          "library": "BE-ZOT01",
          "type": "VOLW",
          "start": "2026-01-01",
          "end": "2026-12-31",
          "autoRenew": false,
          "stoppedOn": null
        }
      ],
      "guestMemberships": [
        {
          "library": "NL-0702881037",
          "type": "GAST",
          "registeredOn": "2026-09-01",
          "homeIsil": "NL-0401230001",
          "homeCardNumber": "2000987654321",
          "homeValidUntil": "2027-03-31",
          "homeCheckedOn": "2026-11-21",
          "loanStrips": 125
        }
      ],
      "cards": [
        {
          "library": "BE-ZOT01",
          "number": "2000123456789",
          "pin": "1234"
        }
      ]
    }
  ],
  "accounts": [
    {
      "username": "an.peeters",
      "email": "an.peeters@example.be",
      "password": "geheim-wachtwoord",
      "patrons": [
        "an"
      ]
    }
  ],
  "titles": [
    {
      "key": "max-havelaar",
      "title": "Max Havelaar",
      "author": "Multatuli",
      "year": 1860,
      "isbn": null,
      "material": "book"
    }
  ],
  "items": [
    {
      "barcode": "3000000000017",
      "title": "max-havelaar",
      "library": "BE-ZOT01",
      "branch": "3550"
    }
  ],
  "loans": [
    {
      "item": "3000000000017",
      "patron": "an",
      "library": "BE-ZOT01",
      "branch": "3550",
      "lentOn": "2026-11-01",
      "dueOn": "2026-11-29",
      "renewals": 0,
      "returnedOn": null
    }
  ],
  "reservations": [
    {
      "title": "max-havelaar",
      "patron": "an",
      "pickupLibrary": "BE-ZOT01",
      "pickupBranch": "3550",
      "placedOn": "2026-11-10",
      "status": "waiting",
      "readyUntil": null
    }
  ],
  "fees": [
    {
      "patron": "an",
      "library": "BE-ZOT01",
      "kind": "late",
      "amountCents": 150,
      "description": "Te laat: Max Havelaar",
      "createdOn": "2026-11-02",
      "paidOn": null
    }
  ]
};

describeOnDatabases('IMPORT_FORMAT example document (%s)', (t) => {
  // First, on the empty database: later, the library would be found among stored records.
  it('refuses the example as printed, naming the library it leaves out', async () => {
    const printed = structuredClone(contractExample) as { libraries: { isil: string }[]; subscriptionTypes: { library?: string }[] };
    printed.libraries = printed.libraries.filter((l) => l.isil !== 'NL-0702881037');
    printed.subscriptionTypes = printed.subscriptionTypes.filter((s) => s.library !== 'NL-0702881037');
    const result = await importNetwork(t.db, printed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('patrons[0].guestMemberships[0].library');
  });
  it('imports, and a re-import changes nothing', async () => {
    const first = await importNetwork(t.db, structuredClone(contractExample));
    expect(first).toMatchObject({ ok: true });
    const before = await snapshotDatabase(t.db);
    const second = await importNetwork(t.db, structuredClone(contractExample));
    expect(second).toMatchObject({ ok: true });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

});
