// The message catalogues, one file per area and language so that work on one area does not
// collide with another: nl.json/en.json (the shell), identity.* (sign-in, activation, Info
// lidmaatschap, account), portal.* (cards, overview, loans, reservations, fees, history),
// sync.* (freshness of linked libraries' data and the refresh button), notices.* (the
// card's notices of changes a library did not take over), calendar.* (the calendar feed link),
// api.* (the personal API tokens), error.* (the error boundaries' few lines, on their own so that
// app/global-error.tsx, which cannot use the provider, ships only them to the browser).
// Each area file holds its own top-level namespaces; the test checks nl and en stay in step.
import apiEn from './api.en.json';
import apiNl from './api.nl.json';
import calendarEn from './calendar.en.json';
import calendarNl from './calendar.nl.json';
import en from './en.json';
import errorEn from './error.en.json';
import errorNl from './error.nl.json';
import identityEn from './identity.en.json';
import identityNl from './identity.nl.json';
import mailEn from './mail.en.json';
import mailNl from './mail.nl.json';
import nl from './nl.json';
import noticesEn from './notices.en.json';
import noticesNl from './notices.nl.json';
import portalEn from './portal.en.json';
import portalNl from './portal.nl.json';
import renewalEn from './renewal.en.json';
import renewalNl from './renewal.nl.json';
import syncEn from './sync.en.json';
import syncNl from './sync.nl.json';

const nlCatalog = { ...nl, ...errorNl, ...identityNl, ...portalNl, ...renewalNl, ...mailNl, ...syncNl, ...noticesNl, ...calendarNl, ...apiNl };
export type Messages = typeof nlCatalog;

export const catalogs: { nl: Messages; en: Messages } = {
  nl: nlCatalog,
  en: { ...en, ...errorEn, ...identityEn, ...portalEn, ...renewalEn, ...mailEn, ...syncEn, ...noticesEn, ...calendarEn, ...apiEn },
};
