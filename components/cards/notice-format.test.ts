import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { catalogs } from '@/lib/i18n/messages';
import { formatDateOnly } from '@/lib/i18n/format';
import { noticeSentence, type NoticeEntry } from './notice-format';

const base: NoticeEntry = {
  id: 7, kind: 'renewal', reason: 'loan_returned', libraryName: 'Bibliotheek Zottegem', title: 'Max Havelaar', newDueOn: '2026-12-18',
  reservationStatus: null, readyUntil: null, pickupBranch: null, requestedBranch: null,
};
/** As card-notices.tsx formats dates: the one date-only formatter, in the request's locale. */
const longDate = (locale: 'nl' | 'en') => (iso: string) => formatDateOnly(iso, locale);

/** The sentence the card page shows (card-notices.tsx), from the real catalogues. */
function render(notice: NoticeEntry, locale: 'nl' | 'en'): string {
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: 'Notices' });
  const s = noticeSentence(notice, longDate(locale));
  return t('sentence', { change: t(`change.${s.change.key}`, s.change.values), reason: t(`reason.${s.reason.key}`, s.reason.values) });
}

describe('issue 13 §5 notice sentences', () => {
  it.each([
    ['a renewal of a returned loan', base, 'nl', 'Bibliotheek Zottegem heeft je verlenging van ‘Max Havelaar’ tot 18 december 2026 niet overgenomen: het was al ingeleverd.'],
    ['the same in English', base, 'en', 'Bibliotheek Zottegem did not accept your renewal of ‘Max Havelaar’ until 18 December 2026: it had already been returned.'],
    ['a renewal without a readable new due date', { ...base, newDueOn: 'junk' }, 'nl', 'Bibliotheek Zottegem heeft je verlenging van ‘Max Havelaar’ niet overgenomen: het was al ingeleverd.'],
    [
      'a cancelled reservation the library marks ready',
      { ...base, kind: 'reservation_cancelled', reason: 'reservation_ready', title: 'Het gouden ei', newDueOn: null, reservationStatus: 'ready', readyUntil: '2026-11-26', pickupBranch: 'Oosterzele' },
      'nl',
      'Bibliotheek Zottegem heeft je annulering van de reservering van ‘Het gouden ei’ niet overgenomen: het ligt al klaar om af te halen in Oosterzele, tot en met 26 november 2026.',
    ],
    [
      'ready, but the copy no longer says until when',
      { ...base, kind: 'reservation_cancelled', reason: 'reservation_ready', title: 'Het gouden ei', newDueOn: null, reservationStatus: 'waiting' },
      'en',
      'Bibliotheek Zottegem did not accept your cancellation of the reservation of ‘Het gouden ei’: it is already ready for pick-up.',
    ],
    [
      'a pick-up change of a reservation the library cancelled',
      { ...base, kind: 'pickup_changed', reason: 'reservation_cancelled_by_library', newDueOn: null, requestedBranch: 'Strijpen' },
      'nl',
      'Bibliotheek Zottegem heeft je nieuwe afhaalplaats Strijpen voor ‘Max Havelaar’ niet overgenomen: de bibliotheek had de reservering al geannuleerd.',
    ],
    [
      'a pick-up change of a reservation already picked up, branch unknown',
      { ...base, kind: 'pickup_changed', reason: 'reservation_fulfilled', newDueOn: null },
      'en',
      'Bibliotheek Zottegem did not accept your new pick-up location for ‘Max Havelaar’: you had already picked it up.',
    ],
    ['an unknown kind and reason', { ...base, kind: 'history_cleared', reason: 'something_new' }, 'en', 'Bibliotheek Zottegem did not accept a change you made in Mijn Bibliotheek: the library\'s records take precedence.'],
    ['no title', { ...base, title: null }, 'nl', 'Bibliotheek Zottegem heeft een wijziging die je in Mijn Bibliotheek maakte niet overgenomen: het was al ingeleverd.'],
  ] as const)('%s', (_name, notice, locale, expected) => {
    expect(render(notice, locale)).toBe(expected);
  });

  it('titles and library names are values, never message syntax', () => {
    expect(render({ ...base, title: "{evil} '<b>' 50%", libraryName: 'Bib {x}' }, 'nl')).toBe(
      "Bib {x} heeft je verlenging van ‘{evil} '<b>' 50%’ tot 18 december 2026 niet overgenomen: het was al ingeleverd.",
    );
  });
});
