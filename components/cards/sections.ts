// The parts of a card, in tab order; each is /cards/[card]/<section>.
export const CARD_SECTIONS = ['loans', 'reservations', 'fees', 'history'] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

export const cardHref = (slug: string, section: CardSection = 'loans') => `/cards/${encodeURIComponent(slug)}/${section}`;
