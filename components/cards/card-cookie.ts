// The card chooser remembers the last chosen card in this cookie (a preference, not a secret:
// readable by the page's script, which sets it). /cards sends the patron back to that card.
export const LAST_CARD_COOKIE = 'mb-last-card';
export const LAST_CARD_MAX_AGE = 60 * 60 * 24 * 365;
