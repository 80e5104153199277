// Both directions against texts written from the 2.00 specification. The expected checksums were
// computed with SIPServer's Sip::Checksum (an independent implementation), not with ours.
import { describe, expect, it } from 'vitest';
import { SipArgumentError, SipProtocolError } from './errors';
import { RESEND_REQUEST, frameMessage, unframeMessage } from './framing';
import * as m from './messages';

const now = new Date(2026, 10, 29, 12, 0, 0); // local time: the text below does not depend on TZ
const D = '20261129    120000';
const ctx: m.RequestContext = { institutionId: 'UWOLS', now };
const wire = (body: string, seq: number, charset: 'ascii' | 'utf-8' | 'latin1' = 'ascii') =>
  frameMessage(body, seq, charset).toString('latin1');

describe('request builders → exact wire text', () => {
  const cases: [string, string, number, string][] = [
    ['login 93', m.buildLogin({ user: 'scclient', password: 'clientpwd', locationCode: 'STACKS' }), 0, '9300CNscclient|COclientpwd|CPSTACKS|AY0AZF1BD'],
    ['SC status 99', m.buildScStatus(), 1, '9900802.00AY1AZFCA0'],
    ['patron status 23', m.buildPatronStatus(ctx, { patronId: 'djfiander', patronPassword: '6789' }), 2, `23000${D}AOUWOLS|AAdjfiander|AC|AD6789|AY2AZF040`],
    ['patron information 63, charged items', m.buildPatronInformation(ctx, { patronId: 'djfiander', patronPassword: '6789', summary: 'charged' }), 3, `63000${D}  Y       AOUWOLS|AAdjfiander|AC|AD6789|AY3AZEEC2`],
    ['patron information 63, holds 1–5, no PIN', m.buildPatronInformation(ctx, { patronId: 'miker', summary: 'hold', start: 1, end: 5 }), 4, `63000${D}Y         AOUWOLS|AAmiker|AC|BP1|BQ5|AY4AZEFAC`],
    ['item information 17', m.buildItemInformation(ctx, { itemId: '1565921879' }), 5, `17${D}AOUWOLS|AB1565921879|AC|AY5AZF43A`],
    ['checkout 11', m.buildCheckout(ctx, { patronId: 'djfiander', itemId: '1565921879', patronPassword: '6789' }), 6, `11NN${D}${' '.repeat(18)}AOUWOLS|AAdjfiander|AB1565921879|AC|AD6789|AY6AZEADF`],
    ['renew 29', m.buildRenew(ctx, { patronId: 'djfiander', patronPassword: '6789', itemId: '1565921879' }), 7, `29NN${D}${' '.repeat(18)}AOUWOLS|AAdjfiander|AD6789|AB1565921879|AC|AY7AZEAD5`],
    ['renew 29 by title, third party allowed', m.buildRenew(ctx, { patronId: 'djfiander', titleId: 'Perl 5 desktop reference', thirdPartyAllowed: true }), 4, `29YN${D}${' '.repeat(18)}AOUWOLS|AAdjfiander|AJPerl 5 desktop reference|AC|AY4AZE5E8`],
    ['renew all 65', m.buildRenewAll(ctx, { patronId: 'djfiander', patronPassword: '6789' }), 8, `65${D}AOUWOLS|AAdjfiander|AD6789|AC|AY8AZF0C4`],
    ['hold 15 place', m.buildHold(ctx, { mode: '+', patronId: 'miker', patronPassword: '6789', itemId: '1565921879', pickupLocation: 'CENTRAL' }), 9, `15+${D}BSCENTRAL|AOUWOLS|AAmiker|AD6789|AB1565921879|AC|AY9AZEBFE`],
    ['hold 15 change', m.buildHold(ctx, { mode: '*', patronId: 'miker', itemId: '1565921879', pickupLocation: 'WEST', expirationDate: new Date(2026, 11, 31, 23, 59, 59) }), 0, `15*${D}BW20261231    235959|BSWEST|AOUWOLS|AAmiker|AB1565921879|AC|AY0AZEA46`],
    ['hold 15 cancel by title', m.buildHold(ctx, { mode: '-', patronId: 'miker', titleId: 'Perl 5 desktop reference' }), 1, `15-${D}AOUWOLS|AAmiker|AJPerl 5 desktop reference|AC|AY1AZEA39`],
    ['end patron session 35', m.buildEndPatronSession(ctx, { patronId: 'djfiander', patronPassword: '6789' }), 2, `35${D}AOUWOLS|AAdjfiander|AC|AD6789|AY2AZF0CD`],
    ['terminal password in AC', m.buildItemInformation({ ...ctx, terminalPassword: 'tpw' }, { itemId: '1565921879' }), 3, `17${D}AOUWOLS|AB1565921879|ACtpw|AY3AZF2E1`],
  ];
  it.each(cases)('%s', (_name, body, seq, expected) => {
    expect(wire(body, seq)).toBe(`${expected}\r`);
  });

  it('request ACS resend 97: the literal of the spec, no sequence number', () => {
    expect(RESEND_REQUEST.toString('latin1')).toBe('97AZFEF5\r');
  });

  it('encodes per charset before the checksum (utf-8, latin1, ascii)', () => {
    const body = m.buildPatronStatus(ctx, { patronId: 'josé', patronPassword: '' });
    expect(frameMessage(body, 0, 'utf-8').equals(Buffer.from(`23000${D}AOUWOLS|AAjos\u00c3\u00a9|AC|AD|AY0AZF20F\r`, 'latin1'))).toBe(true);
    expect(wire(body, 0, 'latin1')).toBe(`23000${D}AOUWOLS|AAjos\u00e9|AC|AD|AY0AZF292\r`);
    expect(wire(body, 0, 'ascii')).toBe(`23000${D}AOUWOLS|AAjos?|AC|AD|AY0AZF33C\r`);
  });

  it.each([
    ['a "|" in a value', () => m.buildPatronStatus(ctx, { patronId: 'a|AD1234' })],
    ['a CR in a value', () => m.buildItemInformation(ctx, { itemId: '1\r99' })],
    ['renew without item or title', () => m.buildRenew(ctx, { patronId: 'p' })],
    ['hold without item or title', () => m.buildHold(ctx, { mode: '+', patronId: 'p' })],
    ['an unknown hold mode', () => m.buildHold(ctx, { mode: '?' as m.HoldMode, patronId: 'p', itemId: 'i' })],
    ['start 0', () => m.buildPatronInformation(ctx, { patronId: 'p', start: 0 })],
  ])('refuses %s', (_name, build) => {
    expect(build).toThrow(SipArgumentError);
  });

  it('summary field: one Y at the position of the list, ten characters', () => {
    expect(m.SUMMARY_POSITIONS.map((s) => m.summaryField(s))).toEqual([
      'Y         ', ' Y        ', '  Y       ', '   Y      ', '    Y     ', '     Y    ',
    ]);
    expect(m.summaryField(null)).toBe('          ');
  });
});

/** Wire text → the parser's result, through the framing as on a connection. */
function parse<T>(text: string, parser: (raw: string, body: string) => T): T {
  const frame = unframeMessage(Buffer.from(text, 'latin1'), 'latin1');
  expect(frame.checksumOk).toBe(true);
  return parser(frame.raw, frame.body);
}

describe('response parsers ← wire text', () => {
  it('94 login', () => {
    expect(parse('941AY0AZFDFD', m.parseLoginResponse)).toMatchObject({ ok: true, unknown: {} });
  });

  it('98 ACS status', () => {
    const r = parse('98YYYNYN60000320261129    1200002.00AOUWOLS|AMUWO Libraries|BXYYYYYYYYYNYNYYYY|ANSTACKS|AFWelcome|AY1AZE16B', m.parseAcsStatus);
    expect(r).toMatchObject({
      online: true, checkinOk: true, checkoutOk: true, acsRenewalPolicy: false, statusUpdateOk: true, offlineOk: false,
      timeoutPeriod: 600, retriesAllowed: 3, dateTimeSync: now, protocolVersion: '2.00',
      institutionId: 'UWOLS', libraryName: 'UWO Libraries', terminalLocation: 'STACKS', screenMessages: ['Welcome'],
    });
    expect(r.supportedMessages).toMatchObject({ patronStatusRequest: true, feePaid: false, itemStatusUpdate: false, hold: true, renewAll: true });
  });

  it('24 patron status', () => {
    const r = parse('24  Y           00020261129    120000AOUWOLS|AAdjfiander|AEDavid J. Fiander|BLY|CQN|BHCAD|BV1.50|AFCheck your PIN|AY2AZDE8C', m.parsePatronStatus);
    expect(r).toMatchObject({
      language: '000', transactionDate: now, institutionId: 'UWOLS', patronId: 'djfiander', personalName: 'David J. Fiander',
      validPatron: true, validPatronPassword: false, currencyType: 'CAD', feeAmount: '1.50', screenMessages: ['Check your PIN'],
    });
    expect(r.status.recallPrivilegesDenied).toBe(true);
    expect(r.status.chargePrivilegesDenied).toBe(false);
  });

  it('64 patron information: counts, repeated lists as arrays, unknown fields kept', () => {
    const r = parse(
      '64  Y           00020261129    120000000100000002000100000000AOUWOLS|AAdjfiander|AEDavid J. Fiander|BZ0010|CA0005|CB0020|BLY|CQY|BHEUR|BV2.50|CC10.00|AU1565921879|AU0440242746|AVComputer Time|BD2 Meadowvale Dr.|BEdj@example.org|BF555 1234|PA20501231|XXsomething|AY3AZB51B',
      m.parsePatronInformation,
    );
    expect(r).toMatchObject({
      counts: { hold: 1, overdue: 0, charged: 2, fine: 1, recall: 0, unavailable: 0 },
      holdItemsLimit: 10, overdueItemsLimit: 5, chargedItemsLimit: 20, feeLimit: '10.00',
      chargedItems: ['1565921879', '0440242746'], fineItems: ['Computer Time'], holdItems: [],
      validPatron: true, validPatronPassword: true, feeAmount: '2.50', currencyType: 'EUR',
      homeAddress: '2 Meadowvale Dr.', emailAddress: 'dj@example.org', homePhone: '555 1234',
      unknown: { PA: ['20501231'], XX: ['something'] },
    });
  });

  it('18 item information: due date raw and parsed', () => {
    const r = parse('1804020120261129    120000CF1|AH20261213    120000|AB1565921879|AJPerl 5 desktop reference|BGUWOLS|CK001|AQMAIN|APMAIN|AFOn loan|AY4AZDB49', m.parseItemInformation);
    expect(r).toMatchObject({
      circulationStatus: '04', circulationStatusName: 'charged', securityMarker: '02', feeType: '01',
      holdQueueLength: 1, dueDate: '20261213    120000', dueAt: new Date(2026, 11, 13, 12, 0, 0),
      itemId: '1565921879', titleId: 'Perl 5 desktop reference', owner: 'UWOLS', mediaType: '001',
      permanentLocation: 'MAIN', currentLocation: 'MAIN', screenMessages: ['On loan'], unknown: {},
    });
  });

  it('18 item information: a free-format due date is kept as text', () => {
    const r = parse('1804020120110630    110250AB30007008641424|AJLe zahir|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP COE|AY7AZE174', m.parseItemInformation);
    expect(r).toMatchObject({ dueDate: '2011-10-28 23:59:59', dueAt: null, unknown: { CS: ['PB LP COE'] } });
  });

  it('12 checkout', () => {
    const r = parse('121NNY20261129    120000AOUWOLS|AAdjfiander|AB1565921879|AJPerl 5 desktop reference|AH20261213    120000|CK001|AY5AZDFC8', m.parseCheckout);
    expect(r).toMatchObject({ ok: true, renewalOk: false, magneticMedia: false, desensitize: true, dueAt: new Date(2026, 11, 13, 12) });
  });

  it('30 renew refused: U for magnetic media, empty AH, the reason in AF', () => {
    const r = parse('300NUN20261129    120000AAdjfiander|AB1565921879|AJPerl 5 desktop reference|AH|AOUWOLS|AFItem has outstanding holds|AY6AZD9A3', m.parseRenew);
    expect(r).toMatchObject({
      ok: false, renewalOk: false, magneticMedia: null, desensitize: false, dueDate: null, dueAt: null,
      patronId: 'djfiander', itemId: '1565921879', screenMessages: ['Item has outstanding holds'],
    });
  });

  it('66 renew all', () => {
    const r = parse('6610002000120261129    120000AOUWOLS|BM1565921879|BM660|BN0440242746|AY7AZEEC0', m.parseRenewAll);
    expect(r).toMatchObject({ ok: true, renewedCount: 2, unrenewedCount: 1, renewedItems: ['1565921879', '660'], unrenewedItems: ['0440242746'] });
  });

  it('16 hold', () => {
    const r = parse('161N20261129    120000BW20261231    235959|BR1|BSCENTRAL|AOUWOLS|AAmiker|AB1565921879|AJPerl 5 desktop reference|AY8AZDF09', m.parseHold);
    expect(r).toMatchObject({
      ok: true, available: false, expirationDate: new Date(2026, 11, 31, 23, 59, 59), queuePosition: 1,
      pickupLocation: 'CENTRAL', patronId: 'miker', itemId: '1565921879',
    });
  });

  it('36 end session, with print lines', () => {
    const r = parse('36Y20261129    120000AOUWOLS|AAdjfiander|AFThank you|AGprinted|AY9AZEADB', m.parseEndPatronSession);
    expect(r).toMatchObject({ endSession: true, transactionDate: now, screenMessages: ['Thank you'], printLines: ['printed'] });
  });

  it('a UTC transaction date ("   Z")', () => {
    const r = parse('36Y20261129   Z120000AOUWOLS|AAdjfiander|AY0AZF31A', m.parseEndPatronSession);
    expect(r.transactionDate).toEqual(new Date(Date.UTC(2026, 10, 29, 12)));
  });
});

describe('malformed answers → SipProtocolError', () => {
  it.each([
    ['another message id', '64  Y           000' + D, m.parsePatronStatus],
    ['94 without ok', '94', m.parseLoginResponse],
    ['94 with ok "2"', '942', m.parseLoginResponse],
    ['24 fixed part too short', '24  Y           00020261129', m.parsePatronStatus],
    ['24 a patron status flag that is not Y/N/blank', '24  X           000' + D, m.parsePatronStatus],
    ['18 a date that is not one', '18040201XXXX1129    120000AB1|', m.parseItemInformation],
    ['18 circulation status not digits', '18AB0201' + D, m.parseItemInformation],
    ['64 a count that is not digits', '64  Y           000' + D + '00a1', m.parsePatronInformation],
    ['30 ok "Y" (ok is 0/1)', '30YYNN' + D, m.parseRenew],
    ['30 renewal ok blank', '301 NN' + D, m.parseRenew],
    ['66 too short', '661000', m.parseRenewAll],
    ['98 protocol version missing', '98YYYNYN600003' + D, m.parseAcsStatus],
    ['empty', '', m.parseHold],
  ] as [string, string, (raw: string, body: string) => unknown][])('%s', (_name, body, parser) => {
    expect(() => parser(body, body)).toThrow(SipProtocolError);
  });
});

describe('unframeMessage', () => {
  it('splits off AY and AZ and checks the sum', () => {
    expect(unframeMessage(Buffer.from('941AY0AZFDFD'), 'ascii')).toEqual({ raw: '941AY0AZFDFD', body: '941', seq: 0, hasChecksum: true, checksumOk: true });
    expect(unframeMessage(Buffer.from('941AY0AZFDFC'), 'ascii')).toMatchObject({ checksumOk: false });
    expect(unframeMessage(Buffer.from('96AZFEF6'), 'ascii')).toEqual({ raw: '96AZFEF6', body: '96', seq: null, hasChecksum: true, checksumOk: true });
    expect(unframeMessage(Buffer.from('941'), 'ascii')).toMatchObject({ hasChecksum: false, checksumOk: false, seq: null });
  });
});
