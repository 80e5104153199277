import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { calendarFeeds } from '@/db/schema';
import { rowsOf } from '@/db/rows';
import { createCalendarFeedForAccount, revokeCalendarFeedForAccount } from '@/lib/actions/calendar-feed-core';
import { hashToken } from '@/lib/auth/link-token';
import { countAttempt } from '@/lib/auth/throttle-store';
import { buildCalendarEvents, CALENDAR_FEED_PER_CLIENT, calendarFeedThrottleKey, writeCalendar } from '@/lib/domain/calendar-feed';
import { describeOnDatabases } from '@/test/db';
import { importCardScenario, type ImportedCardScenario } from '@/test/scenarios/cards-imported';
import { parseIcs } from '@/test/support/parse-ics';
import { getAccountSettings } from './account';
import { getCalendarFeed } from './calendar';

const NOW = new Date('2026-11-20T09:00:00Z');

describeOnDatabases('calendar feed (%s)', (t) => {
  let s: ImportedCardScenario;
  beforeAll(async () => {
    s = await importCardScenario(t.db);
  });

  /** Open loans and ready reservations of an account's linked patrons, straight from the tables. */
  async function openOf(accountId: number) {
    const loans = rowsOf<{ id: number }>(
      await t.db.execute(sql`select lo.id from loans lo join account_patrons ap on ap.patron_id = lo.patron_id
                              where ap.account_id = ${accountId} and lo.returned_on is null order by lo.id`),
    ).map((r) => Number(r.id));
    const ready = rowsOf<{ id: number }>(
      await t.db.execute(sql`select rv.id from reservations rv join account_patrons ap on ap.patron_id = rv.patron_id
                              where ap.account_id = ${accountId} and rv.status = 'ready' order by rv.id`),
    ).map((r) => Number(r.id));
    return { loans, ready };
  }

  it('creating a link stores only the SHA-256 of its secret; the feed has every open loan and ready reservation of the account', async () => {
    const created = await createCalendarFeedForAccount(t.db, s.family, NOW);
    if (!created.ok) throw new Error('not created');
    const { token } = created.data;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.select().from(calendarFeeds);
    expect(rows).toEqual([{ accountId: s.family.accountId, tokenHash: hashToken(token), createdAt: expect.any(Date) }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await getAccountSettings(t.db, s.family))?.calendarFeedCreatedAt).toBe(NOW.toISOString());

    const feed = await getCalendarFeed(t.db, token);
    const expected = await openOf(s.family.accountId);
    expect(feed?.accountId).toBe(s.family.accountId);
    expect(feed!.loans.map((l) => l.id).sort((a, b) => a - b)).toEqual(expected.loans);
    expect(feed!.pickups.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected.ready);
    expect(feed!.loans.length).toBeGreaterThan(0);
    expect(feed!.pickups.map((p) => p.title)).toContain('Het gouden ei');
  });

  it('another account’s loans and reservations are never in the feed (P3)', async () => {
    const family = await createCalendarFeedForAccount(t.db, s.family, NOW);
    const mallory = await createCalendarFeedForAccount(t.db, s.mallory, NOW);
    if (!family.ok || !mallory.ok) throw new Error('not created');
    const familyFeed = (await getCalendarFeed(t.db, family.data.token))!;
    const malloryFeed = (await getCalendarFeed(t.db, mallory.data.token))!;
    const theirs = await openOf(s.mallory.accountId);
    expect(malloryFeed.accountId).toBe(s.mallory.accountId);
    expect(malloryFeed.loans.map((l) => l.id).sort((a, b) => a - b)).toEqual(theirs.loans);
    for (const id of theirs.loans) expect(familyFeed.loans.map((l) => l.id)).not.toContain(id);
    for (const id of theirs.ready) expect(familyFeed.pickups.map((p) => p.id)).not.toContain(id);
    const mine = await openOf(s.family.accountId);
    for (const id of mine.loans) expect(malloryFeed.loans.map((l) => l.id)).not.toContain(id);
    // The solo account made no link: nothing of it is reachable.
    expect(await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.accountId, s.solo.accountId))).toEqual([]);
  });

  it('P4 one statement per feed, the same for 1 and 6 memberships', async () => {
    const solo = await createCalendarFeedForAccount(t.db, s.solo, NOW);
    const family = await createCalendarFeedForAccount(t.db, s.family, NOW);
    if (!solo.ok || !family.ok) throw new Error('not created');
    t.queries.reset();
    await getCalendarFeed(t.db, solo.data.token);
    expect(t.queries.count).toBe(1);
    t.queries.reset();
    await getCalendarFeed(t.db, family.data.token);
    expect(t.queries.count).toBe(1);
    t.queries.reset();
    expect(await getCalendarFeed(t.db, 'not-a-token')).toBeNull();
    expect(t.queries.count).toBe(1);
  });

  it('a new link replaces the old one; a revoked, unknown or malformed secret finds nothing', async () => {
    const first = await createCalendarFeedForAccount(t.db, s.family, NOW);
    const second = await createCalendarFeedForAccount(t.db, s.family, NOW);
    if (!first.ok || !second.ok) throw new Error('not created');
    expect(await getCalendarFeed(t.db, first.data.token)).toBeNull();
    expect(await getCalendarFeed(t.db, second.data.token)).not.toBeNull();
    // The hash itself is no key: only the secret is.
    expect(await getCalendarFeed(t.db, hashToken(second.data.token))).toBeNull();
    // One character changed (never to the one it already is).
    const last = second.data.token.at(-1) === 'A' ? 'B' : 'A';
    expect(await getCalendarFeed(t.db, `${second.data.token.slice(0, -1)}${last}`)).toBeNull();
    expect(await getCalendarFeed(t.db, '')).toBeNull();
    expect(await getCalendarFeed(t.db, "x' or 1=1 --")).toBeNull();

    await revokeCalendarFeedForAccount(t.db, s.family);
    expect(await getCalendarFeed(t.db, second.data.token)).toBeNull();
    expect(await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.accountId, s.family.accountId))).toEqual([]);
    expect((await getAccountSettings(t.db, s.family))?.calendarFeedCreatedAt).toBeNull();
    // Another account's link is untouched by the revocation.
    expect(await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.accountId, s.mallory.accountId))).toHaveLength(1);
  });

  it('the feed as ICS, read by ical.js: in the account language, an all-day event per due date and pick-up day', async () => {
    await t.db.execute(sql`update accounts set locale = 'en' where id = ${s.family.accountId}`);
    const created = await createCalendarFeedForAccount(t.db, s.family, NOW);
    if (!created.ok) throw new Error('not created');
    const feed = (await getCalendarFeed(t.db, created.data.token))!;
    expect(feed.locale).toBe('en');
    const parsed = parseIcs(writeCalendar({ locale: feed.locale, events: buildCalendarEvents(feed), now: NOW }));
    expect(parsed.events).toHaveLength(feed.loans.length + feed.pickups.length);
    expect(parsed.events.every((e) => e.allDay && e.stampIsUtc && e.language === 'en')).toBe(true);
    const pickup = feed.pickups.find((p) => p.title === 'Het gouden ei')!;
    expect(parsed.events.find((e) => e.uid === `reservation-${pickup.id}@mijn-bibliotheek`)).toMatchObject({
      summary: `Pick up by today: ‘Het gouden ei’ (${pickup.branchName})`,
      start: pickup.readyUntil,
    });
    for (const loan of feed.loans) {
      expect(parsed.events.find((e) => e.uid === `loan-${loan.id}@mijn-bibliotheek`)).toMatchObject({
        summary: `Return: ‘${loan.title}’ (${loan.libraryName})`,
        start: loan.dueOn,
      });
    }
    await t.db.execute(sql`update accounts set locale = 'nl' where id = ${s.family.accountId}`);
  });

  it('throttle: every request of a client address counts; past the limit that address is refused, another is not', async () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const key = calendarFeedThrottleKey('203.0.113.77');
    for (let i = 0; i < CALENDAR_FEED_PER_CLIENT.maxFailures; i++) expect((await countAttempt(t.db, [key], at)).allowed).toBe(true);
    const refused = await countAttempt(t.db, [key], at);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await countAttempt(t.db, [calendarFeedThrottleKey('203.0.113.78')], at)).allowed).toBe(true);
  });
});
