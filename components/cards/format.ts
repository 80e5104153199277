// Euro amounts on the card pages in the patron's language (dates: formatDateOnly, lib/i18n/format.ts).
import { formatCents } from '@/lib/domain/money';

/** Amounts as in nl-BE for Dutch (ARCHITECTURE: dates and money), Belgian English otherwise. */
export function formatAmount(cents: number, locale: string): string {
  return formatCents(cents, locale === 'en' ? 'en-BE' : 'nl-BE');
}
