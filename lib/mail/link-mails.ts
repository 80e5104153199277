// The notice to an account's verified address when a patron record is linked to it or unlinked
// from it (P2): which library's card, which account and which day — never the card number, so a
// mailbox read by someone else gives nothing away that signs in or proves a card.
import { todayInBrussels } from '../domain/dates';
import { formatDateOnly, formatList, intlLocale } from '../i18n/format';
import { mailTranslator, renderMail, type MailLocale } from './render';
import type { Mail } from './transport';

export type LinkChange = 'linked' | 'unlinked';

export function linkChangeMail(
  to: { email: string; username: string; locale: MailLocale },
  change: LinkChange,
  libraryNames: string[],
  at: Date,
): Mail {
  const t = mailTranslator(to.locale);
  const key = change === 'linked' ? 'membershipLinked' : 'membershipUnlinked';
  const values = {
    username: to.username,
    libraries: formatList(libraryNames, intlLocale(to.locale)),
    date: formatDateOnly(todayInBrussels(at), intlLocale(to.locale)),
  };
  return {
    to: to.email,
    subject: t(`${key}.subject`),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('greeting', { name: to.username }) },
      { kind: 'p', text: t(`${key}.intro`, values) },
      { kind: 'p', text: t(`${key}.notYou`) },
    ]),
  };
}
