// Variable-length fields: a two-letter id, the value, and the "|" delimiter. The spec allows any
// order, and several may repeat (AF screen messages, AS/AT/AU/AV/BU/CD item lists, BM/BN renewed
// lists …), so every field is collected as an array; parsers then pick what they know.
import { SipArgumentError } from './errors';

export const FIELD_DELIMITER = '|';

/** Field ids of SIP2 2.00 used here, with a readable name (also for docs and error messages). */
export const FIELD = {
  patronId: 'AA',
  itemId: 'AB',
  terminalPassword: 'AC',
  patronPassword: 'AD',
  personalName: 'AE',
  screenMessage: 'AF',
  printLine: 'AG',
  dueDate: 'AH',
  titleId: 'AJ',
  blockedCardMessage: 'AL',
  libraryName: 'AM',
  terminalLocation: 'AN',
  institutionId: 'AO',
  currentLocation: 'AP',
  permanentLocation: 'AQ',
  holdItems: 'AS',
  overdueItems: 'AT',
  chargedItems: 'AU',
  fineItems: 'AV',
  sequenceNumber: 'AY',
  checksum: 'AZ',
  homeAddress: 'BD',
  emailAddress: 'BE',
  homePhone: 'BF',
  owner: 'BG',
  currencyType: 'BH',
  cancel: 'BI',
  transactionId: 'BK',
  validPatron: 'BL',
  renewedItems: 'BM',
  unrenewedItems: 'BN',
  feeAcknowledged: 'BO',
  startItem: 'BP',
  endItem: 'BQ',
  queuePosition: 'BR',
  pickupLocation: 'BS',
  feeType: 'BT',
  recallItems: 'BU',
  feeAmount: 'BV',
  expirationDate: 'BW',
  supportedMessages: 'BX',
  holdType: 'BY',
  holdItemsLimit: 'BZ',
  overdueItemsLimit: 'CA',
  chargedItemsLimit: 'CB',
  feeLimit: 'CC',
  unavailableHoldItems: 'CD',
  holdQueueLength: 'CF',
  itemProperties: 'CH',
  securityInhibit: 'CI',
  recallDate: 'CJ',
  mediaType: 'CK',
  holdPickupDate: 'CM',
  loginUserId: 'CN',
  loginPassword: 'CO',
  locationCode: 'CP',
  validPatronPassword: 'CQ',
} as const;

export type FieldId = (typeof FIELD)[keyof typeof FIELD];

/** Field values by id, in arrival order; ids the caller does not know are kept too. */
export type FieldMap = Map<string, string[]>;

/** Splits the variable part of a message (after the fixed part, without AY/AZ) into fields. */
export function parseVariableFields(text: string): FieldMap {
  const fields: FieldMap = new Map();
  for (const chunk of text.split(FIELD_DELIMITER)) {
    // A trailing delimiter leaves an empty chunk; a lone letter is noise, not a field.
    if (chunk.length < 2) continue;
    const id = chunk.slice(0, 2);
    const list = fields.get(id);
    if (list) list.push(chunk.slice(2));
    else fields.set(id, [chunk.slice(2)]);
  }
  return fields;
}

/** The first value of a field, or null when absent. */
export function first(fields: FieldMap, id: string): string | null {
  return fields.get(id)?.[0] ?? null;
}

/** All values of a field (empty when absent). */
export function all(fields: FieldMap, id: string): string[] {
  return fields.get(id) ?? [];
}

/** The fields a parser did not consume, for `unknown` on a response. */
export function rest(fields: FieldMap, known: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, values] of fields) if (!known.includes(id)) out[id] = [...values];
  return out;
}

/**
 * One field as it goes on the wire. A "|" or CR inside a value would end the field or the whole
 * message early and let a patron-typed value inject fields, so such values are refused.
 */
export function field(id: string, value: string): string {
  if (/[|\r\n]/.test(value)) throw new SipArgumentError(`the value for field ${id} contains "|" or a line break`);
  return `${id}${value}${FIELD_DELIMITER}`;
}

/** A field only when a value is given (optional fields of a request). */
export function optionalField(id: string, value: string | null | undefined): string {
  return value === undefined || value === null ? '' : field(id, value);
}

/** A fixed-length request field: refuses values of the wrong length rather than misalign the rest. */
export function fixed(name: string, value: string, length: number): string {
  if (value.length !== length) throw new SipArgumentError(`${name} must be ${length} characters`);
  return value;
}
