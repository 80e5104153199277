// Builders for the requests and parsers for the answers of SIP2 2.00, one pair per message.
// Builders return the message text WITHOUT sequence number and checksum (the connection adds
// those, since they depend on the connection's state); parsers take the text without them.
// Fixed parts follow the 2.00 specification character for character; the layouts are written
// out next to each parser and in docs/sip2.md.
import { formatSipDate, BLANK_SIP_DATE, parseSipDate } from './dates';
import { SipArgumentError, SipProtocolError } from './errors';
import { FIELD as F, all, field, first, optionalField, parseVariableFields, rest, type FieldMap } from './fields';

/** What every request needs besides its own arguments. */
export interface RequestContext {
  institutionId: string;
  terminalPassword?: string | undefined;
  /** The transaction date: the terminal's local time now. */
  now: Date;
}

// ————————————————————————————————————————————————————————— requests

export interface LoginRequest {
  user: string;
  password: string;
  locationCode?: string | undefined;
}

/** 93: UID algorithm and password algorithm "0" (plain text: the only one anyone implements). */
export function buildLogin(req: LoginRequest): string {
  return `9300${field(F.loginUserId, req.user)}${field(F.loginPassword, req.password)}${optionalField(F.locationCode, req.locationCode)}`;
}

/** 99: status code 0 (SC ok), max print width 3 digits, protocol version 2.00. */
export function buildScStatus(opts: { statusCode?: '0' | '1' | '2'; maxPrintWidth?: number } = {}): string {
  const width = opts.maxPrintWidth ?? 80;
  if (!Number.isInteger(width) || width < 0 || width > 999) throw new SipArgumentError('maxPrintWidth must be 0–999');
  return `99${opts.statusCode ?? '0'}${String(width).padStart(3, '0')}2.00`;
}

const LANGUAGE_UNKNOWN = '000';

function ao(ctx: RequestContext): string {
  return field(F.institutionId, ctx.institutionId);
}
function ac(ctx: RequestContext): string {
  // AC is required in several requests; an empty value is how the spec says "none".
  return field(F.terminalPassword, ctx.terminalPassword ?? '');
}

export interface PatronRequest {
  patronId: string;
  patronPassword?: string | undefined;
}

/** 23: language(3) transaction date(18), AO AA AC AD (AC and AD are required, may be empty). */
export function buildPatronStatus(ctx: RequestContext, req: PatronRequest): string {
  return `23${LANGUAGE_UNKNOWN}${formatSipDate(ctx.now)}${ao(ctx)}${field(F.patronId, req.patronId)}${ac(ctx)}${field(F.patronPassword, req.patronPassword ?? '')}`;
}

/** The summary field of 63: which list the answer should carry (only one at a time). */
export type SummaryType = 'hold' | 'overdue' | 'charged' | 'fine' | 'recall' | 'unavailable';
export const SUMMARY_POSITIONS: readonly SummaryType[] = ['hold', 'overdue', 'charged', 'fine', 'recall', 'unavailable'];

export function summaryField(summary: SummaryType | null | undefined): string {
  const chars = Array.from({ length: 10 }, () => ' ');
  if (summary) chars[SUMMARY_POSITIONS.indexOf(summary)] = 'Y';
  return chars.join('');
}

export interface PatronInformationRequest extends PatronRequest {
  summary?: SummaryType | null | undefined;
  /** 1-based first and last item of the list asked for in `summary` (BP/BQ). */
  start?: number | undefined;
  end?: number | undefined;
}

/** 63: language(3) transaction date(18) summary(10), AO AA AC(opt) AD(opt) BP(opt) BQ(opt). */
export function buildPatronInformation(ctx: RequestContext, req: PatronInformationRequest): string {
  for (const [name, n] of [['start', req.start], ['end', req.end]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 99999)) throw new SipArgumentError(`${name} must be a positive integer`);
  }
  return (
    `63${LANGUAGE_UNKNOWN}${formatSipDate(ctx.now)}${summaryField(req.summary)}` +
    `${ao(ctx)}${field(F.patronId, req.patronId)}${ac(ctx)}${optionalField(F.patronPassword, req.patronPassword)}` +
    `${optionalField(F.startItem, req.start?.toString())}${optionalField(F.endItem, req.end?.toString())}`
  );
}

/** 17: transaction date(18), AO AB AC(opt). */
export function buildItemInformation(ctx: RequestContext, req: { itemId: string }): string {
  return `17${formatSipDate(ctx.now)}${ao(ctx)}${field(F.itemId, req.itemId)}${ac(ctx)}`;
}

const yn = (b: boolean | undefined) => (b ? 'Y' : 'N');

export interface CheckoutRequest extends PatronRequest {
  itemId: string;
  /** SC renewal policy: may the ACS treat a checkout of an item already on loan as a renewal. */
  scRenewalPolicy?: boolean | undefined;
  noBlock?: boolean | undefined;
  noBlockDueDate?: Date | undefined;
  itemProperties?: string | undefined;
  feeAcknowledged?: boolean | undefined;
  cancel?: boolean | undefined;
}

/** 11: SC renewal policy(1) no block(1) transaction date(18) nb due date(18),
 * AO AA AB AC CH(opt) AD(opt) BO(opt) BI(opt). */
export function buildCheckout(ctx: RequestContext, req: CheckoutRequest): string {
  return (
    `11${yn(req.scRenewalPolicy)}${yn(req.noBlock)}${formatSipDate(ctx.now)}` +
    `${req.noBlockDueDate ? formatSipDate(req.noBlockDueDate) : BLANK_SIP_DATE}` +
    `${ao(ctx)}${field(F.patronId, req.patronId)}${field(F.itemId, req.itemId)}${ac(ctx)}` +
    `${optionalField(F.itemProperties, req.itemProperties)}${optionalField(F.patronPassword, req.patronPassword)}` +
    `${req.feeAcknowledged === undefined ? '' : field(F.feeAcknowledged, yn(req.feeAcknowledged))}` +
    `${req.cancel === undefined ? '' : field(F.cancel, yn(req.cancel))}`
  );
}

export interface RenewRequest extends PatronRequest {
  itemId?: string | undefined;
  titleId?: string | undefined;
  thirdPartyAllowed?: boolean | undefined;
  noBlock?: boolean | undefined;
  noBlockDueDate?: Date | undefined;
  itemProperties?: string | undefined;
  feeAcknowledged?: boolean | undefined;
}

/** 29: third party allowed(1) no block(1) transaction date(18) nb due date(18),
 * AO AA AD(opt) AB(opt) AJ(opt) AC(opt) CH(opt) BO(opt). */
export function buildRenew(ctx: RequestContext, req: RenewRequest): string {
  if (!req.itemId && !req.titleId) throw new SipArgumentError('renew needs an item id or a title id');
  return (
    `29${yn(req.thirdPartyAllowed)}${yn(req.noBlock)}${formatSipDate(ctx.now)}` +
    `${req.noBlockDueDate ? formatSipDate(req.noBlockDueDate) : BLANK_SIP_DATE}` +
    `${ao(ctx)}${field(F.patronId, req.patronId)}${optionalField(F.patronPassword, req.patronPassword)}` +
    `${optionalField(F.itemId, req.itemId)}${optionalField(F.titleId, req.titleId)}${ac(ctx)}` +
    `${optionalField(F.itemProperties, req.itemProperties)}` +
    `${req.feeAcknowledged === undefined ? '' : field(F.feeAcknowledged, yn(req.feeAcknowledged))}`
  );
}

export interface RenewAllRequest extends PatronRequest {
  feeAcknowledged?: boolean | undefined;
}

/** 65: transaction date(18), AO AA AD(opt) AC(opt) BO(opt). */
export function buildRenewAll(ctx: RequestContext, req: RenewAllRequest): string {
  return (
    `65${formatSipDate(ctx.now)}${ao(ctx)}${field(F.patronId, req.patronId)}` +
    `${optionalField(F.patronPassword, req.patronPassword)}${ac(ctx)}` +
    `${req.feeAcknowledged === undefined ? '' : field(F.feeAcknowledged, yn(req.feeAcknowledged))}`
  );
}

/** Hold mode: "+" place, "-" cancel, "*" change (pickup location, expiration date). */
export type HoldMode = '+' | '-' | '*';

/** BY: 1 other, 2 any copy of a title, 3 a specific copy, 4 any copy at a single branch. */
export type HoldType = '1' | '2' | '3' | '4';

export interface HoldRequest extends PatronRequest {
  mode: HoldMode;
  itemId?: string | undefined;
  titleId?: string | undefined;
  pickupLocation?: string | undefined;
  expirationDate?: Date | undefined;
  holdType?: HoldType | undefined;
  feeAcknowledged?: boolean | undefined;
}

/** 15: hold mode(1) transaction date(18), BW(opt) BS(opt) BY(opt) AO AA AD(opt) AB(opt) AJ(opt)
 * AC(opt) BO(opt). */
export function buildHold(ctx: RequestContext, req: HoldRequest): string {
  if (!['+', '-', '*'].includes(req.mode)) throw new SipArgumentError('hold mode must be +, - or *');
  if (!req.itemId && !req.titleId) throw new SipArgumentError('hold needs an item id or a title id');
  return (
    `15${req.mode}${formatSipDate(ctx.now)}` +
    `${req.expirationDate ? field(F.expirationDate, formatSipDate(req.expirationDate)) : ''}` +
    `${optionalField(F.pickupLocation, req.pickupLocation)}${optionalField(F.holdType, req.holdType)}` +
    `${ao(ctx)}${field(F.patronId, req.patronId)}${optionalField(F.patronPassword, req.patronPassword)}` +
    `${optionalField(F.itemId, req.itemId)}${optionalField(F.titleId, req.titleId)}${ac(ctx)}` +
    `${req.feeAcknowledged === undefined ? '' : field(F.feeAcknowledged, yn(req.feeAcknowledged))}`
  );
}

/** 35: transaction date(18), AO AA AC(opt) AD(opt). */
export function buildEndPatronSession(ctx: RequestContext, req: PatronRequest): string {
  return (
    `35${formatSipDate(ctx.now)}${ao(ctx)}${field(F.patronId, req.patronId)}${ac(ctx)}` +
    `${optionalField(F.patronPassword, req.patronPassword)}`
  );
}

// ————————————————————————————————————————————————————————— responses

export interface SipResponseBase {
  /** The message as received, error detection included. */
  raw: string;
  screenMessages: string[];
  printLines: string[];
  /** Fields this parser does not interpret, kept as received (extensions, newer versions). */
  unknown: Record<string, string[]>;
}

/** The 14 "Y or blank" flags of the patron status field (24 and 64). */
export interface PatronStatusFlags {
  chargePrivilegesDenied: boolean;
  renewalPrivilegesDenied: boolean;
  recallPrivilegesDenied: boolean;
  holdPrivilegesDenied: boolean;
  cardReportedLost: boolean;
  tooManyItemsCharged: boolean;
  tooManyItemsOverdue: boolean;
  tooManyRenewals: boolean;
  tooManyClaimsOfItemsReturned: boolean;
  tooManyItemsLost: boolean;
  excessiveOutstandingFines: boolean;
  excessiveOutstandingFees: boolean;
  recallOverdue: boolean;
  tooManyItemsBilled: boolean;
}

const PATRON_STATUS_NAMES: readonly (keyof PatronStatusFlags)[] = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
];

/** A reader over the fixed part that fails with the message id and position, never silently. */
class Fixed {
  private pos = 2;
  constructor(
    private readonly text: string,
    private readonly id: string,
  ) {}
  take(name: string, length: number): string {
    const value = this.text.slice(this.pos, this.pos + length);
    if (value.length !== length) {
      throw new SipProtocolError(`message ${this.id}: fixed part too short at ${name} (position ${this.pos})`, { head: this.text.slice(0, 40) });
    }
    this.pos += length;
    return value;
  }
  /** "0"/"1" (ok, login ok); anything else is not a 2.00 answer. */
  ok(name: string): boolean {
    const c = this.take(name, 1);
    if (c !== '0' && c !== '1') this.fail(name, c);
    return c === '1';
  }
  /** Y/N; "U" (unknown) and blank become null. */
  yn(name: string): boolean | null {
    const c = this.take(name, 1);
    if (c === 'Y') return true;
    if (c === 'N') return false;
    if (c === 'U' || c === ' ') return null;
    return this.fail(name, c);
  }
  /** Y/N strictly (required booleans). */
  bool(name: string): boolean {
    const c = this.take(name, 1);
    if (c !== 'Y' && c !== 'N') this.fail(name, c);
    return c === 'Y';
  }
  date(name: string): Date | null {
    const text = this.take(name, 18);
    const date = parseSipDate(text);
    // Blank is allowed where the spec allows it; anything else must be a date.
    if (!date && text.trim() !== '') this.fail(name, text);
    return date;
  }
  /** Four digits, or four blanks when the ACS does not count (spec: "unsupported"). */
  count(name: string): number | null {
    const text = this.take(name, 4);
    if (text === '    ') return null;
    if (!/^\d{4}$/.test(text)) this.fail(name, text);
    return Number(text);
  }
  digits(name: string, length: number): string {
    const text = this.take(name, length);
    if (!/^\d+$/.test(text)) this.fail(name, text);
    return text;
  }
  patronStatus(): PatronStatusFlags {
    const text = this.take('patron status', 14);
    const flags = {} as PatronStatusFlags;
    PATRON_STATUS_NAMES.forEach((name, i) => {
      const c = text[i];
      if (c !== 'Y' && c !== ' ' && c !== 'N') this.fail('patron status', text);
      // Some ACSs write N for "not denied"; only Y means yes.
      flags[name] = c === 'Y';
    });
    return flags;
  }
  get rest(): string {
    return this.text.slice(this.pos);
  }
  private fail(name: string, value: string): never {
    throw new SipProtocolError(`message ${this.id}: invalid ${name} ${JSON.stringify(value)}`, { head: this.text.slice(0, 40) });
  }
}

function begin(body: string, id: string): { fx: Fixed } {
  if (body.slice(0, 2) !== id) {
    throw new SipProtocolError(`expected message ${id}, received ${JSON.stringify(body.slice(0, 2))}`, { head: body.slice(0, 40) });
  }
  return { fx: new Fixed(body, id) };
}

function base(raw: string, fields: FieldMap, known: readonly string[]): SipResponseBase {
  return {
    raw,
    screenMessages: all(fields, F.screenMessage),
    printLines: all(fields, F.printLine),
    unknown: rest(fields, [...known, F.screenMessage, F.printLine]),
  };
}

function money(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

function intOrNull(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

function ynField(value: string | null): boolean | null {
  if (value === 'Y') return true;
  if (value === 'N') return false;
  return null;
}

// 94 Login Response: ok(1).
export interface LoginResponse extends SipResponseBase {
  ok: boolean;
}
export function parseLoginResponse(raw: string, body: string): LoginResponse {
  const { fx } = begin(body, '94');
  const ok = fx.ok('ok');
  return { ok, ...base(raw, parseVariableFields(fx.rest), []) };
}

/** The 16 Y/N flags of BX, in the order of the 2.00 specification. */
export interface SupportedMessages {
  patronStatusRequest: boolean;
  checkout: boolean;
  checkin: boolean;
  blockPatron: boolean;
  scAcsStatus: boolean;
  requestScAcsResend: boolean;
  login: boolean;
  patronInformation: boolean;
  endPatronSession: boolean;
  feePaid: boolean;
  itemInformation: boolean;
  itemStatusUpdate: boolean;
  patronEnable: boolean;
  hold: boolean;
  renew: boolean;
  renewAll: boolean;
}
const SUPPORTED_NAMES: readonly (keyof SupportedMessages)[] = [
  'patronStatusRequest', 'checkout', 'checkin', 'blockPatron', 'scAcsStatus', 'requestScAcsResend', 'login',
  'patronInformation', 'endPatronSession', 'feePaid', 'itemInformation', 'itemStatusUpdate', 'patronEnable',
  'hold', 'renew', 'renewAll',
];

export function parseSupportedMessages(text: string | null): SupportedMessages | null {
  if (text === null) return null;
  const out = {} as SupportedMessages;
  SUPPORTED_NAMES.forEach((name, i) => (out[name] = text[i] === 'Y'));
  return out;
}

// 98 ACS Status: online status(1) checkin ok(1) checkout ok(1) ACS renewal policy(1)
// status update ok(1) offline ok(1) timeout period(3) retries allowed(3) date/time sync(18)
// protocol version(4) = 34; AO AM BX AN AF AG.
export interface AcsStatusResponse extends SipResponseBase {
  online: boolean;
  checkinOk: boolean;
  checkoutOk: boolean;
  acsRenewalPolicy: boolean;
  statusUpdateOk: boolean;
  offlineOk: boolean;
  /** Tenths of a second the ACS waits; "999" means unknown (null here). */
  timeoutPeriod: number | null;
  retriesAllowed: number | null;
  dateTimeSync: Date | null;
  protocolVersion: string;
  institutionId: string | null;
  libraryName: string | null;
  supportedMessages: SupportedMessages | null;
  terminalLocation: string | null;
}
export function parseAcsStatus(raw: string, body: string): AcsStatusResponse {
  const { fx } = begin(body, '98');
  const online = fx.bool('online status');
  const checkinOk = fx.bool('checkin ok');
  const checkoutOk = fx.bool('checkout ok');
  const acsRenewalPolicy = fx.bool('ACS renewal policy');
  const statusUpdateOk = fx.bool('status update ok');
  const offlineOk = fx.bool('offline ok');
  const timeout = fx.digits('timeout period', 3);
  const retries = fx.digits('retries allowed', 3);
  const dateTimeSync = fx.date('date/time sync');
  const protocolVersion = fx.take('protocol version', 4);
  const f = parseVariableFields(fx.rest);
  return {
    online, checkinOk, checkoutOk, acsRenewalPolicy, statusUpdateOk, offlineOk,
    timeoutPeriod: timeout === '999' ? null : Number(timeout),
    retriesAllowed: retries === '999' ? null : Number(retries),
    dateTimeSync, protocolVersion,
    institutionId: first(f, F.institutionId),
    libraryName: first(f, F.libraryName),
    supportedMessages: parseSupportedMessages(first(f, F.supportedMessages)),
    terminalLocation: first(f, F.terminalLocation),
    ...base(raw, f, [F.institutionId, F.libraryName, F.supportedMessages, F.terminalLocation]),
  };
}

// 24 Patron Status Response: patron status(14) language(3) transaction date(18) = 35;
// AO AA AE BL CQ BH BV AF AG.
export interface PatronStatusResponse extends SipResponseBase {
  status: PatronStatusFlags;
  language: string;
  transactionDate: Date | null;
  institutionId: string | null;
  patronId: string | null;
  personalName: string | null;
  /** BL: null when the ACS does not say (1.00 servers). */
  validPatron: boolean | null;
  /** CQ: null when no password was checked. */
  validPatronPassword: boolean | null;
  currencyType: string | null;
  /** BV as sent (a decimal string; its sign and format vary between systems). */
  feeAmount: string | null;
}
const PATRON_STATUS_KNOWN = [F.institutionId, F.patronId, F.personalName, F.validPatron, F.validPatronPassword, F.currencyType, F.feeAmount];
export function parsePatronStatus(raw: string, body: string): PatronStatusResponse {
  const { fx } = begin(body, '24');
  const status = fx.patronStatus();
  const language = fx.take('language', 3);
  const transactionDate = fx.date('transaction date');
  const f = parseVariableFields(fx.rest);
  return {
    status, language, transactionDate,
    institutionId: first(f, F.institutionId),
    patronId: first(f, F.patronId),
    personalName: first(f, F.personalName),
    validPatron: ynField(first(f, F.validPatron)),
    validPatronPassword: ynField(first(f, F.validPatronPassword)),
    currencyType: first(f, F.currencyType),
    feeAmount: money(first(f, F.feeAmount)),
    ...base(raw, f, PATRON_STATUS_KNOWN),
  };
}

// 64 Patron Information Response: patron status(14) language(3) transaction date(18)
// hold items count(4) overdue items count(4) charged items count(4) fine items count(4)
// recall items count(4) unavailable holds count(4) = 59;
// AO AA AE BZ CA CB BL CQ BH BV CC AS AT AU AV BU CD BD BE BF AF AG.
export interface PatronInformationResponse extends PatronStatusResponse {
  counts: Record<SummaryType, number | null>;
  holdItemsLimit: number | null;
  overdueItemsLimit: number | null;
  chargedItemsLimit: number | null;
  feeLimit: string | null;
  holdItems: string[];
  overdueItems: string[];
  chargedItems: string[];
  fineItems: string[];
  recallItems: string[];
  unavailableHoldItems: string[];
  homeAddress: string | null;
  emailAddress: string | null;
  homePhone: string | null;
}
export function parsePatronInformation(raw: string, body: string): PatronInformationResponse {
  const { fx } = begin(body, '64');
  const status = fx.patronStatus();
  const language = fx.take('language', 3);
  const transactionDate = fx.date('transaction date');
  const counts = {} as Record<SummaryType, number | null>;
  for (const type of SUMMARY_POSITIONS) counts[type] = fx.count(`${type} items count`);
  const f = parseVariableFields(fx.rest);
  return {
    status, language, transactionDate, counts,
    institutionId: first(f, F.institutionId),
    patronId: first(f, F.patronId),
    personalName: first(f, F.personalName),
    validPatron: ynField(first(f, F.validPatron)),
    validPatronPassword: ynField(first(f, F.validPatronPassword)),
    currencyType: first(f, F.currencyType),
    feeAmount: money(first(f, F.feeAmount)),
    holdItemsLimit: intOrNull(first(f, F.holdItemsLimit)),
    overdueItemsLimit: intOrNull(first(f, F.overdueItemsLimit)),
    chargedItemsLimit: intOrNull(first(f, F.chargedItemsLimit)),
    feeLimit: money(first(f, F.feeLimit)),
    holdItems: all(f, F.holdItems),
    overdueItems: all(f, F.overdueItems),
    chargedItems: all(f, F.chargedItems),
    fineItems: all(f, F.fineItems),
    recallItems: all(f, F.recallItems),
    unavailableHoldItems: all(f, F.unavailableHoldItems),
    homeAddress: first(f, F.homeAddress),
    emailAddress: first(f, F.emailAddress),
    homePhone: first(f, F.homePhone),
    ...base(raw, f, [
      ...PATRON_STATUS_KNOWN, F.holdItemsLimit, F.overdueItemsLimit, F.chargedItemsLimit, F.feeLimit,
      F.holdItems, F.overdueItems, F.chargedItems, F.fineItems, F.recallItems, F.unavailableHoldItems,
      F.homeAddress, F.emailAddress, F.homePhone,
    ]),
  };
}

/** The list field of 64 that a summary type selects. */
export const SUMMARY_LIST: Record<SummaryType, keyof PatronInformationResponse & `${string}Items`> = {
  hold: 'holdItems',
  overdue: 'overdueItems',
  charged: 'chargedItems',
  fine: 'fineItems',
  recall: 'recallItems',
  unavailable: 'unavailableHoldItems',
};

export const CIRCULATION_STATUS = {
  '01': 'other',
  '02': 'on order',
  '03': 'available',
  '04': 'charged',
  '05': 'charged; not to be recalled until earliest recall date',
  '06': 'in process',
  '07': 'recalled',
  '08': 'waiting on hold shelf',
  '09': 'waiting to be re-shelved',
  '10': 'in transit between library locations',
  '11': 'claimed returned',
  '12': 'lost',
  '13': 'missing',
} as const;

// 18 Item Information Response: circulation status(2) security marker(2) fee type(2)
// transaction date(18) = 24; CF AH CJ CM AB AJ BG BH BV CK AQ AP CH AF AG.
export interface ItemInformationResponse extends SipResponseBase {
  /** Two digits, 01–13 (see CIRCULATION_STATUS). */
  circulationStatus: string;
  circulationStatusName: string | null;
  securityMarker: string;
  feeType: string;
  transactionDate: Date | null;
  holdQueueLength: number | null;
  /** AH as sent (free format in the spec), and parsed when it is an 18-character SIP date. */
  dueDate: string | null;
  dueAt: Date | null;
  recallDate: Date | null;
  holdPickupDate: Date | null;
  itemId: string | null;
  titleId: string | null;
  owner: string | null;
  currencyType: string | null;
  feeAmount: string | null;
  mediaType: string | null;
  permanentLocation: string | null;
  currentLocation: string | null;
  itemProperties: string | null;
}
export function parseItemInformation(raw: string, body: string): ItemInformationResponse {
  const { fx } = begin(body, '18');
  const circulationStatus = fx.digits('circulation status', 2);
  const securityMarker = fx.digits('security marker', 2);
  const feeType = fx.digits('fee type', 2);
  const transactionDate = fx.date('transaction date');
  const f = parseVariableFields(fx.rest);
  const dueDate = money(first(f, F.dueDate));
  return {
    circulationStatus,
    circulationStatusName: CIRCULATION_STATUS[circulationStatus as keyof typeof CIRCULATION_STATUS] ?? null,
    securityMarker, feeType, transactionDate,
    holdQueueLength: intOrNull(first(f, F.holdQueueLength)),
    dueDate,
    dueAt: parseSipDate(dueDate),
    recallDate: parseSipDate(first(f, F.recallDate)),
    holdPickupDate: parseSipDate(first(f, F.holdPickupDate)),
    itemId: first(f, F.itemId),
    titleId: first(f, F.titleId),
    owner: first(f, F.owner),
    currencyType: first(f, F.currencyType),
    feeAmount: money(first(f, F.feeAmount)),
    mediaType: first(f, F.mediaType),
    permanentLocation: first(f, F.permanentLocation),
    currentLocation: first(f, F.currentLocation),
    itemProperties: first(f, F.itemProperties),
    ...base(raw, f, [
      F.holdQueueLength, F.dueDate, F.recallDate, F.holdPickupDate, F.itemId, F.titleId, F.owner, F.currencyType,
      F.feeAmount, F.mediaType, F.permanentLocation, F.currentLocation, F.itemProperties,
    ]),
  };
}

/** The shape shared by 12 (checkout) and 30 (renew). */
export interface CirculationResponse extends SipResponseBase {
  ok: boolean;
  renewalOk: boolean;
  /** null: the ACS does not know ("U"). */
  magneticMedia: boolean | null;
  desensitize: boolean | null;
  transactionDate: Date | null;
  institutionId: string | null;
  patronId: string | null;
  itemId: string | null;
  titleId: string | null;
  dueDate: string | null;
  dueAt: Date | null;
  feeType: string | null;
  securityInhibit: boolean | null;
  currencyType: string | null;
  feeAmount: string | null;
  mediaType: string | null;
  itemProperties: string | null;
  transactionId: string | null;
  validPatron: boolean | null;
  validPatronPassword: boolean | null;
}
// 12 Checkout Response and 30 Renew Response: ok(1) renewal ok(1) magnetic media(1)
// desensitize(1) transaction date(18) = 22; AO AA AB AJ AH BT CI BH BV CK CH BK AF AG.
function parseCirculation(raw: string, body: string, id: '12' | '30'): CirculationResponse {
  const { fx } = begin(body, id);
  const ok = fx.ok('ok');
  const renewalOk = fx.bool('renewal ok');
  const magneticMedia = fx.yn('magnetic media');
  const desensitize = fx.yn('desensitize');
  const transactionDate = fx.date('transaction date');
  const f = parseVariableFields(fx.rest);
  const dueDate = money(first(f, F.dueDate));
  return {
    ok, renewalOk, magneticMedia, desensitize, transactionDate,
    institutionId: first(f, F.institutionId),
    patronId: first(f, F.patronId),
    itemId: first(f, F.itemId),
    titleId: first(f, F.titleId),
    dueDate,
    dueAt: parseSipDate(dueDate),
    feeType: first(f, F.feeType),
    securityInhibit: ynField(first(f, F.securityInhibit)),
    currencyType: first(f, F.currencyType),
    feeAmount: money(first(f, F.feeAmount)),
    mediaType: first(f, F.mediaType),
    itemProperties: first(f, F.itemProperties),
    transactionId: first(f, F.transactionId),
    validPatron: ynField(first(f, F.validPatron)),
    validPatronPassword: ynField(first(f, F.validPatronPassword)),
    ...base(raw, f, [
      F.institutionId, F.patronId, F.itemId, F.titleId, F.dueDate, F.feeType, F.securityInhibit, F.currencyType,
      F.feeAmount, F.mediaType, F.itemProperties, F.transactionId, F.validPatron, F.validPatronPassword,
    ]),
  };
}
export type CheckoutResponse = CirculationResponse;
export type RenewResponse = CirculationResponse;
export const parseCheckout = (raw: string, body: string): CheckoutResponse => parseCirculation(raw, body, '12');
export const parseRenew = (raw: string, body: string): RenewResponse => parseCirculation(raw, body, '30');

// 66 Renew All Response: ok(1) renewed count(4) unrenewed count(4) transaction date(18) = 27;
// AO BM BN AF AG.
export interface RenewAllResponse extends SipResponseBase {
  ok: boolean;
  renewedCount: number | null;
  unrenewedCount: number | null;
  transactionDate: Date | null;
  institutionId: string | null;
  renewedItems: string[];
  unrenewedItems: string[];
}
export function parseRenewAll(raw: string, body: string): RenewAllResponse {
  const { fx } = begin(body, '66');
  const ok = fx.ok('ok');
  const renewedCount = fx.count('renewed count');
  const unrenewedCount = fx.count('unrenewed count');
  const transactionDate = fx.date('transaction date');
  const f = parseVariableFields(fx.rest);
  return {
    ok, renewedCount, unrenewedCount, transactionDate,
    institutionId: first(f, F.institutionId),
    renewedItems: all(f, F.renewedItems),
    unrenewedItems: all(f, F.unrenewedItems),
    ...base(raw, f, [F.institutionId, F.renewedItems, F.unrenewedItems]),
  };
}

// 16 Hold Response: ok(1) available(1) transaction date(18) = 20; BW BR BS AO AA AB AJ AF AG.
export interface HoldResponse extends SipResponseBase {
  ok: boolean;
  available: boolean | null;
  transactionDate: Date | null;
  expirationDate: Date | null;
  queuePosition: number | null;
  pickupLocation: string | null;
  institutionId: string | null;
  patronId: string | null;
  itemId: string | null;
  titleId: string | null;
}
export function parseHold(raw: string, body: string): HoldResponse {
  const { fx } = begin(body, '16');
  const ok = fx.ok('ok');
  const available = fx.yn('available');
  const transactionDate = fx.date('transaction date');
  const f = parseVariableFields(fx.rest);
  return {
    ok, available, transactionDate,
    expirationDate: parseSipDate(first(f, F.expirationDate)),
    queuePosition: intOrNull(first(f, F.queuePosition)),
    pickupLocation: first(f, F.pickupLocation),
    institutionId: first(f, F.institutionId),
    patronId: first(f, F.patronId),
    itemId: first(f, F.itemId),
    titleId: first(f, F.titleId),
    ...base(raw, f, [F.expirationDate, F.queuePosition, F.pickupLocation, F.institutionId, F.patronId, F.itemId, F.titleId]),
  };
}

// 36 End Session Response: end session(1) transaction date(18) = 19; AO AA AF AG.
export interface EndPatronSessionResponse extends SipResponseBase {
  endSession: boolean;
  transactionDate: Date | null;
  institutionId: string | null;
  patronId: string | null;
}
export function parseEndPatronSession(raw: string, body: string): EndPatronSessionResponse {
  const { fx } = begin(body, '36');
  const endSession = fx.bool('end session');
  const transactionDate = fx.date('transaction date');
  const f = parseVariableFields(fx.rest);
  return {
    endSession, transactionDate,
    institutionId: first(f, F.institutionId),
    patronId: first(f, F.patronId),
    ...base(raw, f, [F.institutionId, F.patronId]),
  };
}

/** The answer id for each request id. */
export const RESPONSE_ID: Record<string, string> = {
  '93': '94', '99': '98', '23': '24', '63': '64', '17': '18', '11': '12', '29': '30', '65': '66', '15': '16', '35': '36',
};

