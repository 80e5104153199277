// A scripted SIP2 ACS for the bench's library-link section: one patron with N items charged, so that
// refreshing and renewing 30 loans is *measured* (the reference server's sample ILS has only three
// items). Built on the tests' fake ACS (test/support/fake-sip-acs.ts: framing, checksums, sequence
// numbers); it answers exactly the requests the SIP2 adapter sends for a refresh and a renewal —
// login 93, patron information 63 (one list per summary), item information 17, renew 29 — from an
// in-memory loan list whose due dates renewals move, as a library system would. Answers come at
// once: the figures are the portal's own cost plus loopback, not a library system's speed.
import { formatSipDate } from '../lib/library-systems/sip2/dates';
import { startFakeAcs, type FakeAcs } from '../test/support/fake-sip-acs';

export interface ScriptedLoan {
  barcode: string;
  title: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

export interface ScriptedAcs {
  port: number;
  /** The loans as the ACS has them now. */
  loans(): ScriptedLoan[];
  close(): Promise<void>;
}

const T = () => formatSipDate(new Date());
/** A due date as most systems send it: an 18-character SIP date at the end of that day. */
const sipDue = (iso: string) => `${iso.replaceAll('-', '')}    235900`;
const field = (body: string, id: string) => new RegExp(`(?:^|\\|)${id}([^|]*)`).exec(body.slice(2))?.[1] ?? null;
const count = (n: number) => String(n).padStart(4, '0');

/**
 * `patron`: the one card number it knows; `renewTo`: the due date a renewal gives (YYYY-MM-DD).
 * Any other patron is answered "not a valid patron" (BL N).
 */
export async function startScriptedAcs(options: { patron: string; institutionId: string; loans: ScriptedLoan[]; renewTo: string }): Promise<ScriptedAcs> {
  const loans = new Map(options.loans.map((l) => [l.barcode, { ...l }]));
  const inst = options.institutionId;
  const acs: FakeAcs = await startFakeAcs((message, ctx) => {
    const body = message.body;
    const id = body.slice(0, 2);
    if (id === '63') {
      const patron = field(body, 'AA');
      const summary = body.slice(23, 33);
      const known = patron === options.patron;
      const charged = known && summary[2] === 'Y' ? [...loans.keys()] : [];
      const chargedCount = known ? loans.size : 0;
      // Patron status (14), language, date, then hold, overdue, charged, fine, recall, unavailable counts.
      ctx.reply(
        `64${' '.repeat(14)}001${T()}${count(0)}${count(0)}${count(chargedCount)}${count(0)}${count(0)}${count(0)}` +
          `AO${inst}|AA${patron ?? ''}|AEBench Patron|BL${known ? 'Y' : 'N'}|${charged.map((b) => `AU${b}|`).join('')}`,
      );
      return true;
    }
    if (id === '17') {
      const barcode = field(body, 'AB') ?? '';
      const loan = loans.get(barcode);
      ctx.reply(
        loan
          ? `18040001${T()}AB${barcode}|AJ${loan.title}|AH${sipDue(loan.dueOn)}|AQCENTRAL|APCENTRAL|`
          : `18010001${T()}AB${barcode}|AJ|`,
      );
      return true;
    }
    if (id === '29') {
      const barcode = field(body, 'AB') ?? '';
      const loan = field(body, 'AA') === options.patron ? loans.get(barcode) : undefined;
      if (!loan) {
        ctx.reply(`300NUN${T()}AO${inst}|AA${field(body, 'AA') ?? ''}|AB${barcode}|AJ|AH|AFItem not charged to this patron|`);
        return true;
      }
      loan.dueOn = options.renewTo;
      ctx.reply(`301YNN${T()}AO${inst}|AA${options.patron}|AB${barcode}|AJ${loan.title}|AH${sipDue(loan.dueOn)}|`);
      return true;
    }
    if (id === '99') {
      ctx.reply(`98YYYYNN100003${T()}2.00AO${inst}|BXYYYYYYYYYYYYYYYY|`);
      return true;
    }
    return false; // 93: the fake answers 941
  });
  return {
    port: acs.port,
    loans: () => [...loans.values()].map((l) => ({ ...l })),
    close: () => acs.close(),
  };
}
