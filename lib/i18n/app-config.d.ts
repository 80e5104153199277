// Typed messages and locales for next-intl: `t('Home.title')` is checked against the Dutch catalogue.
import type { Locale } from './config';
import type { Messages } from './messages';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
