// Building blocks of every mail: plain text plus simple HTML, in the account's language. No
// images, fonts, stylesheets or tracking from elsewhere — only inline styles and our own links.
// Everything that comes from data is escaped.
import { createTranslator } from 'use-intl/core';
import { catalogs } from '../i18n/messages';
import type { Locale } from '../i18n/config';

export type MailLocale = Locale;

export function mailTranslator(locale: MailLocale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: 'Mail' });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** One block of a mail, rendered both ways. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'raw'; text: string; html: string };

export function renderMail(locale: MailLocale, blocks: Block[]): { text: string; html: string } {
  const t = mailTranslator(locale);
  const all: Block[] = [...blocks, { kind: 'p', text: t('signature') }, { kind: 'p', text: t('automatic') }];
  const text = all
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return b.text;
        case 'heading':
          return `${b.text}\n${'='.repeat(Math.min(b.text.length, 60))}`;
        case 'link':
          return `${b.label}:\n${b.url}`;
        case 'list':
          return b.items.map((i) => `- ${i}`).join('\n');
        case 'raw':
          return b.text;
      }
    })
    .join('\n\n');
  const body = all
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p>${escapeHtml(b.text).replaceAll('\n', '<br>')}</p>`;
        case 'heading':
          return `<h2 style="font-size:1.1em;margin:1.2em 0 0.4em">${escapeHtml(b.text)}</h2>`;
        case 'link':
          return `<p><a href="${escapeHtml(b.url)}" style="color:#0b5f63;font-weight:bold">${escapeHtml(b.label)}</a></p>`;
        case 'list':
          return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
        case 'raw':
          return b.html;
      }
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;color:#1d2327;line-height:1.5;max-width:40em;margin:0 auto;padding:1em">
${body}
</body>
</html>
`;
  return { text: text + '\n', html };
}
