'use server';
import 'server-only';
// Sets the interface language: stores the choice in the `locale` cookie, then re-renders the page.
// Public on purpose (the language can be chosen before signing in) and harmless: the only input is
// one of the supported locales, checked with zod, and the only effect is the caller's own cookie.
// Anything else is ignored — the switcher only ever posts a valid locale, so there is nothing to
// report to a patron.
import { cookies } from 'next/headers';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, locales } from '@/lib/i18n/config';

const input = z.object({ locale: z.enum(locales) });

export async function setLocale(formData: FormData): Promise<void> {
  // Whatever the caller posted: only FormData carries a locale (a server action is a public endpoint).
  const parsed = input.safeParse({ locale: formData instanceof FormData ? formData.get('locale') : null });
  if (!parsed.success) return;
  const store = await cookies();
  // Not `secure`: a language preference is no secret, and the demo is served over plain http too.
  store.set(LOCALE_COOKIE, parsed.data.locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
  });
  // Re-render the current page (and its layout) in the new language.
  refresh();
}
