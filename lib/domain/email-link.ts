// E-mail change and verified addresses: one kind of link confirms an address. `verify`: the link confirms the
// account's own (pending) address; `change`: it moves the account to a new one. Addresses compare
// without regard to case.
export type EmailLinkKind = 'verify' | 'change';

export const emailLinkKind = (current: string, next: string): EmailLinkKind => (current.toLowerCase() === next.toLowerCase() ? 'verify' : 'change');
