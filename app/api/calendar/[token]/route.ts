// The private calendar feed (ICS): due dates and pick-up deadlines of every card of the account
// whose secret is in the URL. No session — a calendar app has none — so the secret is the key: it
// is looked up by its hash only, an unknown, revoked or malformed one answers the same 404, and
// every request counts against the client address's throttle bucket. The request line masks the
// secret (lib/log.ts `safe.path`); this route logs no more than whether a feed was served.
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { buildCalendarEvents, writeCalendar } from '@/lib/domain/calendar-feed';
import { loadCalendarFeed } from '@/lib/data/loaders';

export const dynamic = 'force-dynamic';

const NOT_FOUND_HEADERS = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const now = new Date();
  const result = await loadCalendarFeed(token, clientAddressFromHeaders(request.headers), now);
  if (result.throttled) {
    return new Response('Too Many Requests', {
      status: 429,
      headers: { ...NOT_FOUND_HEADERS, 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) },
    });
  }
  if (!result.feed) return new Response('Not Found', { status: 404, headers: NOT_FOUND_HEADERS });
  const { feed } = result;
  const body = writeCalendar({ locale: feed.locale, events: buildCalendarEvents(feed), now });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="mijn-bibliotheek.ics"',
      // Personal data: never kept by a shared cache.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  });
}
