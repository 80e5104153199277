// next-intl's request configuration (wired in next.config.ts): one locale per request, from the
// `locale` cookie, else Accept-Language, else Dutch. Reading cookies/headers makes pages dynamic,
// which every page of the portal is anyway (patron data).
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, resolveLocale, timeZone, type Locale } from './config';
import { catalogs } from './messages';

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get('accept-language'),
  });
  return { locale, messages: catalogs[locale], timeZone };
});
