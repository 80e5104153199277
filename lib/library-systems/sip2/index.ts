// The SIP2 client's public surface; the other files are its parts.
export { Sip2Client, sip2ClientOptionsSchema } from './client';
export type {
  Sip2ClientOptions, Sip2ClientSettings, Sip2ClientDeps, PatronPasswordOption, PatronInformationOptions, CheckoutOptions, RenewOptions,
  RenewAllOptions, HoldOptions,
} from './client';
export type {
  AcsStatusResponse, PatronStatusResponse, PatronInformationResponse, ItemInformationResponse, CheckoutResponse,
  RenewResponse, RenewAllResponse, HoldResponse, EndPatronSessionResponse, LoginResponse, SipResponseBase,
  PatronStatusFlags, SupportedMessages, SummaryType, HoldMode, HoldType,
} from './messages';
export { CIRCULATION_STATUS } from './messages';
export { SipError, SipTimeoutError, SipConnectionError, SipLoginError, SipProtocolError, SipArgumentError, SipPoolError } from './errors';
export type { SipCharset } from './charset';
export { formatSipDate, parseSipDate } from './dates';
