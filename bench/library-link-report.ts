// The library-link section of bench/REPORT.md, from what bench/library-link.ts printed. Shared by
// the full run (writeReport in bench/report.ts) and `BENCH_ONLY=library-link`, which replaces only this
// section of an existing report (between the two markers below).

export const SECTION_START = '<!-- library-link: start -->';
export const SECTION_END = '<!-- library-link: end -->';

export interface Figure {
  loans: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /**
   * The run's time split on the wire (medians over the runs, so they need not add up to medianMs):
   * waiting for the library — request seen by the counting proxy → its answer handed back, summed
   * over the messages (one at a time) — and the rest, the portal's own time.
   */
  libraryMs: number;
  portalMs: number;
  /** Delay the proxy added to every answer (0: loopback as is). */
  latencyMs: number;
  /** SIP requests per run (the largest of the runs), and by message id. */
  messages: number;
  byId: Record<string, number>;
  /** TCP connections (each one a login 93) per run. */
  connections: number;
  /** Database statements per run (drizzle's query hook; begin/commit not counted). */
  statements: number;
  outcome: string;
}

export interface LibraryLinkResult {
  today: string;
  runs: number;
  importOnlyIsil: string;
  seconds: number;
  reference: {
    coldRefresh1: Figure;
    refresh1: Figure;
    renew1: Figure;
    coldRefresh3: Figure;
    refresh3: Figure;
    renew3: Figure;
    /** One item information (17) / one renew (29) through the adapter: what each further loan adds. */
    itemInformation: Figure;
    renewOne: Figure;
    views: { withoutLink: Figure; withLink: Figure; afterResponse: Figure };
  };
  scripted: {
    coldRefresh: Figure;
    refresh: Figure;
    renew: Figure;
    /** The same through a proxy holding every answer `latencyMs` (a library across the internet). */
    wanRefresh: Figure;
    wanRenew: Figure;
    dueDatesAsLibrary: string;
  };
}

const f1 = (n: number) => n.toFixed(1);
const ids = (f: Figure) =>
  Object.entries(f.byId)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, n]) => `${n}×${id}`)
    .join(' + ') || '–';

const row = (what: string, f: Figure) =>
  `| ${what} | ${f.loans || '–'} | **${f1(f.medianMs)}** | ${f1(f.minMs)}–${f1(f.maxMs)} | ${f1(f.portalMs)} | ${f1(f.libraryMs)} | ${f.runs} | **${f.messages}** | ${ids(f)} | ${f.connections} | ${f.statements} | ${f.outcome} |`;

/** Share of the run that was the library's, from the two medians. */
const libraryShare = (f: Figure) => `${Math.round((100 * f.libraryMs) / (f.libraryMs + f.portalMs || 1))} %`;


export function libraryLinkSection(d: LibraryLinkResult): string {
  const r = d.reference;
  const s = d.scripted;
  // Each loan beyond the three adds one 17 to a refresh and one 29 to a renew-all, sent one after
  // another; the portal's database work for 30 loans is what the scripted ACS measures.
  const refresh30 = r.refresh3.medianMs + 27 * r.itemInformation.medianMs;
  const renew30 = r.renew3.medianMs + 27 * r.renewOne.medianMs;
  const header = `| measurement | loans | median ms | min–max ms | portal ms | library ms | runs | SIP messages | by message id | connections | DB statements | outcome |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|`;
  return `${SECTION_START}
## Linked library (SIP2, issue 12)

\`bench/library-link.ts\`, in-process on fresh embedded (PGlite) databases holding the reference-library scenario (\`db/seed/reference-library.ts\`), ${d.runs} timed runs per row after the cold one (${f1(d.seconds)} s in all). SIP messages are counted on the wire by a proxy in front of the ACS (\`bench/sip-counting-proxy.ts\`): requests from the portal, per run; "connections" are the TCP connections opened in a run, each costing a login (93). The pool stays warm between runs (idle timeout 30 s, the default). Message ids: 63 patron information, 17 item information, 29 renew, 93 login. **portal ms / library ms** split each run on the wire: *library* is the time the proxy saw a request waiting for its answer (request in → answer out, summed over the messages, which the adapter sends one at a time), *portal* is the rest of the call — database statements, reconcile, SIP encoding and parsing; both are medians over the runs, so they need not add up to the median. The portal's code is not wrapped for it. The renew-all is the card's (region REF): it also holds one loan of the import-only library ${d.importOnlyIsil}, decided by the portal's own rules without any SIP message (renewed in the first run, then "no extension"). Between renew-all runs the loans' renewal counters are reset so that every run asks the library again.

### Reference SIP2 server (loopback; its sample ILS has 3 items)

${header}
${row('refresh, cold pool (connect + login)', r.coldRefresh1)}
${row('refresh one patron (refreshPatronAtLibrary)', r.refresh1)}
${row('renew-all (renewLoansForAccount)', r.renew1)}
${row('refresh, cold pool, 2 new loans copied', r.coldRefresh3)}
${row('refresh one patron', r.refresh3)}
${row('renew-all', r.renew3)}
${row('one item information (getItem), warm pool', r.itemInformation)}
${row('one renew (renew), warm pool', r.renewOne)}

**Per loan and extrapolated to 30 loans** (not measured there: the sample ILS has only three items). SIP messages follow from the adapter: a refresh is 4 patron-information requests (charged, ready holds, waiting holds, fines) plus one item information per charged item, sent one after another; a renew-all is one renew per linked loan, also one after another. So 30 loans cost **${4 + 30}** messages to refresh and **30** to renew. Time: each loan beyond the three adds one item information (median ${f1(r.itemInformation.medianMs)} ms here) to a refresh and one renew (median ${f1(r.renewOne.medianMs)} ms) to a renew-all, so on this server 30 loans would take about ${f1(r.refresh3.medianMs)} + 27 × ${f1(r.itemInformation.medianMs)} ≈ **${f1(refresh30)} ms** to refresh and ${f1(r.renew3.medianMs)} + 27 × ${f1(r.renewOne.medianMs)} ≈ **${f1(renew30)} ms** to renew all — an extrapolation, not a measurement; the database side of 30 loans is in the scripted run below. On a shared machine the 1- and 3-loan rows can differ by less than their run-to-run spread: the per-message rows are the better guide to the cost of a further loan.

### Scripted ACS with 30 loans charged (bench/scripted-acs.ts)

Answers at once (no library system behind it), so this is the portal's own cost — SIP client, adapter, reconcile and database — plus loopback, for 30 loans. Due dates after the runs agree with the ACS for ${s.dueDatesAsLibrary} loans.

${header}
${row('refresh, cold pool (connect + login)', s.coldRefresh)}
${row('refresh one patron, 30 loans', s.refresh)}
${row('renew-all, 30 loans', s.renew)}
${row(`refresh one patron, 30 loans, ${s.wanRenew.latencyMs} ms per message`, s.wanRefresh)}
${row(`renew-all, 30 loans, ${s.wanRenew.latencyMs} ms per message`, s.wanRenew)}

**What a library across the internet costs.** The last two rows go through a second proxy that holds every answer ${s.wanRenew.latencyMs} ms (a round trip to a library system elsewhere; its own warm pool, so no login in the rows). The renew-all of 30 loans then takes **${f1(s.wanRenew.medianMs)} ms**, of which **${f1(s.wanRenew.libraryMs)} ms** waiting for the library (${libraryShare(s.wanRenew)}; 30 renewals × ${s.wanRenew.latencyMs} ms = ${30 * s.wanRenew.latencyMs} ms at least) and **${f1(s.wanRenew.portalMs)} ms** the portal's own (on loopback: ${f1(s.renew.portalMs)} ms of ${f1(s.renew.medianMs)}). The patron waits for the renewals; the refresh (${f1(s.wanRefresh.libraryMs)} ms library, ${f1(s.wanRefresh.portalMs)} ms portal) runs after the response. The library's share is set by the number of messages — one per loan, one after another — times the library's round trip, not by the portal.

### Page views with and without the link

The loans page's data (\`getLoansView\` + \`linkedFreshness\`, what \`app/(portal)/cards/[card]/loans/page.tsx\` calls), 15 runs each on the linked scenario, with no library configured and with BE-REF01 linked (\`LIBRARY_SYSTEMS\`): the view reads the copy and the freshness in its one statement; no library is asked while a page renders. The card layout's refresh (\`refreshOpenedCard\`) runs after the response: on a copy fetched less than \`refreshAfterMinutes\` ago it is one statement and no SIP message; on an older copy it is one refresh as above, after the page was sent.

${header.replace('| loans |', '| |')}
${row('loans view, no library linked', r.views.withoutLink)}
${row('loans view, BE-REF01 linked', r.views.withLink)}
${row('after the response, copy fresh', r.views.afterResponse)}
${SECTION_END}`;
}
