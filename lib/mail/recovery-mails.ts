// The mails of recovery and e-mail change, each in the account's language.
import { publicBaseUrl, type Mail } from './transport';
import { mailTranslator, renderMail, type MailLocale } from './render';

interface Recipient {
  email: string;
  username: string;
  locale: MailLocale;
}

const url = (pathAndQuery: string, base = publicBaseUrl()) => `${base}${pathAndQuery}`;

export function passwordResetMail(to: Recipient, token: string, base?: string): Mail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: t('passwordReset.subject'),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('greeting', { name: to.username }) },
      { kind: 'p', text: t('passwordReset.intro', { username: to.username }) },
      { kind: 'link', label: t('passwordReset.action'), url: url(`/reset-password?token=${encodeURIComponent(token)}`, base) },
      { kind: 'p', text: t('passwordReset.validity') },
      { kind: 'p', text: t('passwordReset.notYou') },
    ]),
  };
}

export function passwordChangedMail(to: Recipient, base?: string): Mail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: t('passwordChanged.subject'),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('greeting', { name: to.username }) },
      { kind: 'p', text: t('passwordChanged.intro', { username: to.username }) },
      { kind: 'p', text: t('passwordChanged.notYou') },
      { kind: 'link', label: t('passwordChanged.action'), url: url('/forgot-password', base) },
    ]),
  };
}

export function usernamesMail(to: { email: string; locale: MailLocale }, usernames: string[], base?: string): Mail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: t('usernames.subject'),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('usernames.intro', { count: usernames.length }) },
      { kind: 'list', items: usernames },
      { kind: 'link', label: t('usernames.signIn'), url: url('/login', base) },
      { kind: 'p', text: t('usernames.forgotPassword') },
      { kind: 'link', label: url('/forgot-password', base), url: url('/forgot-password', base) },
      { kind: 'p', text: t('usernames.notYou') },
    ]),
  };
}

export function emailChangeMail(to: Recipient, token: string, base?: string): Mail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: t('emailChange.subject'),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('greeting', { name: to.username }) },
      { kind: 'p', text: t('emailChange.intro', { email: to.email, username: to.username }) },
      { kind: 'link', label: t('emailChange.action'), url: url(`/confirm-email?token=${encodeURIComponent(token)}`, base) },
      { kind: 'p', text: t('emailChange.validity') },
      { kind: 'p', text: t('emailChange.notYou') },
    ]),
  };
}

/** The link that verifies the address given at activation (or asked for again). */
export function emailVerifyMail(to: Recipient, token: string, base?: string): Mail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: t('emailVerify.subject'),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('greeting', { name: to.username }) },
      { kind: 'p', text: t('emailVerify.intro', { email: to.email, username: to.username }) },
      { kind: 'link', label: t('emailVerify.action'), url: url(`/confirm-email?token=${encodeURIComponent(token)}`, base) },
      { kind: 'p', text: t('emailVerify.validity') },
      { kind: 'p', text: t('emailVerify.notYou') },
    ]),
  };
}

/**
 * To the OLD address once a change is confirmed. The new address is shown masked: enough for the
 * owner to recognise it, not a gift to whoever reads a mailbox that is no longer theirs.
 */
export function emailChangedMail(to: Recipient, newEmail: string): Mail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: t('emailChanged.subject'),
    ...renderMail(to.locale, [
      { kind: 'p', text: t('greeting', { name: to.username }) },
      { kind: 'p', text: t('emailChanged.intro', { username: to.username, email: maskEmail(newEmail) }) },
      { kind: 'p', text: t('emailChanged.notYou') },
    ]),
  };
}

/** `an.peeters@example.be` → `a…s@example.be`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  const local = email.slice(0, at);
  const masked = local.length <= 2 ? `${local[0]}…` : `${local[0]}…${local[local.length - 1]}`;
  return `${masked}${email.slice(at)}`;
}
