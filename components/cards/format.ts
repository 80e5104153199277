// Formatting shared by the card pages: date-only values and euro amounts in the patron's language.
import { formatCents } from '@/lib/domain/money';

/**
 * A `YYYY-MM-DD` value as a Date at noon UTC: formatted in Europe/Brussels (next-intl's time zone)
 * it is the same calendar day all year, so a due date never shifts by a day.
 */
export function dateOnly(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

export const LONG_DATE = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/** Amounts as in nl-BE for Dutch (ARCHITECTURE: dates and money), Belgian English otherwise. */
export function formatAmount(cents: number, locale: string): string {
  return formatCents(cents, locale === 'en' ? 'en-BE' : 'nl-BE');
}
