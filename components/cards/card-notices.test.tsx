// The card's notices as the page renders them (changes a library did not take over): a region named by its heading, a list,
// one sentence per notice and a "Begrepen" form per notice that posts without JavaScript. The
// server component is rendered with the real catalogues; the server action is stood in for.
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { catalogs } from '@/lib/i18n/messages';
import type { NoticeEntry } from './notice-format';

const locale = vi.hoisted(() => ({ current: 'nl' as 'nl' | 'en' }));

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: 'Notices') => createTranslator({ locale: locale.current, messages: catalogs[locale.current], namespace }),
  getLocale: async () => locale.current,
}));
vi.mock('@/lib/actions/dismiss-notice', () => ({ dismissNoticeForm: async () => ({ ok: true, data: { changeId: 0 } }) }));

const { CardNotices } = await import('./card-notices');

const notice: NoticeEntry = {
  id: 41, kind: 'renewal', reason: 'loan_returned', libraryName: 'Bibliotheek Zottegem', title: 'Max Havelaar', newDueOn: '2026-12-18',
  reservationStatus: null, readyUntil: null, pickupBranch: null, requestedBranch: null,
};

async function render(notices: NoticeEntry[], lang: 'nl' | 'en'): Promise<string> {
  locale.current = lang;
  const tree = await CardNotices({ notices });
  if (tree === null) return '';
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={lang} messages={catalogs[lang]} timeZone="Europe/Brussels">
      {tree}
    </NextIntlClientProvider>,
  );
}

describe('CardNotices', () => {
  it('renders nothing without notices', async () => {
    expect(await render([], 'nl')).toBe('');
  });

  it('a region with a heading, the sentence, and a Begrepen form described by it', async () => {
    const html = await render([notice, { ...notice, id: 42, kind: 'reservation_cancelled', reason: 'reservation_ready', title: 'Het gouden ei' }], 'nl');
    expect(html).toMatch(/^<section aria-labelledby="notices-title"/);
    expect(html).toContain('<h2 id="notices-title" tabindex="-1" class="text-lg font-semibold">Niet overgenomen door je bibliotheek</h2>');
    expect(html).toContain('<p id="notice-41" class="min-w-0 flex-1 basis-64">Bibliotheek Zottegem heeft je verlenging van ‘Max Havelaar’ tot 18 december 2026 niet overgenomen: het was al ingeleverd.</p>');
    expect(html).toContain('heeft je annulering van de reservering van ‘Het gouden ei’ niet overgenomen: het ligt al klaar om af te halen.');
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain('<input type="hidden" name="changeId" value="41"/>');
    expect(html).toMatch(/<button type="submit" class="btn btn-secondary" aria-describedby="notice-41">Begrepen<\/button>/);
    // The form's action: Next.js renders a server action reference as a real POST target (as for the
    // refresh button); outside Next, React renders a placeholder, so only the form itself is checked.
    expect(html.match(/<form /g)).toHaveLength(2);
  });

  it('in English (dates as the rest of the portal shows them in English)', async () => {
    const html = await render([notice], 'en');
    expect(html).toContain('Not accepted by your library');
    expect(html).toContain('Bibliotheek Zottegem did not accept your renewal of ‘Max Havelaar’ until 18 December 2026: it had already been returned.');
    expect(html).toContain('>Got it</button>');
  });

  it('a title is text, never markup', async () => {
    const html = await render([{ ...notice, title: '<img src=x onerror=alert(1)>' }], 'nl');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
