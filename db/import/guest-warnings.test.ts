// R12 in the import report, judged from the document alone (no database): which guest memberships
// were registered while their home membership was not valid, by JSON path.
import { describe, expect, it } from 'vitest';
import { networkFixture } from '@/test/scenarios/network-fixture';
import { GUEST_HOME_INVALID_WARNING, guestHomeWarnings } from './guest-warnings';
import { parseNetworkDocument } from './validate';

type Home = { homeValidUntil?: string; inNetworkEnd?: string; inNetworkStopped?: string };

function warningsFor(home: Home): string[] {
  const doc = networkFixture();
  doc.libraries.push({ isil: 'NL-0401230000', name: 'Bibliotheek Eemland', country: 'NL', branches: [] });
  doc.patrons.push({
    key: 'r12', givenName: 'Rik', familyName: 'Twaalf',
    memberships:
      home.inNetworkEnd !== undefined
        ? [{ library: 'NL-0401230000', type: 'GAST', start: '2025-01-01', end: home.inNetworkEnd, stoppedOn: home.inNetworkStopped ?? null }]
        : [],
    guestMemberships: [
      {
        library: 'NL-0702881037', type: 'GAST', registeredOn: '2026-06-01',
        // R13: an unknown branch of Eemland's system; in the network only when Rik has a membership there.
        homeIsil: home.inNetworkEnd !== undefined ? 'NL-0401230001' : 'NL-0999990001', homeCardNumber: 'R12',
        homeValidUntil: home.homeValidUntil ?? null, homeCheckedOn: home.homeValidUntil ? '2026-11-20' : null,
      },
    ],
    cards: [],
  });
  const parsed = parseNetworkDocument(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const last = parsed.doc.patrons.length - 1;
  return guestHomeWarnings(parsed.doc).map((w) => {
    expect(w.message).toBe(GUEST_HOME_INVALID_WARNING);
    return w.path.replace(`patrons[${last}]`, 'patrons[r12]');
  });
}

describe('R12 import warnings: guest registered while the home membership was not valid', () => {
  const table: [string, Home, string[]][] = [
    ['outside home, ended before registration', { homeValidUntil: '2026-05-31' }, ['patrons[r12].guestMemberships[0]']],
    ['outside home, valid on the registration day', { homeValidUntil: '2026-06-01' }, []],
    ['outside home, nothing known yet', {}, []],
    ['home in the document (R13 by system), ended before registration', { inNetworkEnd: '2026-04-30' }, ['patrons[r12].guestMemberships[0]']],
    ['home in the document, stopped before registration', { inNetworkEnd: '2026-12-31', inNetworkStopped: '2026-05-15' }, ['patrons[r12].guestMemberships[0]']],
    ['home in the document, valid at registration', { inNetworkEnd: '2026-12-31' }, []],
  ];
  it.each(table)('%s', (_name, home, expected) => {
    expect(warningsFor(home)).toEqual(expected);
  });

  it('R12 the fixture network itself has no such guest', () => {
    const parsed = parseNetworkDocument(networkFixture());
    if (!parsed.ok) throw new Error('fixture invalid');
    expect(guestHomeWarnings(parsed.doc)).toEqual([]);
  });
});
