import 'server-only';
// What a page or route handler of app/ asks for: each view of the data layer on the app's own
// database and today's date in Brussels, once per request (React `cache`: the
// page, its generateMetadata and any streamed part share one statement, P4). They take the signed-in
// account (P3) and the card's slug as the URL gave it; app/ never opens the database itself.
// The views themselves stay functions of (db, account, …, today) that the tests call directly.
// Which database: `readFor` (lib/auth/read-routing.ts) — the replica when DATABASE_REPLICA_URL is
// set, the primary for an account whose own write the replica has not replayed yet, and always the
// primary without a replica. The throttle counts and the token's last use are writes: the primary.
import { cache } from 'react';
import { getDb } from '@/db/client';
import { readFor } from '@/lib/auth/read-routing';
import type { SignedInAccount } from '@/lib/auth/session';
import { todayInBrussels } from '@/lib/domain/dates';
import { countAttempt } from '@/lib/auth/throttle-store';
import { calendarFeedThrottleKey } from '@/lib/domain/calendar-feed';
import { apiClientThrottleKey, apiTokenThrottleKey, bearerToken, type ApiResource } from '@/lib/domain/personal-api';
import { recordApiTokenUse } from '@/lib/auth/api-token-use';
import { hashToken } from '@/lib/auth/link-token';
import { getAccountSettings } from './account';
import { getCalendarFeed } from './calendar';
import { listApiTokens, readPersonalApi } from './personal-api';
import { listCards } from './cards';
import { getFeesView } from './fees';
import { getHistoryView, listHistoryForExport } from './history';
import { getLibraryCardView } from './library-card';
import { getLoansView } from './loans';
import { getMembershipsView } from './memberships';
import { listNetwork } from './network';
import { getOverview } from './overview';
import { checkEmailChangeLink, checkResetLink } from './recovery';
import { getReservationsView } from './reservations';

const today = () => todayInBrussels(new Date());

/** /cards/[card]/loans: null when the card is not the account's (the page answers 404). */
export const loadLoansView = cache(async (account: SignedInAccount, slug: string) => readFor(account.accountId, (db) => getLoansView(db, account, slug, today())));

/** /cards/[card]/reservations: null when the card is not the account's. */
export const loadReservationsView = cache(async (account: SignedInAccount, slug: string) =>
  readFor(account.accountId, (db) => getReservationsView(db, account, slug, today())),
);

/** /cards/[card]/fees: null when the card is not the account's. */
export const loadFeesView = cache(async (account: SignedInAccount, slug: string) => readFor(account.accountId, (db) => getFeesView(db, account, slug, today())));

/** /cards/[card]/history: one page of the history (plain arguments, so the cache can match them). */
export const loadHistoryView = cache(async (account: SignedInAccount, slug: string, page: number, search: string | undefined) =>
  readFor(account.accountId, (db) => getHistoryView(db, account, slug, { page, search }, today())),
);

/** /api/cards/[card]/history: the CSV export's entries, or null when the card is not the account's. */
export async function loadHistoryExport(account: SignedInAccount, slug: string, search: string | null) {
  const date = today();
  return { today: date, result: await readFor(account.accountId, (db) => listHistoryForExport(db, account, slug, search, date)) };
}

/** /cards: every card of the account, in chooser order. */
export const loadCards = cache(async (account: SignedInAccount) => readFor(account.accountId, (db) => listCards(db, account, today())));

/** /overview. */
export const loadOverview = cache(async (account: SignedInAccount) => readFor(account.accountId, (db) => getOverview(db, account, today())));

/** /library-card: every card of the account's linked patrons, whole, for the desk to scan. */
export const loadLibraryCardView = cache(async (account: SignedInAccount) => readFor(account.accountId, (db) => getLibraryCardView(db, account)));

/** /memberships (Info lidmaatschap). */
export const loadMembershipsView = cache(async (account: SignedInAccount) => readFor(account.accountId, (db) => getMembershipsView(db, account, today())));

/** /account: null when the account no longer exists. */
export const loadAccountSettings = cache(async (account: SignedInAccount) => readFor(account.accountId, (db) => getAccountSettings(db, account)));

/** / (public): the network of regions, libraries and branches. */
export const loadNetwork = cache(async () => readFor(null, listNetwork));

/** /reset-password (public): whether the mailed link still works. */
export const loadResetLink = cache(async (token: string) => readFor(null, (db) => checkResetLink(db, token)));

/** /confirm-email (public): whether the mailed link still works, and what it confirms. */
export const loadEmailChangeLink = cache(async (token: string) => readFor(null, (db) => checkEmailChangeLink(db, token)));

/**
 * /api/calendar/[token] (public, no session): the feed of a secret, counted against the client's
 * throttle bucket first (every request counts); null when no account has that secret.
 */
export async function loadCalendarFeed(token: string, clientAddress: string, now = new Date()) {
  const db = await getDb();
  const status = await countAttempt(db, [calendarFeedThrottleKey(clientAddress)], now);
  if (!status.allowed) return { throttled: true as const, retryAfterMs: status.retryAfterMs };
  return { throttled: false as const, feed: await readFor(null, (read) => getCalendarFeed(read, token)) };
}

/** /account: the account's active personal API tokens. */
export const loadApiTokens = cache(async (account: SignedInAccount) => readFor(account.accountId, (db) => listApiTokens(db, account)));

/**
 * /api/v1/[resource] (no session: the bearer token is the key): every request counts against the
 * client address's bucket and, when a token was sent, that token's bucket (by its hash) first; a
 * missing, unknown or revoked token reads as `data: null`, all alike.
 */
export async function loadPersonalApi(resource: ApiResource, authorization: string | null, clientAddress: string, now = new Date()) {
  const db = await getDb();
  const token = bearerToken(authorization);
  const tokenHash = token ? hashToken(token) : null;
  const keys = [apiClientThrottleKey(clientAddress), ...(tokenHash ? [apiTokenThrottleKey(tokenHash)] : [])];
  const status = await countAttempt(db, keys, now);
  if (!status.allowed) return { throttled: true as const, retryAfterMs: status.retryAfterMs };
  const found = tokenHash ? await readFor(null, (read) => readPersonalApi(read, resource, tokenHash)) : null;
  if (!found) return { throttled: false as const, body: null };
  await recordApiTokenUse(db, found.tokenId, now);
  return { throttled: false as const, body: { data: found.data } };
}
