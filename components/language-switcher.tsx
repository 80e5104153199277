// Language switcher: one small form whose buttons post the chosen locale to a server action, which
// stores it in a cookie and re-renders the page. Works without JavaScript too (a plain form post).
// Each button is labelled in its own language (`lang`); the current one is filled and marked with
// aria-current and a hidden "(current language)", and stays focusable so the pair reads the same
// for everyone.
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/actions/set-locale';
import { locales } from '@/lib/i18n/config';

export async function LanguageSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations('LanguageSwitcher')]);
  return (
    <form
      action={setLocale}
      aria-label={t('label')}
      className="inline-flex items-center gap-1 rounded-lg border border-line bg-paper p-1"
    >
      {locales.map((locale) => {
        const isCurrent = locale === current;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-current={isCurrent ? 'true' : undefined}
            className={
              isCurrent
                ? 'btn border-brand bg-brand px-3 text-sm text-white'
                : 'btn border-transparent bg-transparent px-3 text-sm text-brand-strong hover:bg-brand-soft'
            }
          >
            {t(locale)}
            {isCurrent ? (
              <span className="sr-only">
                {' '}
                {t('current')}
              </span>
            ) : null}
          </button>
        );
      })}
    </form>
  );
}
